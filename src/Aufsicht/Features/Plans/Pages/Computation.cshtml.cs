using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>
/// Where a plan's computation stands, as JSON for the plan page's script (<c>/js/plan-compute.js</c>), which asks every
/// few seconds and reloads the page when the state changes: <c>{"state":"failed","requestedAt":"…","seconds":20,
/// "error":"plan.demandAboveCapacity","errorArgs":[…],"errorCount":14,"errors":[{"key":…,"args":[…]},…],
/// "text":"Die Berechnung von 14:03 Uhr ist fehlgeschlagen: …",
/// "solvedAt":"…","solveSeconds":17.6,"solved":"Berechnet am …"}</c>. The texts are in the user's language.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class ComputationModel(PlanCompute compute, PlanReader reader, LocalDates dates, TimeProvider clock) : AppPage
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel)
    {
        if (await compute.StatusAsync(id, cancel).ConfigureAwait(true) is not { } status)
        {
            return NotFound();
        }

        var packages = status.State == Data.PlanComputeState.Failed
            ? await reader.PackagesAsync(id, status.Failures.SelectMany(f => f.Args).Distinct(StringComparer.Ordinal).ToList(), cancel).ConfigureAwait(true)
            : new Dictionary<string, PackageLine>();
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            plan = status.PlanId,
            state = Core.Migration.MigrationNames.Wire(status.State),
            requestedAt = status.RequestedAt is { } r ? DateTime.SpecifyKind(r, DateTimeKind.Utc) : (DateTime?)null,
            startedAt = status.StartedAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : (DateTime?)null,
            seconds = status.Seconds,
            solvedAt = status.SolvedAt is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : (DateTime?)null,
            solveSeconds = status.SolveMilliseconds is { } ms ? Math.Round(ms / 1000.0, 1) : (double?)null,
            solved = PlanCompute.Solved(status, dates, Language),
            error = status.Failures.Count > 0 ? status.Failures[0].Key : null,
            errorArgs = status.Failures.Count > 0 ? status.Failures[0].Args : [],
            errorCount = status.FailureCount,
            errors = status.Failures.Select(f => new { key = f.Key, args = f.Args }),
            text = PlanCompute.Describe(status, dates, clock.GetUtcNow().UtcDateTime, Language,
                key => packages.TryGetValue(key, out var line) ? PlansText.PackageName(line, Language) : null),
        });
    }
}
