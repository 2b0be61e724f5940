namespace Aufsicht.Core.Scheduling;

/// <summary>
/// The project run backwards, every precedence turned round, for a second search from the other end: an activity list
/// that packs the end of a project well may pack its start badly, so the two directions find different schedules
/// (bidirectional planning, Klein 2000, European Journal of Operational Research 127). A schedule of the mirror with
/// makespan M is one of the project with each task ending where its mirror image starts, counted back from M. Only for a
/// project whose periods are all alike — no release, deadline, fixed or allowed start, no cost and no calendar —
/// where turning time round changes nothing else.
/// </summary>
public static class Mirror
{
    /// <summary>The project backwards, or null when it has dates, costs or calendars that do not turn round with it.</summary>
    public static SchedulingProblem? Of(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Resources.Any(r => r.Calendar.Count > 0)
            || problem.Tasks.Any(t => t.Release is not null || t.Deadline is not null || t.FixedStart is not null || t.AllowedStarts is not null || t.CostPerPeriod != 0))
        {
            return null;
        }

        var followers = problem.Tasks.ToDictionary(t => t.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var task in problem.Tasks)
        {
            foreach (var before in task.After.Distinct(StringComparer.Ordinal))
            {
                followers[before].Add(task.Id);
            }
        }

        return problem with { Tasks = [.. problem.Tasks.Select(t => t with { After = followers[t.Id] })] };
    }

    /// <summary>The project's schedule from one of its mirror: each task ends where its image starts, counted back from the makespan.</summary>
    public static IReadOnlyList<ScheduledTask> Back(IReadOnlyList<ScheduledTask> mirrored)
    {
        ArgumentNullException.ThrowIfNull(mirrored);
        var makespan = mirrored.Count == 0 ? 0 : mirrored.Max(t => t.End);
        return [.. mirrored.Select(t => t with { Start = makespan - t.End, End = makespan - t.Start })];
    }
}
