using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Surveys.Pages;

/// <summary>A campaign's dashboard: progress, verdicts by body kind and region, services in use, deficient bodies; and its actions.</summary>
[Authorize(Policy = Roles.Staff)]
public sealed class CampaignModel : AppPage
{
    internal DashboardData Data { get; private set; } = null!;

    public int PageIndex { get; private set; }

    public string? Message { get; private set; }

    public IActionResult OnGet(long id, int seite = 0)
    {
        PageIndex = Math.Max(0, seite);
        return Load(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStartAsync(long id)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        var started = Service<StartCampaign>().Run(id, PublicUrl(), Language);
        if (!Load(id))
        {
            return NotFound();
        }

        if (!started.IsOk)
        {
            return Fail(StatusCodes.Status409Conflict, started.Errors.Select(e => e.Message).ToArray());
        }

        Message = Web.UiText.T(Language, "campaign.started", started.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(long id)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        var closed = Service<CloseCampaign>().Run(id, Language);
        if (!Load(id))
        {
            return NotFound();
        }

        if (!closed.IsOk)
        {
            return Fail(StatusCodes.Status409Conflict, closed.Errors.Select(e => e.Message).ToArray());
        }

        Message = Web.UiText.T(Language, "campaign.closedMessage");
        return Page();
    }

    private bool Load(long id)
    {
        var data = CampaignDashboard.Load(Service<Data.AufsichtDb>(), id, PageIndex);
        if (data is null)
        {
            return false;
        }

        Data = data;
        return true;
    }

    /// <summary>The address invitation links point to: the configured public address, else the one this request came to.</summary>
    internal string PublicUrl() =>
        Service<IConfiguration>()["Aufsicht:PublicUrl"] is { Length: > 0 } configured ? configured : $"{Request.Scheme}://{Request.Host}";

    internal string QuestionnaireTitle => Service<QuestionnaireStore>().Get(Data.Campaign.QuestionnaireId).Definition.Title.In(Language);

    internal string ServiceName(string key) => CampaignReport.ServiceName(Service<Catalog.CatalogStore>(), key);
}
