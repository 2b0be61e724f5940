using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>
/// Where a plan's computation stands, as JSON for the plan page's script (<c>/js/plan-compute.js</c>), which asks every
/// few seconds and reloads the page when the state changes: <c>{"state":"running","since":"…","seconds":20,"text":"…"}</c>.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class ComputationModel(PlanCompute compute, LocalDates dates) : AppPage
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel)
    {
        if (await compute.StatusAsync(id, cancel).ConfigureAwait(true) is not { } status)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            plan = status.PlanId,
            state = Core.Migration.MigrationNames.Wire(status.State),
            requestedAt = status.RequestedAt is { } r ? DateTime.SpecifyKind(r, DateTimeKind.Utc) : (DateTime?)null,
            startedAt = status.StartedAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : (DateTime?)null,
            seconds = status.Seconds,
            solvedAt = status.SolvedAt is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : (DateTime?)null,
            error = status.Error,
            text = PlanCompute.Describe(status, dates, Language),
        });
    }
}
