using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>One plan: its figures, the milestones per pillar, the checks, the costs per year and every package with what holds it.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class PlanModel(PlanReader reader, PlanStore store) : AppPage
{
    internal PlanView View { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel) =>
        await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostComputeAsync(long id, int? seconds, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        var computed = await store.ComputeAsync(id, TimeSpan.FromSeconds(Math.Clamp(seconds ?? 20, 1, 120)), cancel).ConfigureAwait(true);
        if (!computed.IsOk)
        {
            Errors = Failures.Messages(computed.Errors, Language);
            return await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();
        }

        return RedirectToPage("/Plans/Pages/Plan", new { id });
    }

    private async Task<bool> LoadAsync(long planId, CancellationToken cancel)
    {
        if (await reader.ViewAsync(planId, cancel).ConfigureAwait(true) is not { } view)
        {
            return false;
        }

        View = view;
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
        return true;
    }
}
