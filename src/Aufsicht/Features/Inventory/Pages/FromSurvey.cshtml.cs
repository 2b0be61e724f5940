using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Inventory.Pages;

/// <summary>Fills the inventory from a campaign's submitted answers; rows a person imported or typed are kept.</summary>
[Authorize(Policy = Roles.CanPlanMigration)]
internal sealed class FromSurveyModel(AufsichtDb db, FillFromSurvey fill) : AppPage
{
    internal IReadOnlyList<(long Id, string Title)> Campaigns { get; private set; } = [];

    internal SurveyFillReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel).ConfigureAwait(true);

    public async Task<IActionResult> OnPostAsync(long? campaign, CancellationToken cancel)
    {
        await LoadAsync(cancel).ConfigureAwait(true);
        if (campaign is not { } id)
        {
            return Fail("inventory.survey.choose");
        }

        var result = await fill.RunAsync(id, cancel).ConfigureAwait(true);
        if (!result.IsOk)
        {
            return Fail(result.Errors);
        }

        Report = result.Value;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        var rows = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Title }).ToListAsync(cancel).ConfigureAwait(true);
        Campaigns = [.. rows.Select(r => (r.Id, r.Title))];
    }
}
