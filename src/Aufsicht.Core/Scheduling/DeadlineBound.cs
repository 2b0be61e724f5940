namespace Aufsicht.Core.Scheduling;

/// <summary>
/// A lower bound on the makespan that sees the dates a task may only start at (contract anniversaries), fixed starts
/// and deadlines together with the resources: the smallest makespan T for which a necessary condition holds.
/// </summary>
/// <remarks>
/// <para>
/// The condition for a candidate T: every task must end by T (and by its deadline and the horizon); a task with
/// allowed starts must take one at or before T − its duration, so it starts at the latest such one at the latest (none:
/// T is impossible); a fixed start must not lie after that; and a predecessor must end by its successor's latest
/// start. That gives each task a latest end d(T), found backwards along the precedences, and with the earliest start e
/// of <see cref="TimeWindows"/> a window [e, d(T)) it must run in. T is impossible if a window is shorter than its task,
/// or if for a resource and an interval [a, b) the tasks whose windows lie inside it need more work (duration × demand)
/// than the resource offers there, calendar included.
/// </para>
/// <para>
/// Sound: a schedule with makespan M starts every task within these windows for T = M (by induction backwards along
/// the precedences), so every task inside [a, b) runs there and the resource holds their work: the condition holds at
/// M, and the smallest T at which it holds is never above the optimum. It only gets easier as T grows (the latest
/// starts never fall, so the set of tasks inside an interval never grows), so bisection finds that smallest T.
/// </para>
/// <para>
/// The intervals start at the tasks' earliest starts (at most <see cref="MaxIntervalStarts"/> of them, spread evenly,
/// so a large problem stays fast) and end at their latest ends: per start one sweep over the tasks sorted by latest end.
/// </para>
/// </remarks>
public static class DeadlineBound
{
    /// <summary>At most this many interval starts per resource are tried, so a problem with many distinct earliest starts stays fast (the SH plan has 21: docs/migration-model.md).</summary>
    public const int MaxIntervalStarts = 128;

    /// <summary>Whether the bound can say more than the critical path and energy: some task has allowed starts, a fixed start or a deadline.</summary>
    public static bool Applies(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Tasks.Any(t => t.AllowedStarts is not null || t.FixedStart is not null || t.Deadline is not null);
    }

