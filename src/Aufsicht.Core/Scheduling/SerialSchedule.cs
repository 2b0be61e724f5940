namespace Aufsicht.Core.Scheduling;

/// <summary>
/// The serial schedule-generation scheme: tasks one by one, the eligible task with the earliest latest end first
/// (ties by position), each at the earliest period its predecessors, release, allowed starts and the resources permit;
/// tasks with a fixed start are placed first. Fast and usually good: the solver's hint and, when it keeps every
/// constraint, its horizon for the makespan. Needs a problem that passed <see cref="ProblemCheck"/>.
/// </summary>
public static class SerialSchedule
{
    /// <summary>
    /// The heuristic schedule, or null if it could not place every task within <paramref name="limit"/> periods. For the
    /// makespan objective (and no fixed or allowed starts) the latest-end-first schedule is then improved by
    /// <see cref="Justification"/>: more priority rules, seeded sampling and forward–backward justification, the shortest
    /// schedule kept. Deterministic: the same problem gives the same schedule.
    /// </summary>
    public static IReadOnlyList<ScheduledTask>? Build(SchedulingProblem problem, TimeWindows windows, int limit, int placements = Justification.PlacementBudget, int lowerBound = 0)
    {
        var first = LatestEndFirst(problem, windows, limit);
        return first is null ? null : Justification.Improve(problem, windows, limit, first, placements, lowerBound);
    }

    /// <summary>The one-pass serial schedule with the earliest latest end first, or null (see <see cref="Build"/>).</summary>
    public static IReadOnlyList<ScheduledTask>? LatestEndFirst(SchedulingProblem problem, TimeWindows windows, int limit)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(windows);
        var n = problem.Tasks.Count;
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            index.TryAdd(problem.Tasks[i].Id, i);
        }

        var resourceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < problem.Resources.Count; r++)
        {
            resourceIndex[problem.Resources[r].Id] = r;
        }

        var length = limit + 1;
        var free = new long[problem.Resources.Count][];
        for (var r = 0; r < problem.Resources.Count; r++)
        {
            free[r] = new long[length];
            for (var t = 0; t < length; t++)
            {
                free[r][t] = ScheduleChecker.CapacityAt(problem.Resources[r], t);
            }
        }

        var demands = new (int Resource, int Demand)[n][];
        var preds = new List<int>[n];
        var succs = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            preds[i] = [];
            succs[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            var task = problem.Tasks[i];
            demands[i] = [.. task.Uses.Where(u => u.Value > 0).Select(u => (resourceIndex[u.Key], u.Value))];
            foreach (var name in task.After.Distinct(StringComparer.Ordinal))
            {
                var p = index[name];
                preds[i].Add(p);
                succs[p].Add(i);
            }
        }

        var start = new int[n];
        var placed = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (problem.Tasks[i].FixedStart is { } fixedStart)
            {
                if (fixedStart + problem.Tasks[i].Duration > limit)
                {
                    return null;
                }

                Take(free, demands[i], fixedStart, problem.Tasks[i].Duration);
                start[i] = fixedStart;
            }
        }

        var missing = new int[n];
        var ready = new PriorityQueue<int, (int, int)>();
        for (var i = 0; i < n; i++)
        {
            missing[i] = preds[i].Count;
            if (missing[i] == 0)
            {
                ready.Enqueue(i, (windows.LatestEnd[i], i));
            }
        }

        while (ready.TryDequeue(out var i, out _))
        {
            var task = problem.Tasks[i];
            if (task.FixedStart is null)
            {
                var earliest = Math.Max(task.Release ?? 0, windows.EarliestStart[i]);
                foreach (var p in preds[i])
                {
                    earliest = Math.Max(earliest, start[p] + problem.Tasks[p].Duration);
                }

                var at = Earliest(free, demands[i], task, earliest, limit);
                if (at < 0)
                {
                    return null;
                }

                Take(free, demands[i], at, task.Duration);
                start[i] = at;
            }

            placed[i] = true;
            foreach (var s in succs[i])
            {
                if (--missing[s] == 0)
                {
                    ready.Enqueue(s, (windows.LatestEnd[s], s));
                }
            }
        }

        return placed.All(p => p) ? [.. problem.Tasks.Select((t, i) => new ScheduledTask(t.Id, start[i], start[i] + t.Duration))] : null;
    }

    private static int Earliest(long[][] free, (int Resource, int Demand)[] demands, SchedulingTask task, int from, int limit)
    {
        if (task.AllowedStarts is { } allowed)
        {
            foreach (var s in allowed.Where(s => s >= from).Order())
            {
                if (s + task.Duration <= limit && Fits(free, demands, s, task.Duration))
                {
                    return s;
                }
            }

            return -1;
        }

        for (var s = from; s + task.Duration <= limit; s++)
        {
            if (Fits(free, demands, s, task.Duration))
            {
                return s;
            }
        }

        return -1;
    }

    private static bool Fits(long[][] free, (int Resource, int Demand)[] demands, int start, int duration)
    {
        foreach (var (r, q) in demands)
        {
            for (var t = start; t < start + duration; t++)
            {
                if (free[r][t] < q)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void Take(long[][] free, (int Resource, int Demand)[] demands, int start, int duration)
    {
        foreach (var (r, q) in demands)
        {
            for (var t = start; t < start + duration; t++)
            {
                free[r][t] -= q;
            }
        }
    }
}
