using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>Where a plan's computation stands, as its page and the status endpoint show it.</summary>
internal sealed record PlanComputeStatus(
    long PlanId,
    PlanComputeState State,
    DateTime? RequestedAt,
    DateTime? StartedAt,
    int? Seconds,
    string? Error,
    IReadOnlyList<string> ErrorArgs,
    DateTime? SolvedAt,
    int? SolveMilliseconds)
{
    /// <summary>Queued or running: a further request is refused, the page's button is disabled.</summary>
    public bool Busy => IsBusy(State);

    /// <summary>The one rule for „a computation is waiting or running“ — the request, the page and the endpoint ask here.</summary>
    public static bool IsBusy(PlanComputeState state) => state is PlanComputeState.Queued or PlanComputeState.Running;

    public static PlanComputeStatus Of(MigrationPlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Id, plan.ComputeState, plan.ComputeRequestedAt, plan.ComputeStartedAt, plan.ComputeSeconds, plan.ComputeError,
            ReadArgs(plan.ComputeErrorArgs), plan.SolvedAt, plan.SolveMilliseconds);
    }

    /// <summary>The stored arguments of the failure's message (a JSON array of strings); none when absent or unreadable.</summary>
    internal static IReadOnlyList<string> ReadArgs(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    internal static string? WriteArgs(IReadOnlyList<string>? args) => args is { Count: > 0 } ? JsonSerializer.Serialize(args) : null;
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

        if (PlanComputeStatus.IsBusy(plan.ComputeState))
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
        plan.ComputeErrorArgs = null;
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

    /// <summary>
    /// The status in words for the page and the endpoint: „Wird berechnet seit 14:03 Uhr – höchstens 20 Sekunden
    /// Rechenzeit“ (with the date when that was not today, <paramref name="now"/> in the authority's zone); a failure with
    /// its whole message, packages by their names. Null when nothing is waiting and nothing failed.
    /// </summary>
    public static string? Describe(PlanComputeStatus status, Shared.LocalDates dates, DateTime now, Core.Law.Language language, Func<string, string?>? packageName = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(dates);
        var seconds = Documents.ReportFormat.Number(status.Seconds ?? DefaultSeconds, language);
        string When(DateTime? utc) => utc is { } at ? (dates.DayOf(at) == dates.DayOf(now) ? dates.TimeOfDay(at, language) : dates.Moment(at, language)) : "–";
        return status.State switch
        {
            PlanComputeState.Queued => Texts.T(language, "plans.compute.state.queued", When(status.RequestedAt), seconds),
            PlanComputeState.Running => Texts.T(language, "plans.compute.state.running", When(status.StartedAt ?? status.RequestedAt), seconds),
            // „The months computed before still apply“ only where there are any.
            PlanComputeState.Failed => Texts.T(language, status.SolvedAt is null ? "plans.compute.state.failedFirst" : "plans.compute.state.failed", When(status.StartedAt ?? status.RequestedAt),
                FailureText(status.Error, status.ErrorArgs, packageName ?? (_ => null), language)),
            _ => null,
        };
    }

    /// <summary>
    /// Why a computation failed, in words: the stored key's text with its arguments — a package by its name, a resource
    /// in words („der Schulung“), not by id. A key no table knows, or a text wanting more arguments than were stored,
    /// gives the general „ein Fehler auf dem Server“ rather than a key or a placeholder.
    /// </summary>
    public static string FailureText(string? key, IReadOnlyList<string> args, Func<string, string?> packageName, Core.Law.Language language)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(packageName);
        if (key == "plan.demandAboveCapacity" && args.Count == 4)
        {
            // The scheduler's words name a task and a resource by id; the plan's name the package and the team.
            return Texts.T(language, "plans.compute.failed.demand", packageName(args[0]) ?? args[0], Number(args[1], language),
                Texts.Has("plans.resource.of." + args[2]) ? Texts.T(language, "plans.resource.of." + args[2]) : args[2], Number(args[3], language));
        }

        if (key == "migration.capacity.missing" && args.Count == 1 && Texts.Has("plans.resource.for." + args[0]))
        {
            return Texts.T(language, "plans.compute.failed.capacity", Texts.T(language, "plans.resource.for." + args[0]));
        }

        if (key is null || !Texts.Has(key) || Placeholders(key) > args.Count)
        {
            return Texts.T(language, "plans.compute.failed.error");
        }

        var named = args.Select(a => packageName(a) ?? a).ToArray();
        return Shared.Failures.Message(Core.Error.Invalid("", key, named), language);
    }

    /// <summary>How many arguments a key's texts use (the highest <c>{n}</c> plus one), in either language.</summary>
    private static int Placeholders(string key)
    {
        var (de, en) = Texts.Entry(key);
        var text = de + en;
        var count = 0;
        for (var i = text.IndexOf('{', StringComparison.Ordinal); i >= 0; i = text.IndexOf('{', i + 1))
        {
            var end = i + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end > i + 1)
            {
                count = Math.Max(count, int.Parse(text.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture) + 1);
            }
        }

        return count;
    }

    private static string Number(string value, Core.Law.Language language) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Documents.ReportFormat.Number(n, language) : value;

    /// <summary>
    /// When and how long the last computation took: „Berechnet am 05.12.2026 um 14:03 Uhr in 18 Sekunden“; without the
    /// duration for a plan solved before it was recorded; null before the first.
    /// </summary>
    public static string? Solved(PlanComputeStatus status, Shared.LocalDates dates, Core.Law.Language language)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(dates);
        if (status.SolvedAt is not { } at)
        {
            return null;
        }

        var day = Shared.LocalDates.Day(dates.DayOf(at), language);
        var time = dates.TimeOfDay(at, language);
        if (status.SolveMilliseconds is not { } ms)
        {
            return Texts.T(language, "plans.compute.solvedAt", day, time);
        }

        var seconds = (int)Math.Round(ms / 1000.0, MidpointRounding.AwayFromZero);
        var took = seconds switch
        {
            < 1 => Texts.T(language, "plans.compute.took.underOne"),
            1 => Texts.T(language, "plans.compute.took.one"),
            _ => Texts.T(language, "plans.compute.took", Documents.ReportFormat.Number(seconds, language)),
        };
        return Texts.T(language, "plans.compute.solved", day, time, took);
    }
}

/// <summary>Wakes the <see cref="PlanComputeWorker"/> at once when a computation is requested (it polls the table as well).</summary>
internal sealed class PlanComputeSignal : WakeSignal;
