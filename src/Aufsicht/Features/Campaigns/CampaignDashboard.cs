using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns;

/// <summary>Counts of bodies per status within one group (a body kind, a region).</summary>
internal sealed record StatusCounts(string Group, int Compliant, int Deficient, int Unclear, int NotAnswered)
{
    public int Total => Compliant + Deficient + Unclear + NotAnswered;
}

/// <summary>How many bodies use a service, per verdict of their use.</summary>
internal sealed record ServiceUse(string Service, int Green, int Yellow, int Red, int NotAssessed)
{
    public int Total => Green + Yellow + Red + NotAssessed;
}

internal sealed record DeficientBody(long Id, string Name, string Kind, string? Region, string MainFindings);

/// <summary>
/// Everything the dashboard and the report show about a campaign: the campaign as it is now, its figures (cached,
/// <see cref="DashboardCache"/>), and the deficient bodies asked for — one page of them, or all for the report.
/// </summary>
internal sealed record DashboardData(CampaignRecord Campaign, DashboardFigures Figures, IReadOnlyList<DeficientBody> Deficient);

/// <summary>A campaign's figures without the campaign itself, with every deficient body: what the dashboard cache keeps.</summary>
internal sealed record DashboardFigures(
    StatusCounts Overall,
    IReadOnlyList<(DateOnly Day, int Cumulative)> Responses,
    IReadOnlyList<StatusCounts> ByKind,
    IReadOnlyList<StatusCounts> ByRegion,
    IReadOnlyList<ServiceUse> Services,
    IReadOnlyList<DeficientBody> Deficient,
    int PendingOthers,
    IReadOnlyDictionary<OutboxState, int> Mail);

internal static class CampaignDashboard
{
    public const int PageSize = 50;

    /// <summary>
    /// The campaign's figures, with one <paramref name="page"/> of deficient bodies (<see cref="PageSize"/> each), or
    /// all of them when <paramref name="page"/> is null (the report lists every one). The figures come from
    /// <paramref name="cache"/> when nothing they show has changed since they were computed.
    /// </summary>
    public static async Task<DashboardData?> LoadAsync(AufsichtDb db, DashboardCache cache, long campaignId, int? page, int regions, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cache);
        // The campaign and its stamp in one statement, before the figures: figures computed after reading the stamp
        // include every change it stands for. One round trip less on every view.
#pragma warning disable RS0030 // inside a projection: translated to a SQL subquery
        var read = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new { Campaign = c, Stamp = db.CampaignStamps.Where(s => s.CampaignId == campaignId).Select(s => s.Stamp).FirstOrDefault() })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
