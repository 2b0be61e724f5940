using System.Globalization;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Evaluation.Pages;

/// <summary>Re-evaluates a whole campaign, at another as-of date or in another authority's view if chosen.</summary>
[Authorize(Policy = Roles.CanRunSurveys)]
internal sealed class ReevaluateModel(AufsichtDb db, Catalog.CatalogStore catalog) : AppPage
{
    internal CampaignRecord Campaign { get; private set; } = null!;

    public string? AsOf { get; private set; }

    public string? Authority { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        AsOf = Campaign.EvaluationAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Authority = Campaign.Authority;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? asOf, string? authority, [FromServices] ReevaluateCampaign reevaluate, CancellationToken cancel)
    {
        var result = await reevaluate.RunAsync(id, asOf, authority, cancel).ConfigureAwait(true);
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        (AsOf, Authority) = (asOf, authority);
        if (!result.IsOk)
        {
            return Fail(result.Errors);
        }

        var done = result.Value;
        Message = Texts.T(Language, "reevaluate.done", done.Bodies, Shared.LocalDates.Day(done.AsOf, Language), catalog.Catalog.FindAuthority(done.Authority)?.Name.In(Language) ?? done.Authority,
            done.Took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancel)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancel).ConfigureAwait(true);
        if (campaign is null)
        {
            return false;
        }

        Campaign = campaign;
        return true;
    }

    internal IEnumerable<(string Id, string Name)> Authorities =>
        catalog.Catalog.Authorities.Select(a => (a.Id, a.Name.In(Language)));
}
