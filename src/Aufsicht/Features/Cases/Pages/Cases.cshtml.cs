using Aufsicht.Core.Cases;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases.Pages;

internal sealed record CaseRow(long Id, string FileNumber, string Body, CaseState State, CaseOutcome? Outcome, DateOnly? Deadline, string? Measure, DateTime OpenedAt, string? Campaign);

/// <summary>The case list (Verfahren): filters by state, overdue, measure and campaign; newest first, 50 a page.</summary>
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

    public async Task OnGetAsync(string? stand, bool ueberfaellig, long? kampagne, string? massnahme, int seite, int? eroeffnet, int? bestehend, CancellationToken cancel)
    {
        State = stand;
        Overdue = ueberfaellig;
        Campaign = kampagne;
        Measure = string.IsNullOrEmpty(massnahme) ? null : massnahme;
        PageIndex = Math.Max(0, seite);
        Opened = eroeffnet is { } n ? Texts.T(Language, "cases.opened", n, bestehend ?? 0) : null;

        var query = db.Cases.AsNoTracking();
        if (Enum.GetValues<CaseState>().Where(s => CaseWorkflow.Stored(s) == stand).Cast<CaseState?>().FirstOrDefault() is { } state)
        {
            query = query.Where(c => c.State == state);
        }

        if (Overdue)
        {
            var today = Dates.DayOf(clock.GetUtcNow().UtcDateTime);
            query = query.Where(c => (c.State == CaseState.Hearing && c.HearingDeadline < today) || (c.State == CaseState.Decided && c.ComplianceDeadline < today));
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
            .SelectMany(x => x.k.DefaultIfEmpty(), (x, k) => new CaseRow(x.c.Id, x.c.FileNumber, x.Name, x.c.State, x.c.Outcome,
                x.c.State == CaseState.Hearing ? x.c.HearingDeadline : x.c.State == CaseState.Decided ? x.c.ComplianceDeadline : null,
                x.c.Measure, x.c.OpenedAt, k == null ? null : k.Title))
            .ToListAsync(cancel).ConfigureAwait(true);
        Rows = [.. Rows.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)];
        Campaigns = (await db.Cases.Where(c => c.CampaignId != null).Join(db.Campaigns, c => c.CampaignId, k => k.Id, (_, k) => new { k.Id, k.Title })
            .Distinct().ToListAsync(cancel).ConfigureAwait(true)).OrderBy(k => k.Title, StringComparer.CurrentCulture).Select(k => (k.Id, k.Title)).ToList();
    }
}
