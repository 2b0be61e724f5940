using System.Diagnostics;
using Aufsicht.Cli;
using Aufsicht.Core.Scheduling;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Plans;
using Aufsicht.Scheduling;
using Aufsicht.Web;

namespace Aufsicht.Bench.Planning;

/// <summary>
/// `plan bound --plan ID --data-dir DIR`: the lower bounds of a stored plan's problem (critical path, energy, the
/// deadline bound) and how long each takes, without solving — to measure <see cref="DeadlineBound"/> on the SH demo.
/// </summary>
internal static class BoundLoad
{
    public static int Run(string[] args)
    {
        var a = Arguments.Parse("plan bound", args.Skip(2), ["--plan", "--data-dir", "--database", "--data", "--solve", "--horizon"], [], Core.Law.Language.En);
        var id = long.Parse(a.Option("--plan") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var options = ServerOptions.From(a);
        using var db = DatabaseSetup.Open(options);
        var folder = DataFolder.Locate(a.Option("--data"));
        var store = new PlanStore(db, new CatalogStore(DataFolder.Load(folder)), MigrationData.Load(folder), TimeProvider.System);
        var plan = db.MigrationPlans.Single(p => p.Id == id);
        var rows = db.PlanPackages.Where(p => p.PlanId == id).OrderBy(p => p.Id).ToList();
        var problem = store.Problem(plan, rows).Value;
        if (a.Option("--horizon") is { } horizon)
        {
            // Is there a schedule ending by this month? (A feasible answer shows the heuristic's loss, a proof the bound's.)
            problem = problem with { Horizon = int.Parse(horizon, System.Globalization.CultureInfo.InvariantCulture) };
        }

        var watch = Stopwatch.StartNew();
        var windows = TimeWindows.Compute(problem);
        var critical = windows.CriticalPath(problem);
        var energy = CpSatScheduler.EnergyBound(problem, windows.Horizon);
        var before = watch.Elapsed;
        var start = Math.Max(critical, energy);
        var bound = DeadlineBound.Compute(problem, windows, start);
        var deadline = watch.Elapsed - before;
        Console.WriteLine($"tasks {problem.Tasks.Count}, horizon {windows.Horizon}, allowed starts on {problem.Tasks.Count(t => t.AllowedStarts is not null)}");
        Console.WriteLine($"critical path {critical}, energy {energy} ({before.TotalMilliseconds:0} ms); deadline bound {bound} ({deadline.TotalMilliseconds:0} ms)");

        // The same condition without the resources: what the anniversaries alone say after the critical path.
        var timeOnly = problem with { Resources = [] };
        Console.WriteLine($"without resources: {DeadlineBound.Compute(timeOnly, TimeWindows.Compute(timeOnly), critical)}; "
            + $"distinct earliest starts {windows.EarliestStart.Distinct().Count()} (tried at most {DeadlineBound.MaxIntervalStarts} per resource)");

        // What the last licences wait for at the bound: the latest allowed starts that still fit, per cancellation.
        var cancellations = problem.Tasks.Where(t => t.AllowedStarts is { Count: > 0 }).ToList();
        foreach (var group in cancellations.GroupBy(t => string.Join(",", t.AllowedStarts!.Where(s => s < bound + 24).Take(4))).OrderByDescending(g => g.Count()).Take(8))
        {
            Console.WriteLine($"  {group.Count()} cancellations may start at {group.Key} …");
        }

        if (a.Option("--solve") is not { } seconds)
        {
            return 0;
        }

        // Where the solver's schedule loses against the bound: the last cancellations, when their chain was ready and
        // at which anniversary they could take effect.
        var schedule = CpSatScheduler.Solve(problem, new SolveOptions(TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))));
        if (schedule.Tasks.Count == 0)
        {
            Console.WriteLine($"solved: {schedule.Status}, bound {schedule.LowerBound}");
            return 0;
        }

        var at = schedule.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var rollouts = problem.Tasks.Where(t => t.Uses.Values.Any(q => q > 0) && t.Duration > 0).Max(t => at[t.Id].End);
        Console.WriteLine($"solved: {schedule.Status}, makespan {schedule.Makespan}, bound {schedule.LowerBound}; last end of a task using a resource {rollouts}; "
            + $"violations (independent checker) {Core.Scheduling.ScheduleChecker.Check(problem, schedule.Tasks).Count}");
        var waits = cancellations.Select(t => (Task: t, Ready: t.After.Select(p => at[p].End).DefaultIfEmpty(0).Max(), Start: at[t.Id].Start)).ToList();
        foreach (var w in waits.OrderByDescending(w => w.Start).Take(6))
        {
            Console.WriteLine($"  {w.Task.Id}: ready {w.Ready}, starts {w.Start}, allowed {string.Join(",", w.Task.AllowedStarts!.Where(s => s >= w.Ready - 12 && s <= w.Start))}");
        }

        Console.WriteLine($"  cancellations starting after {bound}: {waits.Count(w => w.Start > bound)}; of those ready by {bound}: {waits.Count(w => w.Start > bound && w.Ready <= bound)}");
        var missed = waits.Count(w => w.Task.AllowedStarts!.Any(s => s < w.Ready && s >= w.Ready - 2 && s < w.Start));
        Console.WriteLine($"  cancellations that missed an anniversary by one or two months and wait for a later one: {missed}");
        var last = waits.Where(w => w.Start + w.Task.Duration == schedule.Makespan).ToList();
        Console.WriteLine($"  cancellations ending at the makespan: {last.Count}, ready between {last.Select(w => w.Ready).DefaultIfEmpty().Min()} and {last.Select(w => w.Ready).DefaultIfEmpty().Max()}; "
            + $"latest ready time of any cancellation {waits.Max(w => w.Ready)}");
        return 0;
    }
}
