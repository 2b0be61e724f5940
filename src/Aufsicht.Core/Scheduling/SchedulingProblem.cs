namespace Aufsicht.Core.Scheduling;

/// <summary>
/// A resource-constrained project scheduling problem in integer periods (months for a migration plan, whatever unit
/// the caller chose for the public contract): renewable resources with a capacity per period, tasks with a duration,
/// demands, predecessors and optional date limits, and what to minimise. Made by <c>ProblemReader</c> from the
/// contract's JSON or by the migration planner from work packages; checked by <c>ProblemCheck</c> before it is solved.
/// </summary>
public sealed record SchedulingProblem(
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<SchedulingTask> Tasks,
    Objective Objective,
    ObjectiveWeights Weights,
    int? Horizon = null);

/// <summary>
/// A renewable resource (migration team, trainers, support): <paramref name="Capacity"/> units in every period, except
/// where a <see cref="CapacityWindow"/> of its calendar says otherwise (a blackout is a window of capacity 0).
/// </summary>
public sealed record Resource(string Id, int Capacity, IReadOnlyList<CapacityWindow> Calendar);

/// <summary>In the periods <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive) the resource has <paramref name="Capacity"/> units.</summary>
public sealed record CapacityWindow(int From, int To, int Capacity);

/// <summary>
/// One task (a work package): it runs <paramref name="Duration"/> periods without interruption (0 for a milestone such
/// as a rollback point), using <paramref name="Uses"/> units of each named resource in every period it runs, and
/// starts after every task in <paramref name="After"/> has ended.
/// </summary>
/// <remarks>
/// Release: The earliest period it may start in (a planned start date); null for none.
/// Deadline: The period it must have ended by (a latest date); null for none.
/// FixedStart: The period it started in, for a task already begun or done when re-planning; null while free.
/// AllowedStarts: The only periods it may start in (a licence cancellation at a contract end); null for any.
/// CostPerPeriod: What every period before the task's end costs (licences still paid, in cents); 0 for none.
/// </remarks>
public sealed record SchedulingTask(
    string Id,
    int Duration,
    IReadOnlyDictionary<string, int> Uses,
    IReadOnlyList<string> After,
    int? Release = null,
    int? Deadline = null,
    int? FixedStart = null,
    IReadOnlyList<int>? AllowedStarts = null,
    long CostPerPeriod = 0);

/// <summary>What the scheduler minimises: the end of the last task, the cost (Σ cost per period × end), or a weighted sum.</summary>
public enum Objective
{
    Makespan,
    Cost,
    Weighted,
}

/// <summary>The weights of <see cref="Objective.Weighted"/>: objective = Makespan × makespan + Cost × cost.</summary>
public sealed record ObjectiveWeights(long Makespan, long Cost)
{
    public static ObjectiveWeights Default { get; } = new(1, 1);
}

/// <summary>How a solve ended, as the contract names it.</summary>
public enum ScheduleStatus
{
    /// <summary>The schedule is proven best for the objective.</summary>
    Optimal,

    /// <summary>A schedule that keeps every constraint, not proven best within the time limit.</summary>
    Feasible,

    /// <summary>Proven: no schedule keeps every constraint.</summary>
    Infeasible,

    /// <summary>Neither a schedule nor a proof within the time limit.</summary>
    Unknown,
}

/// <summary>Where one task was placed: it runs in the periods <paramref name="Start"/> to <paramref name="End"/> (exclusive).</summary>
public sealed record ScheduledTask(string Id, int Start, int End);

/// <summary>
/// The scheduler's answer: its status, the placed tasks (empty unless optimal or feasible), the makespan and the
/// proven lower bound on it, the cost and the objective with its proven bound, and for each task what holds it where it
/// is (<see cref="Hold"/>).
/// </summary>
public sealed record Schedule(
    ScheduleStatus Status,
    IReadOnlyList<ScheduledTask> Tasks,
    int? Makespan,
    int? LowerBound,
    long? Cost,
    long? ObjectiveValue,
    long? ObjectiveBound,
    IReadOnlyList<Hold> Holds)
{
    /// <summary>(objective − bound) / objective, 0 when proven optimal; null without a schedule.</summary>
    public decimal? Gap => ObjectiveValue is { } value && ObjectiveBound is { } bound
        ? value == 0 ? 0m : Math.Max(0m, (decimal)(value - bound) / value)
        : null;

    /// <summary>Why no schedule exists, when that is known (<see cref="TimeWindows"/> before solving, or the solver's proof); else empty.</summary>
    public IReadOnlyList<Conflict> Conflicts { get; init; } = [];
}

/// <summary>What keeps a task from starting one period earlier (the explanation a planner asks for).</summary>
public enum HoldKind
{
    /// <summary>It starts at period 0: nothing holds it.</summary>
    ProjectStart,

    /// <summary>A predecessor (<see cref="Hold.Other"/>) ends exactly when it starts.</summary>
    Predecessor,

    /// <summary>Starting one period earlier would exceed the capacity of resource <see cref="Hold.Other"/> in period <see cref="Hold.Period"/>.</summary>
    Capacity,

    /// <summary>It starts at its earliest allowed period (release).</summary>
    Release,

    /// <summary>It started there already (fixed when re-planning).</summary>
    Fixed,

    /// <summary>It may only start at the allowed periods (a contract end), and this is the first one it can take.</summary>
    AllowedStart,

    /// <summary>It could start earlier; the objective placed it here (e.g. cost), or it does not matter.</summary>
    Slack,
}

/// <summary>One reason why <paramref name="Task"/> starts where it does: a predecessor, a resource at a period, a date.</summary>
public sealed record Hold(string Task, HoldKind Kind, string? Other = null, int? Period = null);
