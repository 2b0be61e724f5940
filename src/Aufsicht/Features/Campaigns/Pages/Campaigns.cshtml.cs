using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns.Pages;

internal sealed record CampaignRow(long Id, string Title, CampaignState State, DateOnly Deadline, int Targets, int Answered, int Deficient);

/// <summary>The authority's survey campaigns, and the form to create one (supervisors).</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class CampaignsModel(AufsichtDb db, QuestionnaireStore questionnaires, Catalog.CatalogStore catalog, IConfiguration configuration) : AppPage
{
    internal IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];

    internal IReadOnlyList<QuestionnaireRecord> Questionnaires { get; private set; } = [];

    internal CampaignInput Input { get; private set; } = new(null, 0, null, "7,1", null, null, "365", null, null, null);

    /// <summary>The regions and states of the registry, for the target pickers.</summary>
    internal IReadOnlyList<string> Regions { get; private set; } = [];

    internal IReadOnlyList<string> States { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel)
    {
        // The installation's own authority (Aufsicht:Authority) is the view a new campaign starts from.
        // The contact person: the installation's (Aufsicht:Portal:Contact…), else the supervisor creating it.
        Input = Input with
        {
            Authority = catalog.Catalog.DefaultAuthority.Id,
            ContactName = configuration["Aufsicht:Portal:ContactName"],
            ContactEmail = configuration["Aufsicht:Portal:ContactEmail"] is { Length: > 0 } email ? email : User.Identity?.Name,
            ContactPhone = configuration["Aufsicht:Portal:ContactPhone"],
        };
        await LoadAsync(cancel).ConfigureAwait(true);
    }

    public async Task<IActionResult> OnPostAsync(string? title, long questionnaire, string? deadline, string? reminders, string? authority, string? asOf, string? retention, string? kind, string? state, string? region, string? bodies,
        string? contactName, string? contactEmail, string? contactPhone, [FromServices] CreateCampaign create, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        Input = new CampaignInput(title, questionnaire, deadline, reminders, authority, asOf, retention, kind, state, region, bodies, contactName, contactEmail, contactPhone);
        var created = await create.RunAsync(Input, User.Identity?.Name, cancel).ConfigureAwait(true);
        if (created.IsOk)
        {
            return RedirectToPage("/Campaigns/Pages/Campaign", new { id = created.Value });
        }

        await LoadAsync(cancel).ConfigureAwait(true);
        return Fail(created.Errors);
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
#pragma warning disable RS0030 // inside a projection: translated to SQL subqueries
        Campaigns = await db.Campaigns.AsNoTracking()
            .OrderByDescending(c => c.Id)
            .Select(c => new CampaignRow(c.Id, c.Title, c.State, c.Deadline,
                db.CampaignBodies.Count(t => t.CampaignId == c.Id),
                db.Evaluations.Count(e => e.CampaignId == c.Id),
                db.Evaluations.Count(e => e.CampaignId == c.Id && e.Status == Aufsicht.Core.Evaluation.Compliance.Deficient)))
            .ToListAsync(cancel).ConfigureAwait(true);
#pragma warning restore RS0030
        Regions = await db.Bodies.Where(b => b.Region != null && b.Region != "").Select(b => b.Region!).Distinct().OrderBy(r => r).ToListAsync(cancel).ConfigureAwait(true);
        States = await db.Bodies.Where(b => b.State != "").Select(b => b.State).Distinct().OrderBy(r => r).ToListAsync(cancel).ConfigureAwait(true);
        Questionnaires = await db.Questionnaires.AsNoTracking().OrderBy(q => q.Key).ThenByDescending(q => q.Version).ToListAsync(cancel).ConfigureAwait(true);
        // Their titles, read now rather than while rendering.
        foreach (var questionnaire in Questionnaires)
        {
            await questionnaires.GetAsync(questionnaire.Id, cancel).ConfigureAwait(true);
        }
    }

    internal string QuestionnaireTitle(QuestionnaireRecord record) =>
        questionnaires.Get(record.Id).Definition.Title.In(Language);

    internal IEnumerable<(string Id, string Name)> Authorities =>
        catalog.Catalog.Authorities.Select(a => (a.Id, a.Name.In(Language)));
}
