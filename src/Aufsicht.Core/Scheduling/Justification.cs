namespace Aufsicht.Core.Scheduling;

/// <summary>
/// Improves a serial schedule for the makespan as RCPSP heuristics do: activity lists from several priority rules
/// (latest end, latest start, most total successors, greatest rank positional weight) and from seeded biased sampling,
/// each decoded by the serial schedule-generation scheme and then justified forward and backward (Valls, Ballestín and
/// Quintanilla 2005: every task as late as the makespan allows in order of decreasing end, then as early as possible in
/// order of increasing start, until the makespan stops shrinking), then an iterated local search on the activity list
/// (a task moved within its precedences; after <see cref="Stagnation"/> moves without a shorter schedule, a restart from
/// the best list kicked by random moves). The shortest schedule that keeps every constraint (checked by
/// <see cref="ScheduleChecker"/>) is kept, else the one given. Pure and deterministic: a work budget, its own seeded
/// generator, no clock; the caller may stop it early (and then answers for the determinism).
/// </summary>
public static class Justification
{
    /// <summary>The work budget in task placements over all passes (about 0.1–0.3 s on this machine for PSPLIB j120).</summary>
    public const int PlacementBudget = 400_000;

    /// <summary>
    /// The work (periods checked for a fit) allowed per placement of the budget on average; a cap that binds where fits are
    /// searched over many periods (long horizons, thousands of tasks), not on PSPLIB-like projects.
    /// </summary>
    public const int WorkPerPlacement = 256;

    /// <summary>The local search restarts from the best list, kicked, after this many passes without a shorter schedule.</summary>
    public const int Stagnation = 500;

    /// <summary>The seed of the generator unless the caller gives another (a second search in parallel takes its own).</summary>
    public const ulong DefaultSeed = 0x5EED;

    public static IReadOnlyList<ScheduledTask> Improve(SchedulingProblem problem, TimeWindows windows, int limit, IReadOnlyList<ScheduledTask> first, int placements = PlacementBudget,
        int lowerBound = 0, ulong seed = DefaultSeed, Func<bool>? stop = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(first);
        var n = problem.Tasks.Count;
        if (n == 0 || problem.Objective != Objective.Makespan || problem.Tasks.Any(t => t.FixedStart is not null || t.AllowedStarts is not null))
        {
            return first;
        }

        var state = new State(problem, windows, limit, (long)placements * WorkPerPlacement);
        var best = first.Select(t => t.Start).ToArray();
        var bestMakespan = state.Makespan(best);
        void Offer(int[]? starts)
        {
            if (starts is not null && state.Makespan(starts) < bestMakespan)
            {
                best = starts;
                bestMakespan = state.Makespan(starts);
            }
        }

        var tasks = problem.Tasks;
        var totalSuccessors = state.TotalSuccessors();
        double[][] rules =
        [
            [.. Enumerable.Range(0, n).Select(i => (double)windows.LatestEnd[i])],
            [.. Enumerable.Range(0, n).Select(i => (double)(windows.LatestEnd[i] - tasks[i].Duration))],
            [.. Enumerable.Range(0, n).Select(i => (double)-totalSuccessors[i])],
            [.. Enumerable.Range(0, n).Select(i => (double)-(tasks[i].Duration + state.Successors[i].Sum(s => tasks[s].Duration)))],
        ];

        // Stops where nothing shorter can exist (the caller's lower bound), when the budget is spent, or when the caller says so.
        var floor = Math.Max(lowerBound, windows.CriticalPath(problem));
        Offer(state.Justify(best));
        foreach (var rule in rules)
        {
            Offer(state.Justify(state.Forward(state.ActivityList(rule))));
        }

        // Seeded sampling around the latest start (a quarter of the passes, at most 25,000): each pass perturbs the
        // priorities by up to a spread of periods.
        var random = new SplitMix(seed);
        var spread = Math.Max(1.0, tasks.Average(t => (double)t.Duration));
        var passes = Math.Max(0, placements / (8 * n));
        for (var pass = 0; pass < Math.Min(passes / 4, 25_000) && bestMakespan > floor && !state.Spent && !Stopped(stop, pass); pass++)
        {
            var keys = new double[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = windows.LatestEnd[i] - tasks[i].Duration + (random.NextDouble() * spread * (1 + (pass % 3)));
            }

            Offer(state.Justify(state.Forward(state.ActivityList(keys))));
        }

        // The local search: a task moved to another place its precedences allow, the list decoded and justified, the move
        // kept when the makespan does not grow. After Stagnation passes without a shorter current schedule it restarts from
        // the best list kicked by a few random moves (an iterated local search), until the budget is spent.
        var current = state.ListOf(best);
        var currentMakespan = bestMakespan;
        var quiet = 0;
        var kick = Math.Max(2, n / 10);
        for (var pass = passes / 4; pass < passes && bestMakespan > floor && !state.Spent && !Stopped(stop, pass); pass++)
        {
            if (quiet >= Stagnation)
            {
                var kicked = state.ListOf(best);
                for (var k = 0; k < kick; k++)
                {
                    state.Move(kicked, random.Next(n), random.NextDouble());
                }

                quiet = 0;
                if (state.Justify(state.Forward(kicked)) is { } restarted)
                {
                    current = state.ListOf(restarted);
                    currentMakespan = state.Makespan(restarted);
                    Offer(restarted);
                }

                continue;
            }

            var list = (int[])current.Clone();
            state.Move(list, random.Next(n), random.NextDouble());
            quiet++;
            if (state.Justify(state.Forward(list)) is { } starts && state.Makespan(starts) <= currentMakespan)
            {
                if (state.Makespan(starts) < currentMakespan)
                {
                    quiet = 0;
                }

                current = state.ListOf(starts);
                currentMakespan = state.Makespan(starts);
                Offer(starts);
            }
        }

        var answer = tasks.Select((t, i) => new ScheduledTask(t.Id, best[i], best[i] + t.Duration)).ToArray();
        return ScheduleChecker.Check(problem, answer).Count == 0 && bestMakespan < state.Makespan([.. first.Select(t => t.Start)]) ? answer : first;
    }

