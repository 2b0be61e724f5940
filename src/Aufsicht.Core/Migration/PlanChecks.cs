using System.Globalization;
using Aufsicht.Core.Scheduling;

namespace Aufsicht.Core.Migration;

/// <summary>The lessons of Munich and Schleswig-Holstein a plan is checked against (<c>migration/checks.json</c> has their sources).</summary>
public enum WarningKind
{
    /// <summary>A body with workplaces has no register of specialised applications, macros and templates.</summary>
    NoRegister,

    /// <summary>A pillar of a body is rolled out without a rollback point.</summary>
    NoRollback,

    /// <summary>Training or support capacity is below what a phase needs.</summary>
    CapacityShort,

    /// <summary>A pillar of a body is rolled out without a parallel-operation window.</summary>
    NoParallelOperation,

    /// <summary>A cost category (licences, one-off, running, staff) is missing.</summary>
    CostMissing,

    /// <summary>The staff representatives (Personalrat) were not involved before a phase.</summary>
    StaffRepresentatives,
}

/// <summary>
/// One warning on a plan: its kind, a message key (the app words it) with arguments, and the body, pillar and month it
/// concerns where it concerns one.
/// </summary>
public sealed record PlanWarning(WarningKind Kind, string Key, long? BodyId, Pillar? Pillar, YearMonth? Month, IReadOnlyList<string> Args);

/// <summary>
/// What a plan is made of: the inventory, the (possibly edited) packages, the scheduling problem built from them,
/// the plan's first month and, per body, the date its staff representatives were involved.
/// </summary>
public sealed record PlanInputs(
    Inventory Inventory,
    IReadOnlyList<WorkPackage> Packages,
    SchedulingProblem Problem,
    YearMonth PlanStart,
    IReadOnlyDictionary<long, DateOnly> StaffRepresentativesInvolved);

/// <summary>
/// Checks a plan against the lessons of Munich (LiMux) and Schleswig-Holstein (domain/migration.md): without a
/// schedule what the packages and the inventory show; with one also the months where training or support demand
/// exceeds the capacity and phases that start before the staff representatives were involved.
/// </summary>
public static class PlanChecks
{
    /// <summary>The resources whose shortage the check reports (the migration team's is the solver's business).</summary>
    private static readonly string[] Watched = [WorkPackageGenerator.Trainers, WorkPackageGenerator.Support];

    public static IReadOnlyList<PlanWarning> Check(PlanInputs plan, Schedule? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var warnings = new List<PlanWarning>();
        var packages = plan.Packages;

        foreach (var body in plan.Inventory.Bodies.OrderBy(b => b.Id))
        {
            var workplaces = plan.Inventory.Products.Where(p => p.BodyId == body.Id).Sum(p => p.Workplaces);
            if (workplaces > 0 && !plan.Inventory.Applications.Any(a => a.BodyId == body.Id))
            {
                warnings.Add(new PlanWarning(WarningKind.NoRegister, "migration.check.noRegister", body.Id, null, null, [N(workplaces)]));
            }
        }

        var groups = packages.GroupBy(p => (p.BodyId, p.Pillar)).Where(g => g.Any(p => p.IsRollOut)).OrderBy(g => g.Key.BodyId).ThenBy(g => g.Key.Pillar).ToList();
        foreach (var group in groups)
        {
            if (!group.Any(p => p.Phase == Phase.Rollback))
            {
                warnings.Add(new PlanWarning(WarningKind.NoRollback, "migration.check.noRollback", group.Key.BodyId, group.Key.Pillar, null, []));
            }

            if (!group.Any(p => p.Phase == Phase.ParallelOperation && p.Duration > 0))
            {
                warnings.Add(new PlanWarning(WarningKind.NoParallelOperation, "migration.check.noParallelOperation", group.Key.BodyId, group.Key.Pillar, null, []));
            }
        }

        warnings.AddRange(Capacity(plan, schedule));
        warnings.AddRange(Costs(plan));
        warnings.AddRange(StaffRepresentatives(plan, groups, schedule));
        return warnings;
    }

    private static IEnumerable<PlanWarning> Capacity(PlanInputs plan, Schedule? schedule)
    {
        var resources = plan.Problem.Resources.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var package in plan.Packages)
        {
            foreach (var resource in Watched)
            {
                if (package.Uses.TryGetValue(resource, out var need) && resources.TryGetValue(resource, out var r) && need > r.Capacity)
                {
                    yield return new PlanWarning(WarningKind.CapacityShort, ShortKey(resource) + "Package", package.BodyId, package.Pillar, null, [package.Id, N(need), N(r.Capacity)]);
                }
            }
        }

