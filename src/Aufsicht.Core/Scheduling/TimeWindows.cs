namespace Aufsicht.Core.Scheduling;

/// <summary>Why no schedule can exist, found before solving or named by the solver.</summary>
public enum ConflictKind
{
    /// <summary>The chain of predecessors ends too late for the task's deadline.</summary>
    Deadline,

    /// <summary>The chain of predecessors ends after the horizon.</summary>
    Horizon,

    /// <summary>No allowed start is left between the end of the chain and the deadline.</summary>
    AllowedStart,

    /// <summary>The fixed start lies before the end of the chain of predecessors.</summary>
    FixedStart,

    /// <summary>The solver proved these deadlines cannot all be kept together (resources included).</summary>
    Deadlines,
}

/// <summary>
/// One reason no schedule exists: the task, the chain of tasks that holds it (from the first to the task itself, in
/// order), the earliest period it could end (or start, for a start conflict) and the limit it misses.
/// </summary>
public sealed record Conflict(ConflictKind Kind, string Task, IReadOnlyList<string> Chain, int? Earliest = null, int? Limit = null);

/// <summary>
/// Earliest starts and latest ends along the precedences, ignoring resources (the critical path): a pure check of the
/// time windows before solving, the critical-path bound on the makespan, and the priority of the heuristic. Needs a
/// problem that passed <see cref="ProblemCheck"/>.
/// </summary>
public sealed class TimeWindows
{
    private TimeWindows(int[] order, int[] earliestStart, int[] latestEnd, IReadOnlyList<Conflict> conflicts, int horizon)
    {
        Order = order;
        EarliestStart = earliestStart;
        LatestEnd = latestEnd;
        Conflicts = conflicts;
        Horizon = horizon;
    }

    /// <summary>The task indices in an order where every predecessor comes first.</summary>
    public IReadOnlyList<int> Order { get; }

    /// <summary>Per task: the earliest start the precedences, releases, fixed and allowed starts permit.</summary>
    public IReadOnlyList<int> EarliestStart { get; }

    /// <summary>Per task: the latest end the deadlines of it and its successors and the horizon permit.</summary>
    public IReadOnlyList<int> LatestEnd { get; }

    /// <summary>Why no schedule can exist, as far as time alone tells; empty when time alone finds none.</summary>
    public IReadOnlyList<Conflict> Conflicts { get; }

    /// <summary>The horizon used: the problem's, or <see cref="TrivialHorizon"/>.</summary>
    public int Horizon { get; }

    /// <summary>The critical-path bound on the makespan: the latest earliest end (0 for no tasks).</summary>
    public int CriticalPath(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var bound = 0;
        for (var i = 0; i < problem.Tasks.Count; i++)
        {
            bound = Math.Max(bound, EarliestStart[i] + problem.Tasks[i].Duration);
        }

        return bound;
    }

    /// <summary>
    /// A horizon no schedule worth having needs to pass without the caller's: after every date in the problem (releases,
    /// deadlines, fixed and allowed starts, calendar windows), all tasks one after the other.
    /// </summary>
    public static int TrivialHorizon(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Horizon is { } given)
        {
            return given;
        }

        long latest = 0;
        long sum = 0;
        foreach (var task in problem.Tasks)
        {
            sum += Math.Max(0, task.Duration);
            latest = Math.Max(latest, Math.Max(task.Release ?? 0, task.FixedStart ?? 0));
            latest = Math.Max(latest, task.AllowedStarts is { Count: > 0 } a ? a.Max() : 0);
        }

        foreach (var resource in problem.Resources)
        {
            foreach (var window in resource.Calendar)
            {
                latest = Math.Max(latest, window.To);
            }
        }

        return (int)Math.Min(int.MaxValue / 4, latest + sum);
    }

    public static TimeWindows Compute(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var n = problem.Tasks.Count;
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            index.TryAdd(problem.Tasks[i].Id, i);
        }

        var preds = new List<int>[n];
        var succs = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            preds[i] = [];
            succs[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            foreach (var name in problem.Tasks[i].After)
            {
                if (index.TryGetValue(name, out var p) && p != i)
                {
                    preds[i].Add(p);
                    succs[p].Add(i);
                }
            }
        }

        var order = TopologicalOrder(preds, succs);
        var horizon = TrivialHorizon(problem);
        var es = new int[n];
        var binding = new int[n];
        var conflicts = new List<Conflict>();
        foreach (var i in order)
        {
            var task = problem.Tasks[i];
            var start = task.Release ?? 0;
            binding[i] = -1;
            foreach (var p in preds[i])
            {
                var end = es[p] + problem.Tasks[p].Duration;
                if (end > start)
                {
                    start = end;
                    binding[i] = p;
                }
            }

            if (task.FixedStart is { } fixedStart)
            {
                if (fixedStart < start)
                {
                    conflicts.Add(new Conflict(ConflictKind.FixedStart, task.Id, Chain(problem, binding, i), start, fixedStart));
                }

                start = fixedStart;
            }
            else if (task.AllowedStarts is { Count: > 0 } allowed)
            {
                var next = allowed.Where(s => s >= start).DefaultIfEmpty(-1).Min();
                if (next < 0 || (task.Deadline is { } d && next + task.Duration > d))
                {
                    conflicts.Add(new Conflict(ConflictKind.AllowedStart, task.Id, Chain(problem, binding, i), start, task.Deadline));
                    next = Math.Max(start, allowed.Max());
                }

                start = next;
            }

            es[i] = start;
            var earliestEnd = start + task.Duration;
            if (task.Deadline is { } deadline && earliestEnd > deadline && task.FixedStart is null)
            {
                conflicts.Add(new Conflict(ConflictKind.Deadline, task.Id, Chain(problem, binding, i), earliestEnd, deadline));
            }
            else if (earliestEnd > horizon && problem.Horizon is not null)
            {
                conflicts.Add(new Conflict(ConflictKind.Horizon, task.Id, Chain(problem, binding, i), earliestEnd, horizon));
            }
        }

        var lf = new int[n];
        for (var k = order.Length - 1; k >= 0; k--)
        {
            var i = order[k];
            var task = problem.Tasks[i];
            var end = Math.Min(horizon, task.Deadline ?? int.MaxValue);
            foreach (var s in succs[i])
            {
                end = Math.Min(end, lf[s] - problem.Tasks[s].Duration);
            }

            lf[i] = end;
        }

        return new TimeWindows(order, es, lf, conflicts, horizon);
    }

    private static List<string> Chain(SchedulingProblem problem, int[] binding, int task)
    {
        var chain = new List<string>();
        for (var i = task; i >= 0; i = binding[i])
        {
            chain.Add(problem.Tasks[i].Id);
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>Kahn's order, smallest index first among the ready tasks, so it is the same for the same problem.</summary>
    private static int[] TopologicalOrder(List<int>[] preds, List<int>[] succs)
    {
        var n = preds.Length;
        var missing = new int[n];
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < n; i++)
        {
            missing[i] = preds[i].Count;
            if (missing[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = new List<int>(n);
        while (ready.TryDequeue(out var i, out _))
        {
            order.Add(i);
            foreach (var s in succs[i])
            {
                if (--missing[s] == 0)
                {
                    ready.Enqueue(s, s);
                }
            }
        }

        if (order.Count < n)
        {
            throw new ArgumentException("The precedences have a cycle; check the problem with ProblemCheck first.", nameof(preds));
        }

        return [.. order];
    }
}