    /// <summary>Asks the caller's stop every 64 passes (the caller may read a clock there; this class reads none).</summary>
    private static bool Stopped(Func<bool>? stop, int pass) => stop is not null && pass % 64 == 0 && stop();

    /// <summary>A small seeded generator (SplitMix64), the same numbers on every platform and runtime.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public double NextDouble()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }

        public int Next(int below) => (int)(NextDouble() * below);
    }

    /// <summary>The problem as arrays, and the decoders: the serial scheme forward, and the two justification passes.</summary>
    private sealed class State
    {
        private readonly int _n;
        private readonly int[] _duration;
        private readonly (int Resource, int Demand)[][] _demands;
        private readonly int[] _lowest;
        private readonly int[] _latestEnd;
        private readonly int[] _rank;
        private readonly long[][] _capacity;
        private readonly long[][] _free;
        private readonly long _work;
        private readonly long[] _keys;
        private readonly int[] _order;
        private readonly int[] _mark;
        private int _stamp;
        private int _touchedFrom;
        private int _touchedTo;
        private long _done;

        public State(SchedulingProblem problem, TimeWindows windows, int limit, long work)
        {
            _work = work;
            _n = problem.Tasks.Count;
            var index = new Dictionary<string, int>(_n, StringComparer.Ordinal);
            for (var i = 0; i < _n; i++)
            {
                index.TryAdd(problem.Tasks[i].Id, i);
            }

            var resourceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var r = 0; r < problem.Resources.Count; r++)
            {
                resourceIndex[problem.Resources[r].Id] = r;
            }

            _capacity = new long[problem.Resources.Count][];
            _free = new long[problem.Resources.Count][];
            for (var r = 0; r < problem.Resources.Count; r++)
            {
                _capacity[r] = new long[limit + 1];
                _free[r] = new long[limit + 1];
                for (var t = 0; t <= limit; t++)
                {
                    _capacity[r][t] = ScheduleChecker.CapacityAt(problem.Resources[r], t);
                    _free[r][t] = _capacity[r][t];
                }
            }

            _duration = new int[_n];
            _demands = new (int, int)[_n][];
            _lowest = new int[_n];
            _latestEnd = new int[_n];
            Predecessors = new List<int>[_n];
            Successors = new List<int>[_n];
            for (var i = 0; i < _n; i++)
            {
                Predecessors[i] = [];
                Successors[i] = [];
            }

            for (var i = 0; i < _n; i++)
            {
                var task = problem.Tasks[i];
                _duration[i] = task.Duration;
                _demands[i] = [.. task.Uses.Where(u => u.Value > 0).Select(u => (resourceIndex[u.Key], u.Value))];
                _lowest[i] = Math.Max(task.Release ?? 0, windows.EarliestStart[i]);
                _latestEnd[i] = Math.Min(windows.LatestEnd[i], limit);
                foreach (var name in task.After.Distinct(StringComparer.Ordinal))
                {
                    var p = index[name];
                    Predecessors[i].Add(p);
                    Successors[p].Add(i);
                }
            }

            _keys = new long[_n];
            _order = new int[_n];
            _mark = new int[_n];
            _rank = new int[_n];
            for (var k = 0; k < windows.Order.Count; k++)
            {
                _rank[windows.Order[k]] = k;
            }
        }

        public List<int>[] Predecessors { get; }

        /// <summary>Whether the work budget is used up: no further pass starts, no further justification round.</summary>
        public bool Spent => _done >= _work;

        public List<int>[] Successors { get; }

        public int Makespan(int[] starts)
        {
            var makespan = 0;
            for (var i = 0; i < _n; i++)
            {
                makespan = Math.Max(makespan, starts[i] + _duration[i]);
            }

            return makespan;
        }

        /// <summary>Per task: how many tasks follow it directly or indirectly.</summary>
        public int[] TotalSuccessors()
        {
            var total = new int[_n];
            var seen = new bool[_n];
            var stack = new Stack<int>();
            for (var i = 0; i < _n; i++)
            {
                Array.Clear(seen);
                stack.Push(i);
                while (stack.TryPop(out var k))
                {
                    foreach (var s in Successors[k])
                    {
                        if (!seen[s])
                        {
                            seen[s] = true;
                            total[i]++;
                            stack.Push(s);
                        }
                    }
                }
            }

            return total;
        }

        /// <summary>The tasks in an order that keeps the precedences, the eligible task with the lowest key first (ties by position).</summary>
        public int[] ActivityList(double[] keys)
        {
            var missing = new int[_n];
            var ready = new PriorityQueue<int, (double, int)>();
            for (var i = 0; i < _n; i++)
            {
                missing[i] = Predecessors[i].Count;
                if (missing[i] == 0)
                {
                    ready.Enqueue(i, (keys[i], i));
                }
            }

            var list = new int[_n];
            var at = 0;
            while (ready.TryDequeue(out var i, out _))
            {
                list[at++] = i;
                foreach (var s in Successors[i])
                {
                    if (--missing[s] == 0)
                    {
                        ready.Enqueue(s, (keys[s], s));
                    }
                }
            }

            return list;
        }

        /// <summary>The serial scheme: each task of the list at its earliest feasible start; null if one does not fit.</summary>
        public int[]? Forward(int[] list)
        {
            Reset();
            var starts = new int[_n];
            foreach (var i in list)
            {
                var from = _lowest[i];
                foreach (var p in Predecessors[i])
                {
                    from = Math.Max(from, starts[p] + _duration[p]);
                }

                // The earliest start that fits: after a period where it does not, the next candidate starts past that period.
                var at = -1;
                for (var s = from; s + _duration[i] <= _latestEnd[i];)
                {
                    var conflict = LastConflict(i, s);
                    if (conflict < 0)
                    {
                        at = s;
                        break;
                    }

                    s = conflict + 1;
                }

                if (at < 0)
                {
                    return null;
                }

                Take(i, at);
                starts[i] = at;
            }

            return starts;
        }

        /// <summary>The tasks by start, ties by their place in the precedence order: a list the serial scheme decodes.</summary>
        public int[] ListOf(int[] starts)
        {
            var list = new int[_n];
            for (var i = 0; i < _n; i++)
            {
                _keys[i] = ((long)starts[i] * _n) + _rank[i];
                list[i] = i;
            }

            Array.Sort(_keys, list);
            return list;
        }

        /// <summary>Moves the task at <paramref name="position"/> to a place between its last predecessor and first successor in the list.</summary>
        public void Move(int[] list, int position, double where)
        {
            var task = list[position];
            _stamp++;
            foreach (var p in Predecessors[task])
            {
                _mark[p] = _stamp;
            }

            var lo = position;
            while (lo > 0 && _mark[list[lo - 1]] != _stamp)
            {
                lo--;
            }

            _stamp++;
            foreach (var q in Successors[task])
            {
                _mark[q] = _stamp;
            }

            var hi = position;
            while (hi < list.Length - 1 && _mark[list[hi + 1]] != _stamp)
            {
                hi++;
            }

            var to = lo + (int)(where * (hi - lo + 1));
            to = Math.Min(to, hi);
            if (to < position)
            {
                Array.Copy(list, to, list, to + 1, position - to);
            }
            else if (to > position)
            {
                Array.Copy(list, position + 1, list, position, to - position);
            }

            list[to] = task;
        }

        /// <summary>Backward and forward justification until the makespan stops shrinking; null for no schedule.</summary>
        public int[]? Justify(int[]? starts)
        {
            if (starts is null)
            {
                return null;
            }

            for (var round = 0; round < 10 && !Spent; round++)
            {
                var before = Makespan(starts);
                var late = Backward(starts, before);
                if (late is null)
                {
                    return starts;
                }

                var early = Forward(ListOf(late));
                if (early is null)
                {
                    return starts;
                }

                starts = early;
                if (Makespan(starts) >= before)
                {
                    break;
                }
            }

            return starts;
        }

        /// <summary>Every task as late as its successors, its latest end and <paramref name="makespan"/> allow, latest end first.</summary>
        private int[]? Backward(int[] starts, int makespan)
        {
            Reset();
            var late = new int[_n];
            for (var i = 0; i < _n; i++)
            {
                _keys[i] = -(((long)(starts[i] + _duration[i]) * _n) + _rank[i]);
                _order[i] = i;
            }

            Array.Sort(_keys, _order);
            foreach (var i in _order)
            {
                var end = Math.Min(makespan, _latestEnd[i]);
                foreach (var s in Successors[i])
                {
                    end = Math.Min(end, late[s]);
                }

                // The latest start that fits: before a period where it does not, the next candidate ends at that period.
                var at = -1;
                for (var s = end - _duration[i]; s >= _lowest[i];)
                {
                    var conflict = FirstConflict(i, s);
                    if (conflict < 0)
                    {
                        at = s;
                        break;
                    }

                    s = conflict - _duration[i];
                }

                if (at < 0)
                {
                    return null;
                }

                Take(i, at);
                late[i] = at;
            }

            return late;
        }

        private void Reset()
        {
            // Only the periods a placement took since the last reset differ from the capacity.
            _done += _n;
            if (_touchedTo > _touchedFrom)
            {
                for (var r = 0; r < _free.Length; r++)
                {
                    Array.Copy(_capacity[r], _touchedFrom, _free[r], _touchedFrom, _touchedTo - _touchedFrom);
                }
            }

            _touchedFrom = int.MaxValue;
            _touchedTo = 0;
        }

        /// <summary>The last period of [start, start + duration) where the task does not fit, −1 if it fits there.</summary>
        private int LastConflict(int task, int start)
        {
            var last = start - 1;
            foreach (var (r, q) in _demands[task])
            {
                var free = _free[r];
                for (var t = start + _duration[task] - 1; t > last; t--)
                {
                    _done++;
                    if (free[t] < q)
                    {
                        last = t;
                        break;
                    }
                }
            }

            return last >= start ? last : -1;
        }

        /// <summary>The first period of [start, start + duration) where the task does not fit, −1 if it fits there.</summary>
        private int FirstConflict(int task, int start)
        {
            var first = start + _duration[task];
            foreach (var (r, q) in _demands[task])
            {
                var free = _free[r];
                for (var t = start; t < first; t++)
                {
                    _done++;
                    if (free[t] < q)
                    {
                        first = t;
                        break;
                    }
                }
            }

            return first < start + _duration[task] ? first : -1;
        }

        private void Take(int task, int start)
        {
            if (_demands[task].Length > 0 && _duration[task] > 0)
            {
                _touchedFrom = Math.Min(_touchedFrom, start);
                _touchedTo = Math.Max(_touchedTo, start + _duration[task]);
            }

            foreach (var (r, q) in _demands[task])
            {
                var free = _free[r];
                for (var t = start; t < start + _duration[task]; t++)
                {
                    free[t] -= q;
                }
            }
        }
    }
}