#pragma warning restore RS0030
        if (read is null)
        {
            return null;
        }

        var campaign = read.Campaign;
        var figures = await cache.GetAsync(campaignId, regions, read.Stamp, cancel).ConfigureAwait(false);
        var deficient = page is { } index ? figures.Deficient.Skip(index * PageSize).Take(PageSize).ToList() : figures.Deficient;
        return new DashboardData(campaign, figures, deficient);
    }

    /// <summary>Computes every figure of the campaign afresh, with all its deficient bodies (what <see cref="DashboardCache"/> keeps).</summary>
    public static async Task<DashboardFigures> ComputeAsync(AufsichtDb db, long campaignId, int regions, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var targets = db.CampaignBodies.Where(t => t.CampaignId == campaignId).Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b);
        var evaluations = db.Evaluations.Where(e => e.CampaignId == campaignId);

        var byKindTargets = await targets.GroupBy(b => b.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel).ConfigureAwait(false);
        var byKindStatus = await evaluations.Join(db.Bodies, e => e.BodyId, b => b.Id, (e, b) => new { b.Kind, e.Status })
            .GroupBy(x => new { x.Kind, x.Status }).Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() }).ToListAsync(cancel).ConfigureAwait(false);
        var byKind = byKindTargets
            .Select(t => Counts(t.Key, t.Count, byKindStatus.Where(s => s.Kind == t.Key).Select(s => (s.Status, s.Count))))
            .OrderByDescending(c => c.Total)
            .ToList();

        var byRegionTargets = await targets.GroupBy(b => b.Region ?? string.Empty).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(regions).ToListAsync(cancel).ConfigureAwait(false);
        var regionKeys = byRegionTargets.Select(r => r.Key).ToList();
        var byRegionStatus = await evaluations.Join(db.Bodies, e => e.BodyId, b => b.Id, (e, b) => new { Region = b.Region ?? string.Empty, e.Status })
            .Where(x => regionKeys.Contains(x.Region))
            .GroupBy(x => new { x.Region, x.Status }).Select(g => new { g.Key.Region, g.Key.Status, Count = g.Count() }).ToListAsync(cancel).ConfigureAwait(false);
        var byRegion = byRegionTargets
            .Select(t => Counts(t.Key, t.Count, byRegionStatus.Where(s => s.Region == t.Key).Select(s => (s.Status, s.Count))))
            .ToList();

        var overall = Counts(string.Empty, byKindTargets.Sum(t => t.Count), byKindStatus.GroupBy(s => s.Status).Select(g => (g.Key, g.Sum(x => x.Count))));

        var firstSubmissions = (await db.ResponseVersions.Where(v => v.Version == 1)
            .Join(db.Responses.Where(r => r.CampaignId == campaignId), v => v.ResponseId, r => r.Id, (v, _) => v.SubmittedAt)
            .ToListAsync(cancel).ConfigureAwait(false))
            .GroupBy(t => DateOnly.FromDateTime(t))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))
            .ToList();
        var cumulative = new List<(DateOnly, int)>();
        var sum = 0;
        foreach (var (day, count) in firstSubmissions)
        {
            sum += count;
            cumulative.Add((day, sum));
        }

        var services = (await db.EvaluationServices.Where(s => s.CampaignId == campaignId)
            .GroupBy(s => new { s.Service, s.Verdict }).Select(g => new { g.Key.Service, g.Key.Verdict, Count = g.Count() }).ToListAsync(cancel).ConfigureAwait(false))
            .GroupBy(s => s.Service)
            .Select(g => new ServiceUse(g.Key,
                g.Where(x => x.Verdict == Verdict.Green).Sum(x => x.Count), g.Where(x => x.Verdict == Verdict.Yellow).Sum(x => x.Count),
                g.Where(x => x.Verdict == Verdict.Red).Sum(x => x.Count), g.Where(x => x.Verdict == Verdict.NotAssessed).Sum(x => x.Count)))
            .OrderByDescending(s => s.Total).ThenBy(s => s.Service, StringComparer.Ordinal)
            .ToList();

        var deficientQuery = evaluations.Where(e => e.Status == Compliance.Deficient)
            .Join(db.Bodies, e => e.BodyId, b => b.Id, (e, b) => new { b.Id, b.Name, b.Kind, b.Region, e.MainFindings })
            .OrderBy(d => d.Name).ThenBy(d => d.Id);
        var deficient = (await deficientQuery.ToListAsync(cancel).ConfigureAwait(false))
            .Select(d => new DeficientBody(d.Id, d.Name, d.Kind, d.Region, d.MainFindings))
            .ToList();

        var mail = await db.Outbox.Where(o => o.CampaignId == campaignId).GroupBy(o => o.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancel).ConfigureAwait(false);
        var pending = await db.OtherServices.CountAsync(o => o.CampaignId == campaignId && o.LinkedService == null, cancel).ConfigureAwait(false);

        return new DashboardFigures(overall, cumulative, byKind, byRegion, services, deficient, pending, mail);
    }

    private static StatusCounts Counts(string group, int targets, IEnumerable<(Compliance Status, int Count)> statuses)
    {
        int compliant = 0, deficient = 0, unclear = 0;
        foreach (var (status, count) in statuses)
        {
            switch (status)
            {
                case Compliance.Compliant:
                    compliant += count;
                    break;
                case Compliance.Deficient:
                    deficient += count;
                    break;
                default:
                    unclear += count;
                    break;
            }
        }

        return new StatusCounts(group, compliant, deficient, unclear, Math.Max(0, targets - compliant - deficient - unclear));
    }
}
