using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>A plan's incidents, newest first, counted per cause and pillar above the list; a form records one (<see cref="PlanIncidents"/>).</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class IncidentsModel(PlanProgressReader reader, PlanIncidents incidents) : AppPage
{
    internal PlanPackagesView View { get; private set; } = null!;

    internal IReadOnlyList<PlanIncidentRecord> Incidents { get; private set; } = [];

    internal IReadOnlyList<Pillar> Pillars { get; private set; } = [];

    public bool CanChange { get; private set; }

    /// <summary>The form as typed, shown again after a refusal.</summary>
    internal IncidentInput Input { get; private set; } = new(null, null, null, null, null);

    public IReadOnlySet<string> Invalid { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel) =>
        await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, string? date, long? body, string? pillar, string? cause, string? summary, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        var input = new IncidentInput(date, body, pillar, cause, summary);
        var added = await incidents.AddAsync(id, input, User.Identity?.Name ?? "", cancel).ConfigureAwait(true);
        if (added.IsOk)
        {
            return RedirectToPage("/Plans/Pages/Incidents", new { id });
        }

        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        Input = input;
        Invalid = added.Errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return Fail(added.Errors);
    }

    private async Task<bool> LoadAsync(long planId, CancellationToken cancel)
    {
        if (await reader.PackagesAsync(planId, cancel).ConfigureAwait(true) is not { } view)
        {
            return false;
        }

        View = view;
        Incidents = await reader.IncidentsAsync(planId, cancel).ConfigureAwait(true);
        Pillars = view.Packages.Select(p => p.Row.Pillar).Distinct().Order().ToList();
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
        return true;
    }
}
