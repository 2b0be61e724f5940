using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Aufsicht.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>What a new plan is made from: its name, the authority whose green verdicts choose the targets, its first month, what to minimise, the capacities, and a bundle (openDesk) or null.</summary>
internal sealed record PlanDraft(string Name, string? Authority, YearMonth Start, Objective Objective, PlanCapacities Capacities, string? Bundle);

/// <summary>A plan as computed: its status and figures, and the number of packages placed.</summary>
internal sealed record PlanComputed(long PlanId, ScheduleStatus Status, YearMonth? End, YearMonth? EarliestPossibleEnd, decimal? Gap, int Packages, IReadOnlyList<Conflict> Conflicts);

/// <summary>
/// The migration plan's use cases: create a plan from the inventory (targets chosen in the authority's view, work
/// packages generated) and compute it (the packages, their dates and progress become a scheduling problem that CP-SAT
/// solves; the planned months and what holds each package are stored). Re-computing keeps what was done: packages
/// with an actual start are fixed where they began.
/// </summary>
internal sealed class PlanStore(AufsichtDb db, CatalogStore catalog, MigrationData data, TimeProvider clock)
{
    /// <summary>How many years of go-live blackouts (August, December) a plan's calendar carries.</summary>
    private const int CalendarYears = 15;

    public async Task<Result<long>> CreateAsync(PlanDraft draft, string user, CancellationToken cancel)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 200)
        {
            errors.Add(Error.Invalid("name", "plans.name.invalid"));
        }

        var authority = catalog.Catalog.Authorities.FirstOrDefault(a => a.Id == (draft.Authority ?? catalog.Catalog.DefaultAuthority.Id));
        if (authority is null)
        {
            errors.Add(Error.Invalid("authority", "plans.authority.unknown", draft.Authority ?? ""));
        }

        if (draft.Capacities.Team < 1 || draft.Capacities.Trainers < 0 || draft.Capacities.Support < 0)
        {
            errors.Add(Error.Invalid("team", "plans.capacity.invalid"));
        }

        if (draft.Bundle is { } b && data.Targets.Bundles.All(x => x.Id != b))
        {
            errors.Add(Error.Invalid("bundle", "plans.bundle.unknown", b, string.Join(", ", data.Targets.Bundles.Select(x => x.Id))));
        }

        if (errors.Count > 0)
        {
            return Result<long>.Fail(errors);
        }

        var inventory = await LoadInventoryAsync(cancel).ConfigureAwait(false);
        if (inventory.Products.Count == 0)
        {
            return Error.Invalid("", "plans.inventory.empty");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var profile = authority!.On(today);
        Core.Law.Verdict? VerdictOf(string id) => catalog.Catalog.Contains(id) ? catalog.Assessor.VerdictOf(id, today, profile) : null;
        var choices = Targets.Choose(inventory, data.Targets, data.Products, VerdictOf, draft.Bundle);
        var packages = WorkPackageGenerator.Generate(inventory, choices, data.Parameters, data.Products);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new MigrationPlanRecord
        {
            Name = draft.Name.Trim(),
            Authority = authority.Id,
            PlanStart = draft.Start.FirstDay,
            Objective = MigrationNames.Wire(draft.Objective),
            WeightMakespan = 1,
            WeightCost = 1,
            CalendarJson = draft.Capacities.ToJson(),
            ParametersJson = "{}",
            TargetsJson = PlanTargets.ToJson(draft.Bundle, choices),
            CreatedBy = user,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        db.MigrationPlans.Add(plan);
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        db.PlanPackages.AddRange(packages.Select(p => PlanRows.ToRecord(plan.Id, p)));
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        await tx.CommitAsync(cancel).ConfigureAwait(false);
        return Result<long>.Ok(plan.Id);
    }

    /// <summary>Computes the plan from its first month, keeping what was done; stores the planned months and the holds.</summary>
    public async Task<Result<PlanComputed>> ComputeAsync(long planId, TimeSpan timeLimit, CancellationToken cancel)
    {
        var began = clock.GetTimestamp();
        var plan = await db.MigrationPlans.SingleOrDefaultAsync(p => p.Id == planId, cancel).ConfigureAwait(false);
        if (plan is null)
        {
            return Error.NotFound("plan", "plans.notFound", planId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var rows = await db.PlanPackages.Where(p => p.PlanId == planId).OrderBy(p => p.Id).ToListAsync(cancel).ConfigureAwait(false);
        var start = PlanRows.Month(plan.PlanStart);
        var problem = Problem(plan, rows);
        if (!problem.IsOk)
        {
            return Result<PlanComputed>.Fail(problem.Errors);
        }

        if (ProblemCheck.Check(problem.Value) is { Count: > 0 } invalid)
        {
            return Result<PlanComputed>.Fail(invalid);
        }

        var options = SolveOptionsFor(timeLimit, began);
        var schedule = await Task.Run(() => CpSatScheduler.Solve(problem.Value, options), cancel).ConfigureAwait(false);
        // The computing time the page names: what the limit bounds (reading, building, searching, explaining), not storing.
        var computing = clock.GetElapsedTime(began);
        var placed = schedule.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var holds = schedule.Holds.GroupBy(h => h.Task, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (placed.TryGetValue(row.Key, out var t))
            {
                row.PlannedStart = start.Plus(t.Start).FirstDay;
                row.PlannedEnd = start.Plus(t.End).FirstDay;
                row.HoldsJson = holds.TryGetValue(row.Key, out var h)
                    ? JsonSerializer.Serialize(h.Select(x => new { kind = MigrationNames.Wire(x.Kind), other = x.Other, period = x.Period }))
                    : null;
            }
            else
            {
                (row.PlannedStart, row.PlannedEnd, row.HoldsJson) = (null, null, null);
            }
        }

        plan.SolveStatus = MigrationNames.Wire(schedule.Status);
        plan.SolvedAt = clock.GetUtcNow().UtcDateTime;
        plan.Makespan = schedule.Makespan;
        plan.LowerBound = schedule.LowerBound;
        plan.ObjectiveValue = schedule.ObjectiveValue;
        plan.ObjectiveBound = schedule.ObjectiveBound;
        plan.SolveJson = JsonSerializer.Serialize(schedule.Conflicts.Select(c => new { kind = c.Kind.ToString(), task = c.Task, chain = c.Chain }));
        plan.UpdatedAt = plan.SolvedAt.Value;
        plan.SolveMilliseconds = (int)Math.Min(int.MaxValue, computing.TotalMilliseconds);
        plan.Revision++;
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        return Result<PlanComputed>.Ok(new PlanComputed(plan.Id, schedule.Status, schedule.Makespan is { } m ? start.Plus(m) : null,
            schedule.LowerBound is { } lb ? start.Plus(lb) : null, schedule.Gap, placed.Count, schedule.Conflicts));
    }

    /// <summary>
    /// The solver's options for a computation that began at <paramref name="began"/> (a timestamp of the injected clock):
    /// the limit counts from there, reading the packages and building the problem included. Without
    /// <see cref="SolveOptions.Elapsed"/> the search alone would get the whole limit, and the page's „höchstens“ would not hold.
    /// </summary>
    internal SolveOptions SolveOptionsFor(TimeSpan timeLimit, long began) => new(timeLimit) { Elapsed = () => clock.GetElapsedTime(began) };

    /// <summary>
    /// The scheduling problem of a plan's stored packages: its capacities (persons, counted in person-days per month),
    /// the go-live blackouts, the dates a person set, the progress entered, and today — what has not begun is planned
    /// from the current month on.
    /// </summary>
    internal Result<SchedulingProblem> Problem(MigrationPlanRecord plan, IReadOnlyList<PlanPackageRecord> rows)
    {
        var today = YearMonth.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var start = PlanRows.Month(plan.PlanStart);
        var progress = rows.Where(r => r.ActualStart is not null)
            .Select(r => new PackageProgress(r.Key, PlanRows.Month(r.ActualStart!.Value), r.ActualEnd is { } e ? PlanRows.Month(e) : null)).ToList();
        var dates = rows.Where(r => r.Earliest is not null || r.Latest is not null)
            .Select(r => new PackageDates(r.Key, r.Earliest is { } e ? PlanRows.Month(e) : null, r.Latest is { } l ? PlanRows.Month(l) : null)).ToList();
        var objective = MigrationNames.TryParse<Objective>(plan.Objective, out var o) ? o : Objective.Makespan;
        return MigrationProblem.Build(rows.Select(PlanRows.ToPackage).ToList(), data.Parameters.PersonDays(PlanCapacities.FromJson(plan.CalendarJson).ByResource),
            MigrationCalendar.GoLiveBlackouts(start, CalendarYears), start, objective, progress, dates, new ObjectiveWeights(plan.WeightMakespan, plan.WeightCost), today);
    }

    /// <summary>The inventory as the Core plans with it: the bodies with rows and their ancestors, their products and applications.</summary>
    public async Task<Core.Migration.Inventory> LoadInventoryAsync(CancellationToken cancel)
    {
        var products = await db.InventoryProducts.AsNoTracking().OrderBy(p => p.BodyId).ThenBy(p => p.Id).ToListAsync(cancel).ConfigureAwait(false);
        var applications = await db.InventoryApplications.AsNoTracking().OrderBy(a => a.BodyId).ThenBy(a => a.Id).ToListAsync(cancel).ConfigureAwait(false);
        var wanted = products.Select(p => p.BodyId).Concat(applications.Select(a => a.BodyId)).ToHashSet();
        var bodies = new Dictionary<long, InventoryBody>();
        var next = wanted.ToList();
        while (next.Count > 0)
        {
            var batch = next.Where(id => !bodies.ContainsKey(id)).Distinct().ToList();
            var found = await db.Bodies.AsNoTracking().Where(b => batch.Contains(b.Id)).Select(b => new InventoryBody(b.Id, b.Name, b.ParentId))
                .ToListAsync(cancel).ConfigureAwait(false);
            foreach (var b in found)
            {
                bodies[b.Id] = b;
            }

            next = found.Where(b => b.ParentId is { } p && !bodies.ContainsKey(p)).Select(b => b.ParentId!.Value).ToList();
        }

        return new Core.Migration.Inventory(
            bodies.Values.OrderBy(b => b.Id).ToList(),
            products.Select(p => new ProductLine(p.BodyId, p.Product, p.Pillar, p.Workplaces, p.Users, p.Mailboxes, p.Version, p.LicenceCentsPerUnitYear,
                p.ContractEnd, p.NoticeMonths, p.Source)).ToList(),
            applications.Select(a => new ApplicationEntry(a.BodyId, a.Name, a.Kind, Dependencies(a.DependsOn), a.Compatibility, a.Users, a.Source)).ToList());
    }

    private static HashSet<Dependency> Dependencies(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => MigrationNames.TryParse<Dependency>(s, out var d) ? d : (Dependency?)null).OfType<Dependency>().ToHashSet();
}
