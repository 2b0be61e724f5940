using Aufsicht.Core.Scheduling;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>The migration plans: the list, and a form that creates a plan from the whole inventory.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class IndexModel(PlanReader reader, PlanStore store) : AppPage
{
    internal IReadOnlyList<MigrationPlanRecord> Plans { get; private set; } = [];

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        await LoadAsync(cancel).ConfigureAwait(true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? start, string? objective, int team, int trainers, int support, bool opendesk, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        if (PlanRows.ParseMonth(start) is not { } month)
        {
            Errors = [Texts.T(Language, "plans.form.startInvalid", start ?? "")];
            await LoadAsync(cancel).ConfigureAwait(true);
            return Page();
        }

        var goal = objective switch { "cost" => Objective.Cost, "weighted" => Objective.Weighted, _ => Objective.Makespan };
        var created = await store.CreateAsync(new PlanDraft(name ?? "", null, month, goal, new PlanCapacities(team, trainers, support), opendesk ? "opendesk" : null),
            User.Identity?.Name ?? "", cancel).ConfigureAwait(true);
        if (!created.IsOk)
        {
            Errors = Failures.Messages(created.Errors, Language);
            await LoadAsync(cancel).ConfigureAwait(true);
            return Page();
        }

        return RedirectToPage("/Plans/Pages/Plan", new { id = created.Value });
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        Plans = await reader.ListAsync(cancel).ConfigureAwait(true);
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
    }
}
