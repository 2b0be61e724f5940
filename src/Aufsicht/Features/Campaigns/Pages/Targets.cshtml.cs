using Aufsicht.Core.Evaluation;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns.Pages;

/// <summary>One body asked in a campaign, as the list of all targets shows it.</summary>
internal sealed record TargetRow(long Id, string Name, string Kind, string? Region, string Status, DateTime? SubmittedAt, DateTime? LastSent, bool HasAddress, bool HasValidLink)
{
    /// <summary>Whether a reminder by hand can reach it (what <see cref="RemindBodies"/> checks again when sending).</summary>
    public bool CanRemind => Status == StoredStates.NotAnswered && HasAddress && HasValidLink;
}

/// <summary>
/// Every body asked in a campaign, filtered by status (not answered, deficient, unclear, compliant), a page at a time;
/// supervisors choose bodies and send them a reminder now.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class TargetsModel(AufsichtDb db, Web.PublicAddress address) : AppPage
{
    public const int PageSize = 50;

    /// <summary>The filters in the order of the page, each a status as stored and exported (and a key of its label).</summary>
    internal static readonly IReadOnlyList<string> Filters = [StoredStates.NotAnswered, "deficient", "unclear", "compliant"];

    internal CampaignRecord Campaign { get; private set; } = null!;

    internal IReadOnlyList<TargetRow> Rows { get; private set; } = [];

    /// <summary>How many bodies the filter finds, on all pages.</summary>
    internal int Matching { get; private set; }

    /// <summary>How many bodies each status has (the filters show them).</summary>
    internal IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    internal string? Status { get; private set; }

    internal int PageIndex { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? status, int seite, CancellationToken cancel)
    {
        if (!string.IsNullOrEmpty(status) && !Filters.Contains(status))
        {
            // An unknown filter is a bad link: say so, and show everything rather than nothing.
            if (!await LoadAsync(id, null, 0, cancel).ConfigureAwait(true))
            {
                return NotFound();
            }

            return Fail("targets.invalidStatus");
        }

        return await LoadAsync(id, status, seite, cancel).ConfigureAwait(true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemindAsync(long id, long[] body, string? status, int seite, [FromServices] RemindBodies remind, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        var url = address.For(Request);
        var result = await remind.RunAsync(id, body, url, cancel).ConfigureAwait(true);
        if (!await LoadAsync(id, Filters.Contains(status) ? status : null, seite, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        if (!result.IsOk)
        {
            return Fail(result.Errors);
        }

        Message = result.Value.Skipped == 0
            ? Texts.T(Language, "remind.sent", result.Value.Queued)
            : Texts.T(Language, "remind.sentSkipped", result.Value.Queued, result.Value.Skipped);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, string? status, int page, CancellationToken cancel)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancel).ConfigureAwait(true);
        if (campaign is null)
        {
            return false;
        }

        (Campaign, Status, PageIndex) = (campaign, status, Math.Max(0, page));
        var targets = from t in db.CampaignBodies.Where(t => t.CampaignId == id)
                      join b in db.Bodies on t.BodyId equals b.Id
                      join e in db.Evaluations.Where(e => e.CampaignId == id) on b.Id equals e.BodyId into evaluations
                      from e in evaluations.DefaultIfEmpty()
                      select new { Body = b, Status = (Compliance?)e.Status };

        var counts = await targets.GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel).ConfigureAwait(true);
        Counts = counts.ToDictionary(c => c.Key is { } s ? s.ToStored() : StoredStates.NotAnswered, c => c.Count, StringComparer.Ordinal);

        var filtered = status switch
        {
            null or "" => targets,
            StoredStates.NotAnswered => targets.Where(x => x.Status == null),
            "deficient" => targets.Where(x => x.Status == Compliance.Deficient),
            "unclear" => targets.Where(x => x.Status == Compliance.Unclear),
            _ => targets.Where(x => x.Status == Compliance.Compliant),
        };
        Matching = status is null or "" ? Counts.Values.Sum() : Counts.GetValueOrDefault(status);
#pragma warning disable RS0030 // inside a projection: translated to SQL subqueries
        var rows = await filtered.OrderBy(x => x.Body.Name).ThenBy(x => x.Body.Id).Skip(PageIndex * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.Body.Id,
                x.Body.Name,
                x.Body.Kind,
                x.Body.Region,
                x.Status,
                HasAddress = x.Body.ContactEmail != null && x.Body.ContactEmail != "",
                SubmittedAt = db.Responses.Where(r => r.CampaignId == id && r.BodyId == x.Body.Id && r.SubmittedVersion > 0).Select(r => r.SubmittedAt).FirstOrDefault(),
                LastSent = db.Invitations.Where(i => i.CampaignId == id && i.BodyId == x.Body.Id).Max(i => (DateTime?)i.IssuedAt),
                HasValidLink = db.Invitations.Any(i => i.CampaignId == id && i.BodyId == x.Body.Id && i.RevokedAt == null),
            })
            .ToListAsync(cancel).ConfigureAwait(true);
#pragma warning restore RS0030
        Rows = rows.Select(r => new TargetRow(r.Id, r.Name, r.Kind, r.Region, r.Status is { } s ? s.ToStored() : StoredStates.NotAnswered, r.SubmittedAt, r.LastSent, r.HasAddress, r.HasValidLink)).ToList();
        return true;
    }

    /// <summary>Supervisors can remind while the campaign runs.</summary>
    internal bool CanRemind => Campaign.State == CampaignState.Running && (User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Supervisor));
}
