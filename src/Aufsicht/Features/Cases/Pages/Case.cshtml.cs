using Aufsicht.Core.Cases;
using Aufsicht.Core.Deadlines;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;
using Aufsicht.Core.Measures;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Deadlines;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases.Pages;

internal sealed record CaseHistoryRow(DateTime At, string Actor, string Action, string DataJson);

/// <summary>
/// One case file: where it stands, the infringements, the measure recommended with its reasons, the next steps the
/// workflow allows (for case handlers), and the history from the audit log.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class CaseModel(AufsichtDb db, Catalog.CatalogStore catalog, MeasureRecommender recommender, DeadlineRules deadlines, CaseSettings settings, Core.Fines.FineCalculator fines, Core.Fines.FineMethodTable fineMethods, Web.PublicAddress address, TimeProvider clock) : AppPage
{
    internal IReadOnlyList<(string Id, string Name)> Handlers { get; private set; } = [];

    /// <summary>The handler's account name; null while nobody handles the case.</summary>
    internal string? HandlerName { get; private set; }

    /// <summary>The fine the EDPB method gives for the case's facts at the chosen seriousness; null where no fine may be imposed or the turnover is unknown.</summary>
    internal Core.Fines.FineCalculation? FineProposal { get; private set; }

    internal string Seriousness { get; private set; } = "medium";

    /// <summary>The body's new answers in the follow-up check, re-evaluated; null before it answered.</summary>
    internal FollowUpAnswer? Answer { get; private set; }

    internal FollowUpProposal Proposal { get; private set; }

    /// <summary>A follow-up link issued by the step just taken: shown once, as only its hash is kept.</summary>
    [TempData]
    public string? IssuedLink { get; set; }

    [TempData]
    public bool IssuedLinkMailed { get; set; }

    internal CaseRecord Case { get; private set; } = null!;

    internal BodyRecord Body { get; private set; } = null!;

    internal string? CampaignTitle { get; private set; }

    internal IReadOnlyList<CaseInfringementRecord> Infringements { get; private set; } = [];

    internal MeasureRecommendation Recommendation { get; private set; } = null!;

    internal IReadOnlyList<CaseHistoryRow> History { get; private set; } = [];

    internal IReadOnlyList<CaseNoteRecord> Notes { get; private set; } = [];

    internal CriteriaCatalog Criteria => catalog.Data.Criteria;

    /// <summary>The hearing deadline proposed for a letter posted today: two weeks (procedure.md §1, our default), after § 41 and § 31 VwVfG.</summary>
    internal Deadline? ProposedHearing { get; private set; }

    internal bool CanHandle { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? schwere, CancellationToken cancel)
    {
        if (schwere is "low" or "medium" or "high")
        {
            Seriousness = schwere;
        }

        return await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAssignAsync(long id, int revision, string? handler, [FromServices] EditCase edit, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        var changed = await edit.AssignAsync(id, revision, handler, User.Identity?.Name ?? "?", cancel).ConfigureAwait(true);
        return changed.IsOk ? RedirectToPage("/Cases/Pages/Case", null, new { id }, "bearbeitung")
            : await LoadAsync(id, cancel).ConfigureAwait(true) ? Fail(changed.Errors) : NotFound();
    }

    public async Task<IActionResult> OnPostFactsAsync(long id, int revision, bool publicBody, bool inCompetition, string? land, string? turnover, string? group,
        string? specialCategories, string? dataSubjects, string? culpability, [FromServices] EditCase edit, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        var changed = await edit.FactsAsync(id, revision, new CaseFacts(publicBody, inCompetition, land, turnover, group, specialCategories, dataSubjects, culpability),
            User.Identity?.Name ?? "?", cancel).ConfigureAwait(true);
        return changed.IsOk ? RedirectToPage("/Cases/Pages/Case", null, new { id }, "angaben")
            : await LoadAsync(id, cancel).ConfigureAwait(true) ? Fail(changed.Errors) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, int revision, string? action, string? deadline, string? outcome, string? ground, string[]? powers, string? reason, string? note,
        string? fine, [FromServices] ChangeCase change, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        var step = Step(action, deadline, outcome, ground);
        if (!step.IsOk)
        {
            return await LoadAsync(id, cancel).ConfigureAwait(true) ? Fail(step.Errors) : NotFound();
        }

        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(fine))
        {
            amount = EditCase.Amount(fine);
            if (amount is null or 0)
            {
                return await LoadAsync(id, cancel).ConfigureAwait(true) ? Fail([Core.Error.Invalid("fine", "case.fine.invalid", fine.Trim())]) : NotFound();
            }
        }

        var changed = await change.RunAsync(new CaseChange(id, revision, step.Value, powers, reason, note, address.For(Request), amount), User.Identity?.Name ?? "?", cancel).ConfigureAwait(true);
        if (changed.IsOk)
        {
            if (changed.Value.Link is { } link)
            {
                IssuedLink = link.Url;
                IssuedLinkMailed = link.Mailed;
            }

            return RedirectToPage("/Cases/Pages/Case", new { id });
        }

        return await LoadAsync(id, cancel).ConfigureAwait(true) ? Fail(changed.Errors) : NotFound();
    }

    private static Core.Result<CaseStep> Step(string? action, string? deadline, string? outcome, string? ground)
    {
        var known = Enum.GetValues<CaseAction>().Where(a => CaseWorkflow.Stored(a) == action).Cast<CaseAction?>().FirstOrDefault();
        if (known is not { } a)
        {
            return Core.Error.Invalid("action", "case.action.unknown");
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(deadline))
        {
            if (!DateOnly.TryParseExact(deadline, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return Core.Error.Invalid("deadline", "case.deadline.invalid");
            }

            date = d;
        }

        var end = Enum.GetValues<CaseOutcome>().Where(o => CaseWorkflow.Stored(o) == outcome).Cast<CaseOutcome?>().FirstOrDefault();
        return Core.Result<CaseStep>.Ok(new CaseStep(a, date, end, ground));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancel)
    {
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancel).ConfigureAwait(true);
        if (record is null)
        {
            return false;
        }

        Case = record;
        Body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == record.BodyId, cancel).ConfigureAwait(true);
        CampaignTitle = record.CampaignId is { } campaign
            ? await db.Campaigns.Where(c => c.Id == campaign).Select(c => c.Title).SingleOrDefaultAsync(cancel).ConfigureAwait(true)
            : null;
        Infringements = await db.CaseInfringements.AsNoTracking().Where(i => i.CaseId == id).OrderBy(i => i.Id).ToListAsync(cancel).ConfigureAwait(true);
        History = (await db.AuditLog.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.Sequence)
            .Select(a => new { a.At, a.Actor, a.Action, a.DataJson }).ToListAsync(cancel).ConfigureAwait(true))
            .Select(a => new CaseHistoryRow(a.At, a.Actor, a.Action, a.DataJson)).ToList();
        Notes = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == id).OrderBy(n => n.At).ToListAsync(cancel).ConfigureAwait(true);
        Recommendation = recommender.Recommend(MeasureCaseOf(record, Body, Infringements));
        CanHandle = await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true);
        var today = Dates.DayOf(clock.GetUtcNow().UtcDateTime);
        var request = DeadlineRequest.Parse(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, "2w", "post", settings.State);
        var computed = request.IsOk ? deadlines.Compute(request.Value) : default;
        ProposedHearing = computed.IsOk ? computed.Value : null;
        Handlers = CanHandle ? await EditCase.HandlersAsync(db, cancel).ConfigureAwait(true) : [];
        HandlerName = record.HandlerId is null ? null
            : await db.Users.Where(u => u.Id == record.HandlerId).Select(u => u.UserName).SingleOrDefaultAsync(cancel).ConfigureAwait(true) ?? record.HandlerId;
        FineProposal = Recommendation.Fine.Admissible && record.TurnoverCents is { } cents ? FineFor(record, Infringements, cents / 100m, Seriousness) : null;
        if (record.State == CaseState.FollowUp)
        {
            Answer = await CaseFollowUp.AnswerAsync(db, record, cancel).ConfigureAwait(true);
            Proposal = FollowUp.Propose(record.FollowUpAskedAt is not null, Answer?.Status);
        }

        return true;
    }

    /// <summary>
    /// The facts the ladder needs, as far as the case knows them: the controller, its infringements, schools' pupils as
    /// minors, and — once a measure was decided and the case escalated — that measure as not complied with. What the
    /// file does not record (special categories, the number of data subjects, culpability, while not entered) counts as not known.
    /// </summary>
    internal static MeasureCase MeasureCaseOf(CaseRecord record, BodyRecord body, IReadOnlyList<CaseInfringementRecord> infringements)
    {
        var findings = infringements
            .Select(i => Levels.TryParseLevel(i.Level, out var level) ? new MeasureFinding(i.Criterion, level) : null)
            .OfType<MeasureFinding>().ToList();
        var previous = record.Measure is { } measure && record.State is CaseState.FollowUp or CaseState.Escalated
            ? measure.Split(',').Select(w => Powers.TryParse(w, out var p) ? new PreviousMeasure(p, Complied: false) : null).OfType<PreviousMeasure>().ToList()
            : [];
        var culpability = record.Culpability switch
        {
            "intent" => Culpability.Intent,
            "negligence" => Culpability.Negligence,
            "none" => Culpability.None,
            _ => Culpability.Unknown,
        };
        return new MeasureCase(ChangeCase.ControllerOf(record), record.State == CaseState.Closed ? Processing.Ended : Processing.Ongoing, remedied: false, findings,
            specialCategories: record.SpecialCategories == true, minors: body.Kind == "school", dataSubjects: record.DataSubjects ?? 0, culpability, previous);
    }

    /// <summary>
    /// The fine by the EDPB method for the case's infringements as one conduct (Art. 83(3)), the tier derived from
    /// their articles, at the seriousness the handler chose, with the middle of the method's starting band and of its
    /// turnover-factor band; no adjustments: the handler weighs those in the decision.
    /// </summary>
    private Core.Fines.FineCalculation? FineFor(CaseRecord record, IReadOnlyList<CaseInfringementRecord> infringements, decimal turnover, string seriousness)
    {
        var articles = infringements.SelectMany(i => i.Articles.Split("; ", StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        if (articles.Count == 0)
        {
            return null;
        }

        var method = fineMethods.Method(Core.Fines.FineMethodTable.Edpb);
        var band = method?.Seriousness.FirstOrDefault(b => b.Level == seriousness);
        if (method is null || band is null)
        {
            return null;
        }

        var factors = method.TurnoverAdjustmentUpTo is { } upTo && turnover <= upTo ? method.TurnoverFactors.FirstOrDefault(f => turnover <= f.UpTo) : null;
        var result = fines.Calculate(new Core.Fines.FineInput
        {
            Method = Core.Fines.FineMethodTable.Edpb,
            Controller = ChangeCase.ControllerOf(record),
            Turnover = turnover,
            Infringements = [new Core.Fines.FineInfringement(articles, "1")],
            Seriousness = seriousness,
            StartingPercent = band.To is { } to ? (band.From + to) / 2 : band.From,
            TurnoverFactor = factors is null ? null : (factors.From + factors.To) / 2,
        });
        return result.IsOk && result.Value.FineAdmissible ? result.Value : null;
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
