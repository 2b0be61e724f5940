using Aufsicht.Core.Scheduling;

namespace Aufsicht.Core.Migration;

/// <summary>A rule a schedule breaks: which task, which rule (<c>after</c>, <c>capacity</c>, <c>licence-before-last-user</c>, …), what else and when.</summary>
public sealed record RuleViolation(string Task, string Rule, string? Other = null, int? Period = null);

/// <summary>
/// Checks a schedule independently of the solver that made it: every constraint of the problem (durations,
/// predecessors, dates, fixed starts, allowed starts, capacities per period) and the migration's own rules,
/// re-derived from the work packages rather than from their after-lists: no licence cancelled before the last user of
/// its body and pillar moved plus the notice period; no operating-system pilot before the body's office suite is
/// rolled out and before every application package of the body has ended.
/// </summary>
public static class ScheduleCheck
{
    public static IReadOnlyList<RuleViolation> Violations(IReadOnlyList<WorkPackage> packages, SchedulingProblem problem, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(schedule);
        var violations = new List<RuleViolation>();
        var placed = schedule.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var task in problem.Tasks)
        {
            if (!placed.TryGetValue(task.Id, out var at))
            {
                violations.Add(new RuleViolation(task.Id, "missing"));
                continue;
            }

            if (at.End - at.Start != task.Duration || at.Start < 0)
            {
                violations.Add(new RuleViolation(task.Id, "duration", null, at.Start));
            }

            foreach (var before in task.After)
            {
                if (placed.TryGetValue(before, out var other) && other.End > at.Start)
                {
                    violations.Add(new RuleViolation(task.Id, "after", before, at.Start));
                }
            }

            if (task.Release is { } release && at.Start < release)
            {
                violations.Add(new RuleViolation(task.Id, "release", null, at.Start));
            }

            if (task.Deadline is { } deadline && at.End > deadline)
            {
                violations.Add(new RuleViolation(task.Id, "deadline", null, at.End));
            }

            if (task.FixedStart is { } fixedStart && at.Start != fixedStart)
            {
                violations.Add(new RuleViolation(task.Id, "fixed", null, at.Start));
            }

            if (task.AllowedStarts is { } allowed && !allowed.Contains(at.Start))
            {
                violations.Add(new RuleViolation(task.Id, "allowed-start", null, at.Start));
            }
        }

        foreach (var (resource, period, demand, capacity) in Load(problem, schedule).Where(l => l.Demand > l.Capacity))
        {
            violations.Add(new RuleViolation(resource, "capacity", demand.ToString(System.Globalization.CultureInfo.InvariantCulture) + ">" + capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), period));
        }

        violations.AddRange(MigrationRules(packages, placed));
        return violations;
    }

    /// <summary>Demand and capacity of every resource in every period some task runs in.</summary>
    public static IEnumerable<(string Resource, int Period, int Demand, int Capacity)> Load(SchedulingProblem problem, Schedule schedule)
    {
        var placed = schedule.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var resource in problem.Resources)
        {
            var demand = new SortedDictionary<int, int>();
            foreach (var task in problem.Tasks.Where(t => t.Uses.ContainsKey(resource.Id)))
            {
                if (placed.TryGetValue(task.Id, out var at))
                {
                    for (var p = at.Start; p < at.End; p++)
                    {
                        demand[p] = demand.GetValueOrDefault(p) + task.Uses[resource.Id];
                    }
                }
            }

            foreach (var (period, used) in demand)
            {
                yield return (resource.Id, period, used, CapacityAt(resource, period));
            }
        }
    }

    public static int CapacityAt(Resource resource, int period) =>
        resource.Calendar.LastOrDefault(w => w.From <= period && period < w.To)?.Capacity ?? resource.Capacity;

    private static IEnumerable<RuleViolation> MigrationRules(IReadOnlyList<WorkPackage> packages, Dictionary<string, ScheduledTask> placed)
    {
        int? End(WorkPackage p) => placed.TryGetValue(p.Id, out var t) ? t.End : null;
        int? Start(WorkPackage p) => placed.TryGetValue(p.Id, out var t) ? t.Start : null;
        foreach (var group in packages.GroupBy(p => (p.BodyId, p.Pillar)))
        {
            var lastUser = group.Where(p => p.IsRollOut).Select(End).Max();
            foreach (var cancel in group.Where(p => p.Phase == Phase.Cancellation))
            {
                var notice = group.FirstOrDefault(p => p.Phase == Phase.Notice && p.Product == cancel.Product)?.Duration ?? 0;
                if (Start(cancel) is { } start && lastUser is { } last && start < last + notice)
                {
                    yield return new RuleViolation(cancel.Id, "licence-before-last-user", null, start);
                }
            }
        }

        foreach (var body in packages.GroupBy(p => p.BodyId))
        {
            var osPilot = body.FirstOrDefault(p => p.Pillar == Pillar.OperatingSystem && p.Phase == Phase.Pilot);
            if (osPilot is null || Start(osPilot) is not { } osStart)
            {
                continue;
            }

            if (body.Where(p => p.Pillar == Pillar.Office && p.IsRollOut).Select(End).Max() is { } officeEnd && osStart < officeEnd)
            {
                yield return new RuleViolation(osPilot.Id, "os-before-office", null, osStart);
            }

            foreach (var app in body.Where(p => p.Pillar == Pillar.SpecialisedApplications))
            {
                if (End(app) is { } appEnd && osStart < appEnd)
                {
                    yield return new RuleViolation(osPilot.Id, "os-before-application", app.Id, osStart);
                }
            }
        }
    }
}
