using Aufsicht.Core.Cases;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases.Pages;

internal sealed record CaseRow(long Id, string FileNumber, string Body, CaseState State, CaseOutcome? Outcome, DateOnly? Deadline, string? Measure, DateTime OpenedAt, string? Campaign, string? Handler = null);

/// <summary>
/// The case list (Verfahren) with its dashboard: filters by state (or all open), overdue, deadline soon, measure,
/// campaign and handler, all combinable and in the address; newest first, 50 a page.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class CasesModel(AufsichtDb db, TimeProvider clock) : AppPage
{
    public const int PageSize = 50;

    internal IReadOnlyList<CaseRow> Rows { get; private set; } = [];

    internal int Total { get; private set; }

    internal int PageIndex { get; private set; }

    internal string? State { get; private set; }

    internal bool Overdue { get; private set; }

    internal long? Campaign { get; private set; }

    internal string? Measure { get; private set; }

    internal IReadOnlyList<(long Id, string Title)> Campaigns { get; private set; } = [];

    internal string? Opened { get; private set; }

    /// <summary>The handler filter as in the address: an account id, or <see cref="Mine"/>.</summary>
    internal string? Handler { get; private set; }

    internal bool DueSoon { get; private set; }

    internal IReadOnlyList<(string Id, string Name)> Handlers { get; private set; } = [];

    internal CaseCounts Counts { get; private set; } = null!;

    /// <summary>The state filter's value for every case not closed.</summary>
    public const string OpenStates = "offen";

    /// <summary>The handler filter's value for the signed-in user's cases.</summary>
    public const string Mine = "meine";

    /// <summary>The filters in force as address values, for the pages' links; <paramref name="page"/> added when not the first.</summary>
    internal Dictionary<string, string> Filters(int page = 0)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[name] = value;
            }
        }

        Add("stand", State);
        Add("ueberfaellig", Overdue ? "true" : null);
        Add("bald", DueSoon ? "true" : null);
        Add("kampagne", Campaign?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("massnahme", Measure);
        Add("bearbeitung", Handler);
        Add("seite", page > 0 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return values;
    }

    public async Task OnGetAsync(string? stand, bool ueberfaellig, bool bald, long? kampagne, string? massnahme, string? bearbeitung, int seite, int? eroeffnet, int? bestehend, CancellationToken cancel)
    {
        State = stand;
        Overdue = ueberfaellig;
        DueSoon = bald;
        Handler = string.IsNullOrEmpty(bearbeitung) ? null : bearbeitung;
        var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        Campaign = kampagne;
        Measure = string.IsNullOrEmpty(massnahme) ? null : massnahme;
        PageIndex = Math.Max(0, seite);
        Opened = eroeffnet is { } n ? Texts.T(Language, "cases.opened", n, bestehend ?? 0) : null;

        var query = db.Cases.AsNoTracking();
        if (Enum.GetValues<CaseState>().Where(s => CaseWorkflow.Stored(s) == stand).Cast<CaseState?>().FirstOrDefault() is { } state)
        {
            query = query.Where(c => c.State == state);
        }
        else if (stand == OpenStates)
        {
            query = query.Where(c => c.State != CaseState.Closed);
        }

        var today = Dates.DayOf(clock.GetUtcNow().UtcDateTime);
        if (Overdue)
        {
            query = query.Where(c => (c.State == CaseState.Hearing && c.HearingDeadline < today) || (c.State == CaseState.Decided && c.ComplianceDeadline < today));
        }

        if (DueSoon)
        {
            var soon = today.AddDays(CaseOverview.SoonDays);
            query = query.Where(c => (c.State == CaseState.Hearing && c.HearingDeadline >= today && c.HearingDeadline <= soon)
                || (c.State == CaseState.Decided && c.ComplianceDeadline >= today && c.ComplianceDeadline <= soon));
        }

        if (Handler is { } handler)
        {
            // "meine" without a signed-in id (cannot happen behind the staff policy) matches nothing rather than everything.
            var id = handler == Mine ? me ?? string.Empty : handler;
            query = query.Where(c => c.HandlerId == id);
        }

        if (Campaign is { } campaign)
        {
            query = query.Where(c => c.CampaignId == campaign);
        }

        if (Measure is { } measure)
        {
            query = query.Where(c => c.Measure != null && c.Measure.Contains(measure));
        }

        Total = await query.CountAsync(cancel).ConfigureAwait(true);
        Rows = await query.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).Skip(PageIndex * PageSize).Take(PageSize)
            .Join(db.Bodies, c => c.BodyId, b => b.Id, (c, b) => new { c, b.Name })
            .GroupJoin(db.Campaigns, x => x.c.CampaignId, k => k.Id, (x, k) => new { x.c, x.Name, k })
            .SelectMany(x => x.k.DefaultIfEmpty(), (x, k) => new { x.c, x.Name, Campaign = k == null ? null : k.Title })
            .GroupJoin(db.Users, x => x.c.HandlerId, u => u.Id, (x, u) => new { x.c, x.Name, x.Campaign, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new CaseRow(x.c.Id, x.c.FileNumber, x.Name, x.c.State, x.c.Outcome,
                x.c.State == CaseState.Hearing ? x.c.HearingDeadline : x.c.State == CaseState.Decided ? x.c.ComplianceDeadline : null,
                x.c.Measure, x.c.OpenedAt, x.Campaign, u == null ? null : u.UserName))
            .ToListAsync(cancel).ConfigureAwait(true);
        Rows = [.. Rows.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)];
        Campaigns = (await db.Cases.Where(c => c.CampaignId != null).Join(db.Campaigns, c => c.CampaignId, k => k.Id, (_, k) => new { k.Id, k.Title })
            .Distinct().ToListAsync(cancel).ConfigureAwait(true)).OrderBy(k => k.Title, StringComparer.CurrentCulture).Select(k => (k.Id, k.Title)).ToList();
        Handlers = await CaseOverview.HandlersAsync(db, cancel).ConfigureAwait(true);
        Counts = await CaseOverview.CountAsync(db, today, me, cancel).ConfigureAwait(true);
    }
}
