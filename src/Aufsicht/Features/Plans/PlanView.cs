using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>
/// One package as the plan page shows it: the stored row, its body's name and, for a notice or cancellation, its
/// product as the migration data knows it (with its name in each language; null for a product it does not know).
/// </summary>
internal sealed record PackageLine(PlanPackageRecord Row, string Body, KnownProduct? Product = null);

/// <summary>When a pillar is done: the last month of its last roll-out and the month its last licences end.</summary>
internal sealed record PillarMilestone(Pillar Pillar, YearMonth? RolledOut, YearMonth? LicencesEnd);

/// <summary>A plan as its page shows it: the record, the packages, the checks of Munich and Schleswig-Holstein, the costs per year and the milestones per pillar.</summary>
internal sealed record PlanView(
    MigrationPlanRecord Plan,
    IReadOnlyList<PackageLine> Packages,
    IReadOnlyList<PlanWarning> Warnings,
    IReadOnlyList<YearCosts> Costs,
    IReadOnlyList<PillarMilestone> Milestones,
    IReadOnlyDictionary<long, string> BodyNames)
{
    /// <summary>The targets the plan was created with (null for a plan created before they were kept).</summary>
    public PlanTargetSummary? Targets { get; init; }
}

/// <summary>Reads plans for their pages.</summary>
internal sealed class PlanReader(AufsichtDb db, PlanStore store, MigrationData data)
{
    public Task<List<MigrationPlanRecord>> ListAsync(CancellationToken cancel) =>
        db.MigrationPlans.AsNoTracking().OrderByDescending(p => p.Id).ToListAsync(cancel);

    /// <summary>The packages of a plan among <paramref name="keys"/> (a failure's arguments, say), by key, with their bodies' and products' names.</summary>
    public async Task<IReadOnlyDictionary<string, PackageLine>> PackagesAsync(long planId, IReadOnlyCollection<string> keys, CancellationToken cancel)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<string, PackageLine>(StringComparer.Ordinal);
        }

        var rows = await db.PlanPackages.AsNoTracking().Where(p => p.PlanId == planId && keys.Contains(p.Key)).ToListAsync(cancel).ConfigureAwait(false);
        var bodyIds = rows.Select(r => r.BodyId).Distinct().ToList();
        var names = await db.Bodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancel).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => new PackageLine(r, names.GetValueOrDefault(r.BodyId, "?"), r.Product is { } p ? data.Products.Find(p) : null), StringComparer.Ordinal);
    }

    /// <summary>The plan as its page and its timeline show it, products named in <paramref name="language"/> in the checks.</summary>
    public async Task<PlanView?> ViewAsync(long planId, Language language, CancellationToken cancel)
    {
        var plan = await db.MigrationPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancel).ConfigureAwait(false);
        if (plan is null)
        {
            return null;
        }

        var rows = await db.PlanPackages.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Id).ToListAsync(cancel).ConfigureAwait(false);
        var bodyIds = rows.Select(r => r.BodyId).Distinct().ToList();
        var names = await db.Bodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancel).ConfigureAwait(false);
        var involved = await db.PlanInvolvements.AsNoTracking().Where(i => i.PlanId == planId).ToDictionaryAsync(i => i.BodyId, i => i.InvolvedOn, cancel).ConfigureAwait(false);
        var inventory = await store.LoadInventoryAsync(cancel).ConfigureAwait(false);
        var start = YearMonth.Of(plan.PlanStart);
        var packages = rows.Select(PlanRows.ToPackage).ToList();
        var problem = store.Problem(plan, rows);
        Schedule? schedule = rows.All(r => r.PlannedStart is not null) && rows.Count > 0
            ? new Schedule(ScheduleStatus.Feasible,
                rows.Select(r => new ScheduledTask(r.Key, start.MonthsUntil(YearMonth.Of(r.PlannedStart!.Value)), start.MonthsUntil(YearMonth.Of(r.PlannedEnd!.Value)))).ToList(),
                plan.Makespan, plan.LowerBound, null, plan.ObjectiveValue, plan.ObjectiveBound, [])
            : null;
        var warnings = problem.IsOk
            ? PlanChecks.Check(new PlanInputs(inventory, packages, problem.Value, start, involved), schedule)
            : [];
        warnings = StaffWarnings.Group(warnings, inventory.Bodies); // one line per ministry, not one per office
        foreach (var b in inventory.Bodies)
        {
            names.TryAdd(b.Id, b.Name); // the ministries those lines name
        }

        var costs = schedule is null ? [] : PlanCosts.PerYear(packages, schedule, start);
        var milestones = rows.GroupBy(r => r.Pillar).OrderBy(g => g.Key).Select(g => new PillarMilestone(
                g.Key,
                g.Where(r => r.Phase is "pilot" or "cohort").Select(PlanRows.LastPlannedMonth).Max(),
                g.Where(r => r.Phase == "cancellation" && r.PlannedStart is not null).Select(r => (YearMonth?)YearMonth.Of(r.PlannedStart!.Value)).Max()))
            .ToList();
        // Products by the names people know („Microsoft Office“), not by their ids, in warnings and package names.
        warnings = warnings.Select(w => w with { Args = w.Args.Select(a => a.Contains('/', StringComparison.Ordinal) ? a : string.Join(", ", a.Split(", ").Select(x => data.ProductName(x, language)))).ToList() }).ToList();
        return new PlanView(plan, rows.Select(r => new PackageLine(r, names.GetValueOrDefault(r.BodyId, "?"), r.Product is { } p ? data.Products.Find(p) : null)).ToList(),
            warnings, costs, milestones, names)
        { Targets = PlanTargets.Read(plan.TargetsJson, data, language) };
    }
}
