namespace Aufsicht.Core.Scheduling;

/// <summary>
/// Why each task starts where it does: what would break if it started one period earlier — a predecessor ending at its
/// start, a resource whose capacity would be exceeded in that period, its release, its fixed or allowed start, the
/// project start. A task nothing holds has <see cref="HoldKind.Slack"/>: the objective placed it, or it does not matter.
/// </summary>
public static class ScheduleExplainer
{
    public static IReadOnlyList<Hold> Explain(SchedulingProblem problem, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(schedule);
        var placed = new Dictionary<string, ScheduledTask>(StringComparer.Ordinal);
        foreach (var item in schedule.Tasks)
        {
            placed.TryAdd(item.Id, item);
        }

        var usage = problem.Resources.ToDictionary(r => r.Id, r => ScheduleChecker.Usage(problem, placed, r.Id), StringComparer.Ordinal);
        var resources = problem.Resources.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var holds = new List<Hold>();
        foreach (var task in problem.Tasks)
        {
            if (!placed.TryGetValue(task.Id, out var at))
            {
                continue;
            }

            var start = at.Start;
            var before = holds.Count;
            if (task.FixedStart == start)
            {
                holds.Add(new Hold(task.Id, HoldKind.Fixed, Period: start));
            }

            if (start <= 0)
            {
                holds.Add(new Hold(task.Id, HoldKind.ProjectStart, Period: 0));
                continue;
            }

            foreach (var pred in task.After.Distinct(StringComparer.Ordinal))
            {
                if (placed.TryGetValue(pred, out var p) && p.End == start)
                {
                    holds.Add(new Hold(task.Id, HoldKind.Predecessor, pred, start));
                }
            }

            if (task.Duration > 0)
            {
                var period = start - 1;
                foreach (var (name, demand) in task.Uses.OrderBy(u => u.Key, StringComparer.Ordinal))
                {
                    if (demand > 0 && resources.TryGetValue(name, out var resource)
                        && usage[name][period] + demand > ScheduleChecker.CapacityAt(resource, period))
                    {
                        holds.Add(new Hold(task.Id, HoldKind.Capacity, name, period));
                    }
                }
            }

            if (task.Release == start)
            {
                holds.Add(new Hold(task.Id, HoldKind.Release, Period: start));
            }

            if (task.AllowedStarts is { } allowed && !allowed.Contains(start - 1))
            {
                holds.Add(new Hold(task.Id, HoldKind.AllowedStart, Period: start));
            }

            if (holds.Count == before)
            {
                holds.Add(new Hold(task.Id, HoldKind.Slack, Period: start));
            }
        }

        return holds;
    }
}
