using Aufsicht.Core.Cases;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>The case dashboard's numbers: open cases by state, overdue deadlines, deadlines of the next days, the user's own.</summary>
internal sealed record CaseCounts(
    IReadOnlyDictionary<CaseState, int> OpenByState,
    int OverdueHearing,
    int OverdueCompliance,
    int DueSoon,
    int Mine)
{
    public int Open => OpenByState.Values.Sum();
}

/// <summary>
/// Counts for the case dashboard in two queries whatever the number of cases: one grouped by state, one with every
/// other number as a conditional count over the open cases (the deadline and handler columns are indexed, the rows are
/// read once).
/// </summary>
internal static class CaseOverview
{
    /// <summary>How many days ahead "deadlines soon" looks, today included.</summary>
    public const int SoonDays = 7;

    public static async Task<CaseCounts> CountAsync(AufsichtDb db, DateOnly today, string? userId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = db.Cases.AsNoTracking().Where(c => c.State != CaseState.Closed);
        var byState = await open.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancel).ConfigureAwait(false);
        var soon = today.AddDays(SoonDays);
        var me = userId ?? string.Empty;
        var numbers = await open.GroupBy(_ => 1).Select(g => new
        {
            OverdueHearing = g.Count(c => c.State == CaseState.Hearing && c.HearingDeadline < today),
            OverdueCompliance = g.Count(c => c.State == CaseState.Decided && c.ComplianceDeadline < today),
            DueSoon = g.Count(c => (c.State == CaseState.Hearing && c.HearingDeadline >= today && c.HearingDeadline <= soon)
                || (c.State == CaseState.Decided && c.ComplianceDeadline >= today && c.ComplianceDeadline <= soon)),
            Mine = g.Count(c => c.HandlerId == me),
        }).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        return new CaseCounts(byState, numbers?.OverdueHearing ?? 0, numbers?.OverdueCompliance ?? 0, numbers?.DueSoon ?? 0, numbers?.Mine ?? 0);
    }

    /// <summary>The accounts that may handle cases (administrators and case handlers): id and name, by name.</summary>
    public static async Task<IReadOnlyList<(string Id, string Name)>> HandlersAsync(AufsichtDb db, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        string[] roles = [Accounts.Roles.Administrator, Accounts.Roles.Supervisor];
        var users = await db.UserRoles.Join(db.Roles.Where(r => roles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (_, u) => new { u.Id, u.UserName, u.Email })
            .Distinct().ToListAsync(cancel).ConfigureAwait(false);
        return [.. users.Select(u => (u.Id, Name: u.UserName ?? u.Email ?? u.Id)).OrderBy(u => u.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A campaign's overdue cases for its dashboard: how many cases it has at all, how many are overdue (a hearing or
    /// compliance deadline passed while the case still waits on it, as <see cref="CaseDeadlines.OverdueAsync"/>), and
    /// the <paramref name="take"/> longest overdue.
    /// </summary>
    public static async Task<CampaignOverdue> CampaignOverdueAsync(AufsichtDb db, long campaignId, DateOnly today, int take, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cases = db.Cases.AsNoTracking().Where(c => c.CampaignId == campaignId);
        var any = await cases.AnyAsync(cancel).ConfigureAwait(false);
        if (!any)
        {
            return new CampaignOverdue(false, 0, []);
        }

        var overdue = cases.Where(c => (c.State == CaseState.Hearing && c.HearingDeadline < today) || (c.State == CaseState.Decided && c.ComplianceDeadline < today));
        var count = await overdue.CountAsync(cancel).ConfigureAwait(false);
        var first = await overdue
            .Select(c => new { c.Id, c.FileNumber, c.BodyId, c.State, c.HandlerId, Date = c.State == CaseState.Hearing ? c.HearingDeadline : c.ComplianceDeadline })
            .OrderBy(c => c.Date).ThenBy(c => c.Id).Take(take)
            .Join(db.Bodies, c => c.BodyId, b => b.Id, (c, b) => new { c.Id, c.FileNumber, b.Name, c.State, c.HandlerId, c.Date })
            .ToListAsync(cancel).ConfigureAwait(false);
        return new CampaignOverdue(true, count, [.. first
            .Select(c => new OpenDeadline(c.Id, c.FileNumber, c.Name, c.State, c.State == CaseState.Hearing ? DeadlineKind.Hearing : DeadlineKind.Compliance, c.Date!.Value, c.HandlerId))
            .OrderBy(d => d.Date).ThenBy(d => d.CaseId)]);
    }
}

/// <summary>A campaign's overdue cases: whether it has cases at all, how many are overdue, the first few.</summary>
internal sealed record CampaignOverdue(bool HasCases, int Count, IReadOnlyList<OpenDeadline> First);
