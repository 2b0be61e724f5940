using System.Diagnostics;
using System.Globalization;
using System.Text;
using Aufsicht.Core.Scheduling;
using Aufsicht.Scheduling;

namespace Aufsicht.Bench.Planning;

/// <summary>
/// `plan heuristic`: the scheduler's heuristic (<see cref="Justification"/>) alone on chosen PSPLIB instances, with a
/// work budget instead of a clock, so the figures do not depend on the machine's load: one search per seed (the
/// scheduler's own seeds, <see cref="Justification.DefaultSeed"/> + k), forward or on the project backwards
/// (<see cref="Mirror"/>), run two at a time. Prints each seed's makespan and how many reach the best known. With
/// `--by-optimum S`, CP-SAT is also asked for a schedule ending by the known optimum (the problem's horizon set to it)
/// within S seconds — whether the exact search alone finds what the heuristic misses.
/// </summary>
internal static class HeuristicLoad
{
    public static int Run(string[] args)
    {
        var set = PlanLoad.Require(args, "--set");
        var data = PlanLoad.Require(args, "--data");
        var (prefix, table, _) = PlanLoad.Sets.TryGetValue(set, out var s) ? s : throw new ArgumentException($"--set: one of {string.Join(", ", PlanLoad.Sets.Keys)}");
        var ids = PlanLoad.Require(args, "--ids").Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToArray();
        var placements = PlanLoad.IntOption(args, "--placements", CpSatScheduler.HeuristicPlacements(TimeSpan.FromSeconds(10)));
        var seeds = PlanLoad.IntOption(args, "--seeds", 2);
        var backward = args.Contains("--backward");
        var byOptimum = PlanLoad.IntOption(args, "--by-optimum", 0);
        var rows = BestKnown.Read(PlanLoad.TablePath(data, table));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan heuristic {set}: {ids.Length} instances, {placements:N0} placements per search, {seeds} seeds, {(backward ? "backward" : "forward")}; uptime: {PlanLoad.Uptime()}"));
        var reached = 0;
        foreach (var n in ids)
        {
            var name = $"{prefix}_{n.ToString(CultureInfo.InvariantCulture)}";
            var instance = PsplibInstance.Parse(name, File.ReadAllText(PlanLoad.InstancePath(data, prefix, n)));
            var problem = ProblemReader.Read(Encoding.UTF8.GetBytes(instance.ToContract().ToJsonString())).Value;
            var best = rows[n].KnownOptimum ?? rows[n].UpperBound;
            var searched = backward ? Mirror.Of(problem) ?? throw new ArgumentException($"{name}: not mirrorable") : problem;
            var windows = TimeWindows.Compute(searched);
            var floor = Math.Max(windows.CriticalPath(searched), CpSatScheduler.EnergyBound(searched, windows.Horizon));
            var first = SerialSchedule.LatestEndFirst(searched, windows, windows.Horizon) ?? throw new ArgumentException($"{name}: no serial schedule");
            var makespans = new int[seeds];
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
            {
                var found = Justification.Improve(searched, windows, windows.Horizon, first, placements, floor, Justification.DefaultSeed + (ulong)k);
                var tasks = backward ? Mirror.Back(found) : found;
                if (Core.Scheduling.ScheduleChecker.Check(problem, tasks).Count > 0)
                {
                    throw new InvalidOperationException($"{name}: seed {k} gave a schedule the checker refuses");
                }

                makespans[k] = tasks.Max(t => t.End);
            });
            var hits = makespans.Count(m => m <= best);
            reached += makespans.Min() <= best ? 1 : 0;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{name,-9} best {best,4}{(rows[n].KnownOptimum is null ? "*" : " ")} seeds [{string.Join('/', makespans)}] at best {hits}/{seeds}  {watch.Elapsed.TotalSeconds:0.0} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s cpu)");
            if (byOptimum > 0)
            {
                var exact = CpSatScheduler.Solve(problem with { Horizon = best }, new SolveOptions(TimeSpan.FromSeconds(byOptimum)) { Placements = 0 });
                line += $"; CP-SAT by {best} in {byOptimum} s: {exact.Status.ToString().ToLowerInvariant()}";
            }

            Console.WriteLine(line);
        }

        Console.WriteLine($"at best known (best of the seeds): {reached}/{ids.Length}; uptime after: {PlanLoad.Uptime()}");
        return 0;
    }
}
