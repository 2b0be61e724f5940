namespace Aufsicht.Core.Scheduling;

/// <summary>What a schedule breaks.</summary>
public enum ViolationKind
{
    /// <summary>A task of the problem is not in the schedule.</summary>
    Missing,

    /// <summary>A task is in the schedule twice, or a task the problem does not have.</summary>
    Extra,

    /// <summary>Its end is not its start plus its duration, or it starts before period 0.</summary>
    Duration,

    /// <summary>It starts before its predecessor <see cref="Violation.Other"/> ends.</summary>
    Precedence,

    /// <summary>In period <see cref="Violation.Period"/> the tasks use more of resource <see cref="Violation.Other"/> than it has.</summary>
    Capacity,

    /// <summary>It starts before its release.</summary>
    Release,

    /// <summary>It ends after its deadline.</summary>
    Deadline,

    /// <summary>It does not start at its fixed start.</summary>
    Fixed,

    /// <summary>It starts at a period not among its allowed starts.</summary>
    AllowedStart,

    /// <summary>It ends after the horizon.</summary>
    Horizon,
}

/// <summary>One broken constraint: the task (empty for a resource overload), the kind, and the other task or resource and the period.</summary>
public sealed record Violation(ViolationKind Kind, string Task, string? Other = null, int? Period = null);

/// <summary>
/// Checks a schedule against its problem, independently of whoever made it (the tests run it on every solver answer):
/// lists every violation, empty for a schedule that keeps every constraint.
/// </summary>
public static class ScheduleChecker
{
    public static IReadOnlyList<Violation> Check(SchedulingProblem problem, IReadOnlyList<ScheduledTask> schedule)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(schedule);
        var violations = new List<Violation>();
        var placed = new Dictionary<string, ScheduledTask>(StringComparer.Ordinal);
        var known = problem.Tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in schedule)
        {
            if (!known.Contains(item.Id) || !placed.TryAdd(item.Id, item))
            {
                violations.Add(new Violation(ViolationKind.Extra, item.Id));
            }
        }

        foreach (var task in problem.Tasks)
        {
            if (!placed.TryGetValue(task.Id, out var at))
            {
                violations.Add(new Violation(ViolationKind.Missing, task.Id));
                continue;
            }

            if (at.Start < 0 || at.End != at.Start + task.Duration)
            {
                violations.Add(new Violation(ViolationKind.Duration, task.Id));
            }

            foreach (var pred in task.After)
            {
                if (placed.TryGetValue(pred, out var before) && before.End > at.Start)
                {
                    violations.Add(new Violation(ViolationKind.Precedence, task.Id, pred));
                }
            }

            if (task.Release is { } release && at.Start < release)
            {
                violations.Add(new Violation(ViolationKind.Release, task.Id, Period: release));
            }

            if (task.Deadline is { } deadline && at.End > deadline)
            {
                violations.Add(new Violation(ViolationKind.Deadline, task.Id, Period: deadline));
            }

            if (task.FixedStart is { } fixedStart && at.Start != fixedStart)
            {
                violations.Add(new Violation(ViolationKind.Fixed, task.Id, Period: fixedStart));
            }

            if (task.AllowedStarts is { } allowed && !allowed.Contains(at.Start))
            {
                violations.Add(new Violation(ViolationKind.AllowedStart, task.Id, Period: at.Start));
            }

            if (problem.Horizon is { } horizon && at.End > horizon)
            {
                violations.Add(new Violation(ViolationKind.Horizon, task.Id, Period: horizon));
            }
        }

        foreach (var resource in problem.Resources)
        {
            var usage = Usage(problem, placed, resource.Id);
            for (var t = 0; t < usage.Length; t++)
            {
                if (usage[t] > CapacityAt(resource, t))
                {
                    violations.Add(new Violation(ViolationKind.Capacity, string.Empty, resource.Id, t));
                }
            }
        }

        return violations;
    }

    /// <summary>The capacity of the resource in period <paramref name="period"/>: the calendar window's that holds it, else its own.</summary>
    public static int CapacityAt(Resource resource, int period)
    {
        ArgumentNullException.ThrowIfNull(resource);
        foreach (var window in resource.Calendar)
        {
            if (window.From <= period && period < window.To)
            {
                return window.Capacity;
            }
        }

        return resource.Capacity;
    }

    /// <summary>Per period from 0 to the last end: the units of the resource the placed tasks use.</summary>
    internal static long[] Usage(SchedulingProblem problem, IReadOnlyDictionary<string, ScheduledTask> placed, string resource)
    {
        var last = placed.Count == 0 ? 0 : Math.Max(0, placed.Values.Max(p => p.End));
        var usage = new long[last];
        foreach (var task in problem.Tasks)
        {
            if (task.Uses.TryGetValue(resource, out var demand) && demand > 0 && placed.TryGetValue(task.Id, out var at))
            {
                for (var t = Math.Max(0, at.Start); t < Math.Min(last, at.Start + task.Duration); t++)
                {
                    usage[t] += demand;
                }
            }
        }

        return usage;
    }
}