    /// <summary>
    /// The smallest T ≥ <paramref name="start"/> (a sound bound the caller has, e.g. the critical path) at which the
    /// condition holds, up to the horizon of <paramref name="windows"/>; <paramref name="start"/> itself when it holds
    /// there or nowhere up to the horizon (then no schedule exists and the solver says so). Needs time windows without
    /// conflicts.
    /// </summary>
    public static int Compute(SchedulingProblem problem, TimeWindows windows, int start)
    {
        var condition = new Condition(problem, windows);
        var low = Math.Max(0, start);
        var high = windows.Horizon;
        if (low >= high || condition.Holds(low) || !condition.Holds(high))
        {
            return start;
        }

        // The condition fails at low and holds at high: keep it so while halving.
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (condition.Holds(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }

    /// <summary>Whether the necessary condition holds for makespan <paramref name="makespan"/> (for tests and measurements).</summary>
    public static bool Holds(SchedulingProblem problem, TimeWindows windows, int makespan) => new Condition(problem, windows).Holds(makespan);

    /// <summary>What does not depend on T, computed once: successors, sorted allowed starts, each resource's tasks and capacity.</summary>
    private sealed class Condition
    {
        private readonly SchedulingProblem _problem;
        private readonly TimeWindows _windows;
        private readonly List<int>[] _successors;
        private readonly int[]?[] _allowed;
        private readonly Load[] _loads;
        private readonly int[] _latestStart;
        private readonly int[] _latestEnd;

        public Condition(SchedulingProblem problem, TimeWindows windows)
        {
            ArgumentNullException.ThrowIfNull(problem);
            ArgumentNullException.ThrowIfNull(windows);
            _problem = problem;
            _windows = windows;
            var n = problem.Tasks.Count;
            var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                index.TryAdd(problem.Tasks[i].Id, i);
            }

            _successors = new List<int>[n];
            _allowed = new int[]?[n];
            for (var i = 0; i < n; i++)
            {
                _successors[i] = [];
                _allowed[i] = problem.Tasks[i].AllowedStarts is { } allowed ? [.. allowed.Distinct().Order()] : null;
            }

            for (var i = 0; i < n; i++)
            {
                foreach (var name in problem.Tasks[i].After)
                {
                    if (index.TryGetValue(name, out var p) && p != i)
                    {
                        _successors[p].Add(i);
                    }
                }
            }

            _loads = [.. problem.Resources.Select(r => new Load(problem, windows, r)).Where(l => l.Tasks.Length > 0)];
            _latestStart = new int[n];
            _latestEnd = new int[n];
        }

        public bool Holds(int makespan)
        {
            var tasks = _problem.Tasks;
            var cap = Math.Min(makespan, _problem.Horizon ?? int.MaxValue);
            var order = _windows.Order;
            for (var k = order.Count - 1; k >= 0; k--)
            {
                var i = order[k];
                var task = tasks[i];
                var end = Math.Min(cap, task.Deadline ?? int.MaxValue);
                foreach (var s in _successors[i])
                {
                    end = Math.Min(end, _latestStart[s]);
                }

                var latest = end - task.Duration;
                if (task.FixedStart is { } fixedStart)
                {
                    if (fixedStart > latest)
                    {
                        return false;
                    }

                    latest = fixedStart;
                }
                else if (_allowed[i] is { } allowed)
                {
                    var at = Array.BinarySearch(allowed, latest);
                    at = at >= 0 ? at : ~at - 1;
                    if (at < 0)
                    {
                        return false;
                    }

                    latest = allowed[at];
                }

                if (latest < _windows.EarliestStart[i])
                {
                    return false;
                }

                _latestStart[i] = latest;
                _latestEnd[i] = latest + task.Duration;
            }

            foreach (var load in _loads)
            {
                if (!load.Fits(_latestEnd))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>One resource: the tasks that use it (duration > 0), their earliest starts and work, and its capacity summed from 0.</summary>
    private sealed class Load
    {
        private readonly int[] _earliest;
        private readonly long[] _work;
        private readonly int[] _starts;
        private readonly int[] _bounds;
        private readonly long[] _summed;
        private readonly int[] _capacity;
        private readonly int[] _byEnd;
        private readonly int[] _ends;

        public Load(SchedulingProblem problem, TimeWindows windows, Resource resource)
        {
            var tasks = new List<int>();
            for (var i = 0; i < problem.Tasks.Count; i++)
            {
                var task = problem.Tasks[i];
                if (task.Duration > 0 && task.Uses.TryGetValue(resource.Id, out var q) && q > 0)
                {
                    tasks.Add(i);
                }
            }

            Tasks = [.. tasks];
            _earliest = [.. tasks.Select(i => windows.EarliestStart[i])];
            _work = [.. tasks.Select(i => (long)problem.Tasks[i].Duration * problem.Tasks[i].Uses[resource.Id])];
            var starts = _earliest.Distinct().Order().ToArray();
            _starts = starts.Length <= MaxIntervalStarts
                ? starts
                : [.. Enumerable.Range(0, MaxIntervalStarts).Select(k => starts[(int)((long)k * (starts.Length - 1) / (MaxIntervalStarts - 1))]).Distinct()];

            // The capacity is constant between the calendar's boundaries: sum it per segment once.
            _bounds = [.. resource.Calendar.SelectMany(w => new[] { w.From, w.To }).Where(b => b > 0).Append(0).Distinct().Order()];
            _capacity = [.. _bounds.Select(b => ScheduleChecker.CapacityAt(resource, b))];
            _summed = new long[_bounds.Length];
            for (var k = 1; k < _bounds.Length; k++)
            {
                _summed[k] = _summed[k - 1] + ((long)_capacity[k - 1] * (_bounds[k] - _bounds[k - 1]));
            }

            _byEnd = new int[Tasks.Length];
            _ends = new int[Tasks.Length];
        }

        /// <summary>The tasks (indices into the problem) that use the resource for at least one period.</summary>
        public int[] Tasks { get; }

        /// <summary>Whether every interval [a, b) holds the work of the tasks inside it, given their latest ends.</summary>
        public bool Fits(int[] latestEnd)
        {
            for (var k = 0; k < Tasks.Length; k++)
            {
                _byEnd[k] = k;
                _ends[k] = latestEnd[Tasks[k]];
            }

            Array.Sort(_ends, _byEnd);
            foreach (var a in _starts)
            {
                long work = 0;
                for (var k = 0; k < _byEnd.Length; k++)
                {
                    var task = _byEnd[k];
                    if (_earliest[task] >= a)
                    {
                        work += _work[task];
                    }

                    // Check at the last task of each latest end: the interval [a, that end).
                    if ((k + 1 == _byEnd.Length || _ends[k + 1] != _ends[k]) && work > Offered(a, _ends[k]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The capacity summed over the periods [a, b).</summary>
        private long Offered(int a, int b) => b <= a ? 0 : Summed(b) - Summed(a);

        private long Summed(int t)
        {
            var k = Array.BinarySearch(_bounds, t);
            k = k >= 0 ? k : ~k - 1;
            return _summed[k] + ((long)_capacity[k] * (t - _bounds[k]));
        }
    }
}
