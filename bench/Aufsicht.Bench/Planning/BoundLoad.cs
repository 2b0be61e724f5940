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
        var a = Arguments.Parse("plan bound", args.Skip(2), ["--plan", "--data-dir", "--database", "--data"], [], Core.Law.Language.En);
        var id = long.Parse(a.Option("--plan") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var options = ServerOptions.From(a);
        using var db = DatabaseSetup.Open(options);
        var folder = DataFolder.Locate(a.Option("--data"));
        var store = new PlanStore(db, new CatalogStore(DataFolder.Load(folder)), MigrationData.Load(folder), TimeProvider.System);
        var plan = db.MigrationPlans.Single(p => p.Id == id);
        var rows = db.PlanPackages.Where(p => p.PlanId == id).OrderBy(p => p.Id).ToList();
        var problem = store.Problem(plan, rows).Value;

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

        return 0;
    }
}
