using System.Globalization;
using Aufsicht.Data;
using Aufsicht.Documents;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>One plan: its figures, the milestones per pillar, the checks, the costs per year and every package with what holds it.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class PlanModel(PlanReader reader, PlanStore store, AufsichtDb db, LocalDates dates, TimeProvider clock) : AppPage
{
    internal PlanView View { get; private set; } = null!;

    /// <summary>Every row of the Gantt (the table lists them all); the picture shows <see cref="PlanGantt.MaxRows"/> at most.</summary>
    internal GanttChart Gantt { get; private set; } = null!;

    /// <summary>The bodies the Gantt can be narrowed to, and the one chosen (<c>?stelle=</c>).</summary>
    internal IReadOnlyList<GanttBody> Bodies { get; private set; } = [];

    public long? Body { get; private set; }

    /// <summary>A <c>?stelle=</c> that names no body of the plan, said in words.</summary>
    public string? BodyError { get; private set; }

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? stelle, CancellationToken cancel) =>
        await LoadAsync(id, cancel, stelle).ConfigureAwait(true) ? Page() : NotFound();

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

    private async Task<bool> LoadAsync(long planId, CancellationToken cancel, string? stelle = null)
    {
        if (await reader.ViewAsync(planId, cancel).ConfigureAwait(true) is not { } view)
        {
            return false;
        }

        View = view;
        Bodies = await PlanGantt.BodiesAsync(db, view, cancel).ConfigureAwait(true);
        IReadOnlyList<GanttBody>? subtree = null;
        if (!string.IsNullOrWhiteSpace(stelle))
        {
            if (long.TryParse(stelle.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bodyId) && Bodies.Any(b => b.Id == bodyId))
            {
                Body = bodyId;
                subtree = PlanGantt.Subtree(Bodies, bodyId);
            }
            else
            {
                BodyError = Texts.T(Language, "plans.gantt.filter.unknown", stelle.Trim());
            }
        }

        Gantt = PlanGantt.Build(view, Language, dates.DayOf(clock.GetUtcNow().UtcDateTime), subtree);
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
        return true;
    }
}