        if (schedule is null || schedule.Tasks.Count == 0)
        {
            yield break;
        }

        var short_ = ScheduleCheck.Load(plan.Problem, schedule).Where(l => Watched.Contains(l.Resource) && l.Demand > l.Capacity)
            .ToDictionary(l => (l.Resource, l.Period), l => (l.Demand, l.Capacity));
        var placed = schedule.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var reported = new HashSet<(long, Pillar, string, int)>();
        foreach (var package in plan.Packages)
        {
            if (!placed.TryGetValue(package.Id, out var at))
            {
                continue;
            }

            foreach (var resource in Watched.Where(package.Uses.ContainsKey))
            {
                for (var p = at.Start; p < at.End; p++)
                {
                    if (short_.TryGetValue((resource, p), out var load) && reported.Add((package.BodyId, package.Pillar, resource, p)))
                    {
                        yield return new PlanWarning(WarningKind.CapacityShort, ShortKey(resource), package.BodyId, package.Pillar,
                            MigrationProblem.MonthOf(plan.PlanStart, p), [N(load.Demand), N(load.Capacity)]);
                    }
                }
            }
        }
    }

    private static IEnumerable<PlanWarning> Costs(PlanInputs plan)
    {
        // Only the lines whose licences the plan cancels: a product already on target (open source) has none to cancel.
        var cancelled = plan.Packages.Where(p => p.Phase == Phase.Cancellation).Select(p => (p.BodyId, p.Pillar, p.Product)).ToHashSet();
        foreach (var group in plan.Inventory.Products.Where(l => l.LicenceCentsPerUnitYear is null && cancelled.Contains((l.BodyId, l.Pillar, l.Product)))
            .GroupBy(l => (l.BodyId, l.Pillar)).OrderBy(g => g.Key.BodyId).ThenBy(g => g.Key.Pillar))
        {
            yield return new PlanWarning(WarningKind.CostMissing, "migration.check.licenceCostUnknown", group.Key.BodyId, group.Key.Pillar, null,
                [string.Join(", ", group.Select(l => l.Product))]);
        }

        if (plan.Packages.Count == 0)
        {
            yield break;
        }

        var categories = new (string Key, long Total)[]
        {
            ("migration.check.licenceCostsMissing", plan.Packages.Sum(p => p.LicenceCentsPerYear)),
            ("migration.check.oneOffCostsMissing", plan.Packages.Sum(p => p.OneOffCents)),
            ("migration.check.runningCostsMissing", plan.Packages.Sum(p => p.RunningCentsPerMonth)),
            ("migration.check.staffCostsMissing", plan.Packages.Sum(p => p.StaffCents)),
        };
        foreach (var (key, total) in categories.Where(c => c.Total == 0))
        {
            yield return new PlanWarning(WarningKind.CostMissing, key, null, null, null, []);
        }
    }

    private static IEnumerable<PlanWarning> StaffRepresentatives(PlanInputs plan, List<IGrouping<(long BodyId, Pillar Pillar), WorkPackage>> groups, Schedule? schedule)
    {
        var placed = schedule?.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal) ?? [];
        foreach (var body in groups.GroupBy(g => g.Key.BodyId))
        {
            if (!plan.StaffRepresentativesInvolved.TryGetValue(body.Key, out var involved))
            {
                yield return new PlanWarning(WarningKind.StaffRepresentatives, "migration.check.staffRepresentativesNone", body.Key, null, null, []);
                continue;
            }

            foreach (var group in body)
            {
                var starts = group.Where(p => p.IsRollOut && placed.ContainsKey(p.Id)).Select(p => placed[p.Id].Start).ToList();
                if (starts.Count == 0)
                {
                    continue;
                }

                var month = MigrationProblem.MonthOf(plan.PlanStart, starts.Min());
                if (involved >= month.FirstDay)
                {
                    yield return new PlanWarning(WarningKind.StaffRepresentatives, "migration.check.staffRepresentativesLate", body.Key, group.Key.Pillar, month,
                        [involved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
                }
            }
        }
    }

    /// <summary>The key of a shortage of trainers or support (the month's; + "Package" for one package's need).</summary>
    private static string ShortKey(string resource) =>
        resource == WorkPackageGenerator.Trainers ? "migration.check.trainersShort" : "migration.check.supportShort";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
