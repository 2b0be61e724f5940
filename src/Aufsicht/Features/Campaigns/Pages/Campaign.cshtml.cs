using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Mail;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns.Pages;

/// <summary>A campaign's dashboard: progress, verdicts by body kind and region, services in use, deficient bodies; and its actions.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class CampaignModel(AufsichtDb db, DashboardCache dashboards, QuestionnaireStore questionnaires, InvitationMail invitations, Web.PublicAddress address, Catalog.CatalogStore catalog, TimeProvider clock) : AppPage
{
    private static readonly ConditionalWeakTable<DashboardFigures, ConcurrentDictionary<(string Id, Core.Law.Language Language, Core.DataFiles.LegalData Catalog), string>> DrawnCharts = new();

    internal DashboardData Data { get; private set; } = null!;

    /// <summary>The campaign's cases whose deadline passed (the box „Überfällige Verfahren“).</summary>
    internal Cases.CampaignOverdue Overdue { get; private set; } = new(false, 0, []);

    /// <summary>How many overdue cases the box lists before the link to all of them.</summary>
    public const int OverdueShown = 5;

    public int PageIndex { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The templates in the form: the stored ones, or what was posted when it was refused.</summary>
    internal CampaignTemplates Templates { get; private set; } = CampaignTemplates.Default;

    /// <summary>Why posted templates were refused, each with its field (<see cref="CampaignTemplates.Field"/>).</summary>
    internal IReadOnlyList<Error> TemplateErrors { get; private set; } = [];

    /// <summary>The invitation as the first target body would receive it, with the stored templates; null without a target.</summary>
    internal (BodyRecord Body, string Subject, string Text)? InvitationPreview { get; private set; }

    /// <summary>Each template's field, kind, part and language, in the order of the form.</summary>
    internal static readonly IReadOnlyList<(string Field, string Kind, string Part, Core.Law.Language Language)> TemplateFields =
        [.. from kind in (string[])[CampaignTemplates.InvitationKind, CampaignTemplates.ReminderKind]
            from part in (string[])["subject", "text"]
            from language in (Core.Law.Language[])[Core.Law.Language.De, Core.Law.Language.En]
            select (CampaignTemplates.Field(kind, part, language), kind, part, language)];

    /// <summary>An HTML id for a template field ("invitation.subject.de" → "tpl-invitation-subject-de").</summary>
    internal static string TemplateId(string field) => "tpl-" + field.Replace('.', '-');

    internal string? TemplateError(string field) => TemplateErrors.FirstOrDefault(e => e.Field == field) is { } error ? TemplateMessage(error) : null;

    /// <summary>A template error's message in the page's language, naming the template.</summary>
    internal string TemplateMessage(Error error) => CampaignTemplates.Message(error, Language);

    public async Task<IActionResult> OnGetAsync(long id, int seite, CancellationToken cancel)
    {
        PageIndex = Math.Max(0, seite);
        return await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStartAsync(long id, [FromServices] StartCampaign start, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        var started = await start.RunAsync(id, PublicUrl(), cancel).ConfigureAwait(true);
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        if (!started.IsOk)
        {
            return Fail(started.Errors);
        }

        Message = Texts.T(Language, "campaign.started", started.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenCasesAsync(long id, long? bodyId, string? kind, [FromServices] Cases.OpenCases open, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        var opened = await open.RunAsync(new Cases.OpenCasesRequest(id, bodyId is { } one ? [one] : null, kind), User.Identity?.Name ?? "?",
            User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, cancel).ConfigureAwait(true);
        if (!opened.IsOk)
        {
            return await LoadAsync(id, cancel).ConfigureAwait(true) ? Fail(opened.Errors) : NotFound();
        }

        // One body: straight to its case; several: the list of this campaign's cases, with what was done.
        return bodyId is not null && opened.Value.Opened.Count == 1
            ? RedirectToPage("/Cases/Pages/Case", new { id = opened.Value.Opened[0].CaseId })
            : RedirectToPage("/Cases/Pages/Cases", new { kampagne = id, eroeffnet = opened.Value.Opened.Count, bestehend = opened.Value.AlreadyOpen });
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, [FromServices] CloseCampaign close, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        var closed = await close.RunAsync(id, cancel).ConfigureAwait(true);
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        if (!closed.IsOk)
        {
            return Fail(closed.Errors);
        }

        Message = Texts.T(Language, "campaign.closedMessage");
        return Page();
    }

    public async Task<IActionResult> OnPostReopenAsync(long id, string? deadline, [FromServices] ReopenCampaign reopen, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        var reopened = await reopen.RunAsync(id, deadline, cancel).ConfigureAwait(true);
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        if (!reopened.IsOk)
        {
            return Fail(reopened.Errors);
        }

        Message = Texts.T(Language, "campaign.reopened", LocalDates.Day(Data.Campaign.Deadline, Language));
        return Page();
    }

    public async Task<IActionResult> OnPostTemplatesAsync(long id, [FromServices] EditCampaignTemplates editTemplates, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        string Posted(string kind, string part, Core.Law.Language language) =>
            Request.Form[CampaignTemplates.Field(kind, part, language)].ToString().ReplaceLineEndings("\n");
        Core.Law.LocalizedText Text(string kind, string part) => new(Posted(kind, part, Core.Law.Language.De), Posted(kind, part, Core.Law.Language.En));
        var posted = new CampaignTemplates(
            new MailTemplate(Text(CampaignTemplates.InvitationKind, "subject"), Text(CampaignTemplates.InvitationKind, "text")),
            new MailTemplate(Text(CampaignTemplates.ReminderKind, "subject"), Text(CampaignTemplates.ReminderKind, "text")));
        var saved = await editTemplates.RunAsync(id, posted, cancel).ConfigureAwait(true);
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        if (!saved.IsOk)
        {
            // Messages about a template go next to its box; any other (the campaign started meanwhile) above the page.
            TemplateErrors = saved.Errors.Where(e => e.Kind == ErrorKind.Invalid).ToArray();
            Templates = TemplateErrors.Count > 0 ? posted : Templates;
            return Fail(Failures.Status(saved.Errors), Failures.Messages(saved.Errors.Where(e => e.Kind != ErrorKind.Invalid), Language));
        }

        Message = Texts.T(Language, "templates.saved");
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancel)
    {
        var data = await CampaignDashboard.LoadAsync(db, dashboards, id, PageIndex, regions: 12, cancel).ConfigureAwait(true);
        if (data is null)
        {
            return false;
        }

        Data = data;
        Overdue = await Cases.CaseOverview.CampaignOverdueAsync(db, id, Dates.DayOf(clock.GetUtcNow().UtcDateTime), OverdueShown, cancel).ConfigureAwait(true);
        var stored = CampaignTemplates.FromJson(data.Campaign.TemplatesJson);
        Templates = stored.IsOk ? stored.Value : CampaignTemplates.Default;
        // The questionnaire's title (the page and the invitation preview show it), read now rather than while rendering.
        await questionnaires.GetAsync(data.Campaign.QuestionnaireId, cancel).ConfigureAwait(true);
        // The first target by id: a seek on the targets' key in a subquery, instead of joining every target to its body
        // and sorting them; one round trip.
#pragma warning disable RS0030 // inside a predicate: translated to a SQL subquery
        var first = await db.Bodies.AsNoTracking()
            .Where(b => b.Id == db.CampaignBodies.Where(t => t.CampaignId == id).Min(t => (long?)t.BodyId))
            .SingleOrDefaultAsync(cancel).ConfigureAwait(true);
#pragma warning restore RS0030
        var problems = InvitationMail.TemplateProblems(data.Campaign);
        if (problems.Count > 0 && TemplateErrors.Count == 0)
        {
            // Stored before the check knew better: say what is wrong next to the template, instead of failing the page.
            TemplateErrors = problems;
        }

        if (first is not null && problems.Count == 0)
        {
            var (subject, text) = invitations.Preview(data.Campaign, first, PublicUrl());
            InvitationPreview = (first, subject, text);
        }

        return true;
    }

    /// <summary>The address invitation links point to (<see cref="Web.PublicAddress"/>): never a forged Host header.</summary>
    internal string PublicUrl() => address.For(Request);

    /// <summary>The templates can be changed: the campaign is a draft and the user may run surveys.</summary>
    internal bool CanEditTemplates => Data.Campaign.State == CampaignState.Draft && (User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Supervisor));

    internal string QuestionnaireTitle => questionnaires.Get(Data.Campaign.QuestionnaireId).Definition.Title.In(Language);

    internal string ServiceName(string key) => CampaignReport.ServiceName(catalog, key, Language);

    /// <summary>
    /// A chart's SVG, drawn once per figures, language and catalogue (for the services' names): the figures change with
    /// the campaign's stamp, not with each view, and drawing the four charts was a good part of a view's cost.
    /// </summary>
    internal string Chart(string id, Func<Documents.ChartModel> model) =>
        DrawnCharts.GetValue(Data.Figures, static _ => new())
            .GetOrAdd((id, Language, catalog.Data), static (key, draw) => Documents.SvgChart.Render(draw(), key.Language, key.Id), model);

    internal Core.Law.CriteriaCatalog Criteria => catalog.Data.Criteria;
}
