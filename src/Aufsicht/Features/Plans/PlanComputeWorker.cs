using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>
/// Computes the queued plans in the background, one at a time, the oldest request first: marks the plan running, calls
/// <see cref="PlanStore.ComputeAsync"/> (which stores the planned months and sets <c>SolvedAt</c>) and marks it done
/// (state none) or failed (every error's message key and arguments, up to <see cref="PlanComputeStatus.MaxFailures"/>, and how many there were). One solve uses both cores, so never two at once. On start-up a
/// plan left running by a crash is queued again; on shutdown the running one goes back to the queue. Woken by
/// <see cref="PlanComputeSignal"/> on a request, and it looks at the table every <see cref="PollInterval"/> as well.
/// </summary>
/// <remarks>One worker per database is assumed (one web instance); a second instance would find the claim taken (the
/// update from queued to running checks the state and revision) and skip the plan.</remarks>
internal sealed partial class PlanComputeWorker(IServiceScopeFactory scopes, PlanComputeSignal signal, TimeProvider time, ILogger<PlanComputeWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Requeues what a crash left running before the server takes its first request: done later, in the background,
    /// it could requeue a computation this server had just started (a busy machine let a test see exactly that).
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RequeueInterruptedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LoopFailed(logger, e.GetType().Name);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await RunNextAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database away for a moment, say: the queue is safe in the table; try again at the next poll.
                LoopFailed(logger, e.GetType().Name);
            }

            try
            {
                if (!more)
                {
                    await signal.WaitAsync(PollInterval, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Plans left running by a crash (or a stop in the middle of a solve) go back to the queue.</summary>
    internal async Task<int> RequeueInterruptedAsync(CancellationToken cancel)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var count = await db.MigrationPlans.Where(p => p.ComputeState == PlanComputeState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ComputeState, PlanComputeState.Queued).SetProperty(p => p.ComputeStartedAt, (DateTime?)null)
                    .SetProperty(p => p.Revision, p => p.Revision + 1), cancel).ConfigureAwait(false);
            if (count > 0)
            {
                Requeued(logger, count);
            }

            return count;
        }
    }

    /// <summary>Computes the oldest queued plan; true when one was computed (and more may wait).</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        long planId;
        int seconds;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var next = await db.MigrationPlans.AsNoTracking().Where(p => p.ComputeState == PlanComputeState.Queued)
                .OrderBy(p => p.ComputeRequestedAt).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Revision, p.ComputeSeconds })
                .FirstOrDefaultAsync(stoppingToken).ConfigureAwait(false);
            if (next is null)
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var claimed = await db.MigrationPlans.Where(p => p.Id == next.Id && p.Revision == next.Revision && p.ComputeState == PlanComputeState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ComputeState, PlanComputeState.Running).SetProperty(p => p.ComputeStartedAt, now)
                    .SetProperty(p => p.Revision, p => p.Revision + 1), stoppingToken).ConfigureAwait(false);
            if (claimed != 1)
            {
                return true; // changed in the meantime: look again
            }

            (planId, seconds) = (next.Id, Math.Clamp(next.ComputeSeconds ?? PlanCompute.DefaultSeconds, 1, PlanCompute.MaxSeconds));
        }

        Started(logger, planId, seconds);
        var started = time.GetTimestamp();
        IReadOnlyList<Core.Error> errors;
        var work = scopes.CreateAsyncScope();
        await using (work.ConfigureAwait(false))
        {
            try
            {
                var computed = await work.ServiceProvider.GetRequiredService<PlanStore>().ComputeAsync(planId, TimeSpan.FromSeconds(seconds), stoppingToken).ConfigureAwait(false);
                errors = computed.IsOk ? [] : computed.Errors;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await FinishAsync(planId, PlanComputeState.Queued, null, null).ConfigureAwait(false); // computed again after the restart
                throw;
            }
            catch (DbUpdateConcurrencyException)
            {
                errors = [Core.Error.Conflict("plan", "plans.compute.failed.changed")]; // a package's dates or the plan changed during the solve
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or ArgumentException)
            {
                ComputeThrew(logger, planId, e.GetType().Name);
                errors = [Core.Error.Invalid("", "plans.compute.failed.error")];
            }
        }

        var (error, failures) = PlanComputeStatus.WriteFailures(errors);
        await FinishAsync(planId, error is null ? PlanComputeState.None : PlanComputeState.Failed, error, failures).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started).TotalSeconds;
        Finished(logger, planId, error ?? "ok", elapsed);
        return true;
    }

    /// <summary>Marks the end of a computation; not cancelled by the shutdown, so the state is right after a restart.</summary>
    private async Task FinishAsync(long planId, PlanComputeState state, string? error, string? errorArgs)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var running = db.MigrationPlans.Where(p => p.Id == planId && p.ComputeState == PlanComputeState.Running);
            if (state == PlanComputeState.Queued)
            {
                await running.ExecuteUpdateAsync(s => s.SetProperty(p => p.ComputeState, state).SetProperty(p => p.ComputeStartedAt, (DateTime?)null)
                    .SetProperty(p => p.Revision, p => p.Revision + 1), CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await running.ExecuteUpdateAsync(s => s.SetProperty(p => p.ComputeState, state).SetProperty(p => p.ComputeError, error).SetProperty(p => p.ComputeErrorArgs, errorArgs)
                    .SetProperty(p => p.Revision, p => p.Revision + 1), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId}: computing for at most {Seconds} s")]
    private static partial void Started(ILogger logger, long planId, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId}: computation finished ({Outcome}) after {Seconds:F1} s")]
    private static partial void Finished(ILogger logger, long planId, string outcome, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId}: the computation failed with {Exception}")]
    private static partial void ComputeThrew(ILogger logger, long planId, string exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan computations: a round failed with {Exception}; trying again at the next poll")]
    private static partial void LoopFailed(ILogger logger, string exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan computations: {Count} plan(s) left running by a stop queued again")]
    private static partial void Requeued(ILogger logger, int count);
}
