using Aufsicht.Core.Scheduling;

namespace Aufsicht.Tests.Scheduling;

/// <summary>Small problems with hand-computed answers, and the helpers the scheduler's tests share.</summary>
internal static class SchedulingSamples
{
    public static SchedulingTask T(string id, int duration, string[]? after = null, Dictionary<string, int>? uses = null) =>
        new(id, duration, uses ?? [], after ?? []);

    public static SchedulingProblem P(IReadOnlyList<SchedulingTask> tasks, params Resource[] resources) =>
        new(resources, tasks, Objective.Makespan, ObjectiveWeights.Default);

    public static Dictionary<string, int> Uses(string resource, int demand) => new() { [resource] = demand };

    /// <summary>
    /// The optimal makespan by enumeration: every order of the tasks that respects the precedences, each task at the
    /// earliest period its predecessors, release and the resources allow (the serial scheme makes every active
    /// schedule from some order, and an optimal schedule is among them). Only for a handful of tasks.
    /// </summary>
    public static int? BruteForceMakespan(SchedulingProblem problem, int limit)
    {
        var n = problem.Tasks.Count;
        int? best = null;
        foreach (var order in Permutations(Enumerable.Range(0, n).ToArray()))
        {
            var position = new int[n];
            for (var k = 0; k < n; k++)
            {
                position[order[k]] = k;
            }

            if (!problem.Tasks.Select((t, i) => t.After.All(a => position[problem.Tasks.ToList().FindIndex(x => x.Id == a)] < position[i])).All(ok => ok))
            {
                continue;
            }

            var usage = problem.Resources.ToDictionary(r => r.Id, _ => new int[limit + 1]);
            var end = new int[n];
            var makespan = 0;
            var placedAll = true;
            foreach (var i in order)
            {
                var task = problem.Tasks[i];
                var earliest = task.Release ?? 0;
                foreach (var a in task.After)
                {
                    earliest = Math.Max(earliest, end[problem.Tasks.ToList().FindIndex(x => x.Id == a)]);
                }

                var s = earliest;
                while (s + task.Duration <= limit && !Fits(problem, usage, task, s))
                {
                    s++;
                }

                if (s + task.Duration > limit)
                {
                    placedAll = false;
                    break;
                }

                foreach (var (r, q) in task.Uses)
                {
                    for (var t = s; t < s + task.Duration; t++)
                    {
                        usage[r][t] += q;
                    }
                }

                end[i] = s + task.Duration;
                makespan = Math.Max(makespan, end[i]);
            }

            if (placedAll && (best is null || makespan < best))
            {
                best = makespan;
            }
        }

        return best;
    }

    private static bool Fits(SchedulingProblem problem, Dictionary<string, int[]> usage, SchedulingTask task, int start)
    {
        foreach (var (r, q) in task.Uses)
        {
            var resource = problem.Resources.Single(x => x.Id == r);
            for (var t = start; t < start + task.Duration; t++)
            {
                if (usage[r][t] + q > ScheduleChecker.CapacityAt(resource, t))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
