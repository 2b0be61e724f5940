using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>One reason a computation failed: a message key and its arguments (a package, a resource), never an exception text.</summary>
internal sealed record PlanComputeFailure(string Key, IReadOnlyList<string> Args);

/// <summary>
/// Where a plan's computation stands, as its page and the status endpoint show it. <c>Failures</c>: why the last
/// computation failed, at most <see cref="MaxFailures"/> errors, empty unless failed; <c>FailureCount</c>: how many
/// errors it had, those beyond <see cref="MaxFailures"/> (not stored) included.
/// </summary>
internal sealed record PlanComputeStatus(
    long PlanId,
    PlanComputeState State,
    DateTime? RequestedAt,
    DateTime? StartedAt,
    int? Seconds,
    IReadOnlyList<PlanComputeFailure> Failures,
    int FailureCount,
    DateTime? SolvedAt,
    int? SolveMilliseconds)
{
    /// <summary>
    /// How many of a failure's errors are stored and shown: a plan without trainers fails once per training package
    /// (hundreds in the Schleswig-Holstein demo); ten say what is wrong, the page counts the rest („und 412 weitere“).
    /// </summary>
    public const int MaxFailures = 10;

    /// <summary>Queued or running: a further request is refused, the page's button is disabled.</summary>
    public bool Busy => IsBusy(State);

    /// <summary>The one rule for „a computation is waiting or running“ — the request, the page and the endpoint ask here.</summary>
    public static bool IsBusy(PlanComputeState state) => state is PlanComputeState.Queued or PlanComputeState.Running;

    public static PlanComputeStatus Of(MigrationPlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (failures, count) = ReadFailures(plan.ComputeError, plan.ComputeErrorArgs);
        return new(plan.Id, plan.ComputeState, plan.ComputeRequestedAt, plan.ComputeStartedAt, plan.ComputeSeconds, failures, count, plan.SolvedAt, plan.SolveMilliseconds);
    }

    /// <summary>
    /// The stored failure: <paramref name="key"/> is the first error's key; <paramref name="json"/> either
    /// <c>{"count":14,"failures":[{"key":"…","args":["…"]},…]}</c> (every stored error) or, as stored before, the first
    /// error's arguments alone (a JSON array of strings). Unreadable JSON leaves the key without arguments.
    /// </summary>
    internal static (IReadOnlyList<PlanComputeFailure> Failures, int Count) ReadFailures(string? key, string? json)
    {
        if (key is null)
        {
            return ([], 0);
        }

        if (string.IsNullOrEmpty(json))
        {
            return ([new PlanComputeFailure(key, [])], 1);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return ([new PlanComputeFailure(key, [.. root.EnumerateArray().Select(a => a.GetString() ?? "")])], 1);
            }

            var failures = root.GetProperty("failures").EnumerateArray()
                .Select(f => new PlanComputeFailure(f.GetProperty("key").GetString() ?? key, [.. f.GetProperty("args").EnumerateArray().Select(a => a.GetString() ?? "")]))
                .ToList();
            return failures.Count == 0 ? ([new PlanComputeFailure(key, [])], 1) : (failures, Math.Max(failures.Count, root.GetProperty("count").GetInt32()));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return ([new PlanComputeFailure(key, [])], 1);
        }
    }

    /// <summary>What <see cref="ReadFailures"/> reads: the first error's key, and the first <see cref="MaxFailures"/> errors with the count of all; nulls for none.</summary>
    internal static (string? Key, string? Json) WriteFailures(IReadOnlyList<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return (null, null);
        }

        var stored = errors.Take(MaxFailures).Select(e => new { key = e.Key, args = e.Args });
        return (errors[0].Key, JsonSerializer.Serialize(new { count = errors.Count, failures = stored }));
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
    /// its whole message, packages by their names, and for several errors a line each (<see cref="FailureList"/>). Null
    /// when nothing is waiting and nothing failed.
    /// </summary>
    public static string? Describe(PlanComputeStatus status, Shared.LocalDates dates, DateTime now, Core.Law.Language language, Func<string, string?>? packageName = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(dates);
        var seconds = Documents.ReportFormat.Number(status.Seconds ?? DefaultSeconds, language);
        string When(DateTime? utc) => Moment(utc, dates, now, language);
        return status.State switch
        {
            PlanComputeState.Queued => Texts.T(language, "plans.compute.state.queued", When(status.RequestedAt), seconds),
            PlanComputeState.Running => Texts.T(language, "plans.compute.state.running", When(status.StartedAt ?? status.RequestedAt), seconds),
            // Several errors: a line each (their texts have semicolons of their own), as the page lists them.
            PlanComputeState.Failed when FailureList(status, dates, now, language, packageName) is { } list =>
                string.Join('\n', list.Lines.Prepend(list.Heading).Concat(list.StillApply is { } still ? [still] : [])),
            // „The months computed before still apply“ only where there are any.
            PlanComputeState.Failed => Texts.T(language, status.SolvedAt is null ? "plans.compute.state.failedFirst" : "plans.compute.state.failed", When(status.StartedAt ?? status.RequestedAt),
                status.Failures.Count == 0 ? Texts.T(language, "plans.compute.failed.error") : FailureText(status.Failures[0].Key, status.Failures[0].Args, packageName ?? (_ => null), language)),
            _ => null,
        };
    }

    /// <summary>
    /// A failure of several errors as the page lists them: „Die Berechnung von 14:03 Uhr ist fehlgeschlagen, 14 Fehler:“,
    /// one line per stored error and „und 4 weitere“ for those not stored, and „Die bisherigen Monate gelten weiter.“ where
    /// there are any. Null unless the computation failed with more than one error.
    /// </summary>
    public static PlanFailureList? FailureList(PlanComputeStatus status, Shared.LocalDates dates, DateTime now, Core.Law.Language language, Func<string, string?>? packageName = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(dates);
        if (status.State != PlanComputeState.Failed || status.FailureCount < 2)
        {
            return null;
        }

        var when = Moment(status.StartedAt ?? status.RequestedAt, dates, now, language);
        var lines = status.Failures.Select(f => FailureText(f.Key, f.Args, packageName ?? (_ => null), language)).ToList();
        if (status.FailureCount > status.Failures.Count)
        {
            lines.Add(Texts.T(language, "plans.compute.failed.more", Documents.ReportFormat.Number(status.FailureCount - status.Failures.Count, language)));
        }

        return new PlanFailureList(Texts.T(language, "plans.compute.state.failedMany", when, Documents.ReportFormat.Number(status.FailureCount, language)), lines,
            status.SolvedAt is null ? null : Texts.T(language, "plans.compute.failed.stillApply"));
    }

    /// <summary>When a request or computation happened: the time of day when that is today in the authority's zone, else date and time; „–“ for none.</summary>
    private static string Moment(DateTime? utc, Shared.LocalDates dates, DateTime now, Core.Law.Language language) =>
        utc is { } at ? (dates.DayOf(at) == dates.DayOf(now) ? dates.TimeOfDay(at, language) : dates.Moment(at, language)) : "–";

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
    /// When and how long the last computation took: „Berechnet am 05.12.2026 um 14:03 Uhr in 18 Sekunden Rechenzeit“ —
    /// the computing time the limit bounds, as the running state's „höchstens 20 Sekunden Rechenzeit“ promised (storing
    /// the months comes after it); without the duration for a plan solved before it was recorded; null before the first.
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

/// <summary>A failure of several errors in words: the heading, a line per error, and the sentence that the months before still apply (null where there are none).</summary>
internal sealed record PlanFailureList(string Heading, IReadOnlyList<string> Lines, string? StillApply);

/// <summary>Wakes the <see cref="PlanComputeWorker"/> at once when a computation is requested (it polls the table as well).</summary>
internal sealed class PlanComputeSignal : WakeSignal;
