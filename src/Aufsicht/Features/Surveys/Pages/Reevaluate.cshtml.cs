using System.Globalization;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Surveys.Pages;

/// <summary>Re-evaluates a whole campaign, at another as-of date or in another authority's view if chosen.</summary>
[Authorize(Policy = Roles.CanRunSurveys)]
public sealed class ReevaluateModel : AppPage
{
    internal CampaignRecord Campaign { get; private set; } = null!;

    public string? AsOf { get; private set; }

    public string? Authority { get; private set; }

    public string? Message { get; private set; }

    public IActionResult OnGet(long id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        AsOf = Campaign.EvaluationAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Authority = Campaign.Authority;
        return Page();
    }

    public IActionResult OnPost(long id, string? asOf, string? authority)
    {
        var result = Service<ReevaluateCampaign>().Run(id, asOf, authority, Language);
        if (!Load(id))
        {
            return NotFound();
        }

        (AsOf, Authority) = (asOf, authority);
        if (!result.IsOk)
        {
            return Fail(StatusCodes.Status400BadRequest, result.Errors.Select(e => e.Message).ToArray());
        }

        var done = result.Value;
        Message = Web.UiText.T(Language, "reevaluate.done", done.Bodies, done.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), done.Authority,
            done.Took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        return Page();
    }

    private bool Load(long id)
    {
        var campaign = Service<AufsichtDb>().Campaigns.AsNoTracking().SingleOrDefault(c => c.Id == id);
        if (campaign is null)
        {
            return false;
        }

        Campaign = campaign;
        return true;
    }

    internal IEnumerable<(string Id, string Name)> Authorities =>
        Service<Catalog.CatalogStore>().Catalog.Authorities.Select(a => (a.Id, a.Name.In(Language)));
}
