using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>Where a plan's computation stands, as its page and the status endpoint show it.</summary>
internal sealed record PlanComputeStatus(long PlanId, PlanComputeState State, DateTime? RequestedAt, DateTime? StartedAt, int? Seconds, string? Error, DateTime? SolvedAt)
{
    /// <summary>Queued or running: a further request is refused, the page's button is disabled.</summary>
    public bool Busy => State is PlanComputeState.Queued or PlanComputeState.Running;

    public static PlanComputeStatus Of(MigrationPlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Id, plan.ComputeState, plan.ComputeRequestedAt, plan.ComputeStartedAt, plan.ComputeSeconds, plan.ComputeError, plan.SolvedAt);
    }
}

/// <summary>
/// Requests a plan's computation in the background: the plan is marked queued (with who asked, when and for how many
/// seconds), an audit entry is written and the <see cref="PlanComputeWorker"/> is woken. A plan already queued or
/// running is not queued twice; two requests in the same moment are told apart by the plan's revision.
/// </summary>
internal sealed class PlanCompute(AufsichtDb db, PlanComputeSignal signal, TimeProvider clock)
{
    public const int DefaultSeconds = 20;
    public const int MaxSeconds = 120;

    public async Task<Result<PlanComputeStatus>> RequestAsync(long planId, int? seconds, string user, CancellationToken cancel)
    {
        var plan = await db.MigrationPlans.SingleOrDefaultAsync(p => p.Id == planId, cancel).ConfigureAwait(false);
        if (plan is null)
        {
            return Error.NotFound("plan", "plans.notFound", planId.ToString(CultureInfo.InvariantCulture));
        }

        if (seconds is { } s && s is < 1 or > MaxSeconds)
        {
            return Error.Invalid("seconds", "plans.compute.seconds.invalid", s.ToString(CultureInfo.InvariantCulture), MaxSeconds.ToString(CultureInfo.InvariantCulture));
        }

        if (plan.ComputeState is PlanComputeState.Queued or PlanComputeState.Running)
        {
            return Error.Conflict("plan", "plans.compute.busy");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        plan.ComputeState = PlanComputeState.Queued;
        plan.ComputeRequestedAt = now;
        plan.ComputeRequestedBy = user;
        plan.ComputeSeconds = seconds ?? DefaultSeconds;
        plan.ComputeStartedAt = null;
        plan.ComputeError = null;
        plan.Revision++;
        await AuditLog.AddAsync(db, now, user, "plans.audit.computeRequested", null,
            JsonSerializer.Serialize(new { plan = planId, seconds = plan.ComputeSeconds }), cancel).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request (or an edit of the plan) came first: the revision moved, nothing of this one is stored.
            db.ChangeTracker.Clear();
            return Error.Conflict("plan", "plans.compute.busy");
        }

        signal.Notify();
        return Result<PlanComputeStatus>.Ok(PlanComputeStatus.Of(plan));
    }

    public async Task<PlanComputeStatus?> StatusAsync(long planId, CancellationToken cancel)
    {
        var plan = await db.MigrationPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancel).ConfigureAwait(false);
        return plan is null ? null : PlanComputeStatus.Of(plan);
    }

    /// <summary>The status in words for the page: „Wird berechnet – seit 14:03 Uhr, höchstens 20 Sekunden“; null when nothing is waiting and nothing failed.</summary>
    public static string? Describe(PlanComputeStatus status, Shared.LocalDates dates, Core.Law.Language language)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(dates);
        var seconds = Documents.ReportFormat.Number(status.Seconds ?? DefaultSeconds, language);
        return status.State switch
        {
            PlanComputeState.Queued => Texts.T(language, "plans.compute.state.queued", Time(status.RequestedAt, dates, language), seconds),
            PlanComputeState.Running => Texts.T(language, "plans.compute.state.running", Time(status.StartedAt ?? status.RequestedAt, dates, language), seconds),
            PlanComputeState.Failed => Texts.T(language, "plans.compute.state.failed", Time(status.StartedAt ?? status.RequestedAt, dates, language),
                status.Error is { } key && Texts.Has(key) && !Texts.T(language, key).Contains('{', StringComparison.Ordinal)
                    ? Texts.T(language, key)
                    : Texts.T(language, "plans.compute.failed.error")),
            _ => null,
        };
    }

    /// <summary>The time of day in the authority's zone (14:03 Uhr), or „–“ for none.</summary>
    private static string Time(DateTime? utc, Shared.LocalDates dates, Core.Law.Language language) =>
        utc is { } at ? dates.TimeOfDay(at, language) : "–";
}

/// <summary>Wakes the <see cref="PlanComputeWorker"/> at once when a computation is requested (it polls the table as well).</summary>
internal sealed class PlanComputeSignal : WakeSignal;
