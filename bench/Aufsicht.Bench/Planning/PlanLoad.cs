using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aufsicht.Bench.Planning;

/// <summary>
/// Issue 14: measures `aufsicht plan solve` on the PSPLIB single-mode sets and on a generated migration of a Land.
/// Verbs: `plan verify` (the instance ↔ best-known row mapping), `plan psplib` (the runner), `plan migration` (the
/// generator, and with `--aufsicht` a run), `plan --self-check` (the reader, checker and generator on hand-made input).
/// </summary>
internal static class PlanLoad
{
    public const string Usage = """
        plan --self-check
        plan verify --data DIR [--set j30|j60|j90|j120]
        plan psplib --set j30|j60|j90|j120 --data DIR --time-limit SECONDS --aufsicht PATH/aufsicht.dll [--take N] [--out results.csv]
        plan migration --packages 2000 [--seed 1] --write FILE [--aufsicht PATH/aufsicht.dll --time-limit 30]
        plan bound --plan ID --data-dir DIR [--data DIR] [--solve SECONDS] [--horizon MONTHS]
        plan heuristic --set j30|j60|j90|j120 --data DIR --ids 133,241 [--placements N] [--seeds K] [--backward] [--by-optimum SECONDS]
        """;

    /// <summary>The sets: file prefix, best-known table, instance count.</summary>
    internal static readonly Dictionary<string, (string Prefix, string Table, int Count)> Sets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["j30"] = ("J30", "J30.csv", 480),
        ["j60"] = ("J60", "J60_1.csv", 480),
        ["j90"] = ("J90", "J90_3.csv", 480),
        ["j120"] = ("J120", "J120_0.csv", 600),
    };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static int Run(string[] args)
    {
        try
        {
            return args switch
            {
                [_, "--self-check", ..] => SelfCheck.Run(),
                [_, "verify", ..] => Verify(args),
                [_, "psplib", ..] => Psplib(args),
                [_, "migration", ..] => Migration(args),
                [_, "bound", ..] => BoundLoad.Run(args),
                [_, "heuristic", ..] => HeuristicLoad.Run(args),
                _ => UsageError(),
            };
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or KeyNotFoundException)
        {
            Console.Error.WriteLine("plan: " + e.Message);
            return 2;
        }
    }

    private static int UsageError()
    {
        Console.Error.WriteLine("usage:\n" + Usage);
        return 2;
    }

    internal static string Require(string[] args, string name) =>
        Option(args, name) ?? throw new ArgumentException($"{name} is required; usage:\n{Usage}");

    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    internal static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    internal static string InstancePath(string data, string prefix, int n) =>
        Path.Combine(data, "data", "instances", "RCPSP", $"{prefix}_{n.ToString(CultureInfo.InvariantCulture)}.txt");

    internal static string TablePath(string data, string table) => Path.Combine(data, "data", "bks", table);

    /// <summary>
    /// Compares every instance's critical-path length and sum of durations, computed here, with the CPM and "Sum PT"
    /// columns of the row whose ID equals the n of its file name. Prints the mismatches; exit 1 if there are any.
    /// </summary>
    private static int Verify(string[] args)
    {
        var data = Require(args, "--data");
        var mismatches = 0;
        foreach (var (name, (prefix, table, count)) in Sets.Where(s => Option(args, "--set") is not { } only || s.Key.Equals(only, StringComparison.OrdinalIgnoreCase)))
        {
            var rows = BestKnown.Read(TablePath(data, table));
            var wrong = new List<string>();
            for (var n = 1; n <= count; n++)
            {
                var instance = PsplibInstance.Parse($"{prefix}_{n}", File.ReadAllText(InstancePath(data, prefix, n)));
                var cpm = instance.CriticalPath();
                var sum = instance.Durations.Sum();
                if (!rows.TryGetValue(n, out var row) || row.CriticalPath != cpm || row.SumOfDurations != sum)
                {
                    wrong.Add($"{prefix}_{n}: CPM {cpm}, sum {sum} against row {(row is null ? "missing" : $"{row.Reference} CPM {row.CriticalPath}, sum {row.SumOfDurations}")}");
                }
            }

            var closed = rows.Values.Count(r => r.KnownOptimum is not null);
            var optColumn = rows.Values.Count(r => r.Optimum is not null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {count} instances, {rows.Count} rows; mapping J..._n.txt = ID n: {count - wrong.Count} agree on CPM and sum of durations, {wrong.Count} do not; optimum known for {closed} ({optColumn} from the OPT column, {closed - optColumn} from LB = UB)"));
            foreach (var line in wrong.Take(20))
            {
                Console.WriteLine("  " + line);
            }

            mismatches += wrong.Count;
        }

        return mismatches == 0 ? 0 : 1;
    }

    private static int Psplib(string[] args)
    {
        var set = Require(args, "--set");
        var data = Require(args, "--data");
        var aufsicht = Require(args, "--aufsicht");
        var limit = IntOption(args, "--time-limit", 5);
        var (prefix, table, count) = Sets.TryGetValue(set, out var s) ? s : throw new ArgumentException($"--set: one of {string.Join(", ", Sets.Keys)}");
        var take = Math.Min(count, IntOption(args, "--take", count));
        var rows = BestKnown.Read(TablePath(data, table));

        // A sample of `take` spread evenly over the set (every count/take-th instance), so each of the generator's
        // parameter classes (ten consecutive instances each) is represented, not only the first ones.
        var numbers = Enumerable.Range(0, take).Select(i => 1 + (int)((long)i * count / take)).ToList();
        var folder = Directory.CreateTempSubdirectory("aufsicht-psplib-");
        var results = new List<Result>();
        using var csv = Option(args, "--out") is { } outPath ? new StreamWriter(outPath, append: false, new UTF8Encoding(false)) : null;
        csv?.WriteLine("set,instance,jobs,status,makespan,lower_bound,known_optimum,bks_lb,bks_ub,gap_percent,at_optimum,bound,checker,exit_code,wall_seconds,cpu_seconds,peak_mb,note");
        Console.WriteLine($"plan psplib {set}: {numbers.Count} of {count} instances, --time-limit {limit}, solver {aufsicht}; uptime: {Uptime()}");
        foreach (var n in numbers)
        {
            var name = $"{prefix}_{n}";
            var instance = PsplibInstance.Parse(name, File.ReadAllText(InstancePath(data, prefix, n)));
            var input = instance.ToContract();
            var file = Path.Combine(folder.FullName, name + ".json");
            File.WriteAllText(file, input.ToJsonString(Compact));
            var run = SolverRun.Run(aufsicht, file, limit);
            var result = Judge(name, instance.Jobs, input, run, rows[n]);
            results.Add(result);
            csv?.WriteLine(result.CsvLine(set));
            csv?.Flush();
            Console.WriteLine(result.Line());
        }

        folder.Delete(recursive: true);
        Summarise(set, limit, results);
        Console.WriteLine($"uptime after: {Uptime()}");
        return 0;
    }

    internal sealed record Result(string Name, int Jobs, SolverRun Run, BestKnown Best, List<string> Problems, double? Gap, bool AtOptimum, string Bound)
    {
        public string Note => string.Join(" | ", Problems.Append(Run.Error.Length > 0 ? "stderr: " + Run.Error[..Math.Min(160, Run.Error.Length)] : "").Where(p => p.Length > 0));

        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"{Name,-9} {Run.Status,-10} makespan {Run.Makespan?.ToString(CultureInfo.InvariantCulture) ?? "-",4} lb {Run.LowerBound?.ToString(CultureInfo.InvariantCulture) ?? "-",4} best {Best.KnownOptimum?.ToString(CultureInfo.InvariantCulture) ?? $"[{Best.LowerBound},{Best.UpperBound}]",5} gap {(Gap is { } g ? g.ToString("0.00", CultureInfo.InvariantCulture) + " %" : "-"),7} bound {Bound,-12} {Run.WallSeconds,6:0.00} s ({Run.ProcessorSeconds,6:0.00} s cpu) {Run.PeakBytes / 1048576.0,6:0} MB{(Problems.Count > 0 ? "  CHECK: " + Problems[0] : "")}");

        public string CsvLine(string set) => string.Join(',', [
            set, Name, Jobs.ToString(CultureInfo.InvariantCulture), Run.Status, Num(Run.Makespan), Num(Run.LowerBound), Num(Best.KnownOptimum),
            Num(Best.LowerBound), Num(Best.UpperBound), Gap?.ToString("0.###", CultureInfo.InvariantCulture) ?? "", AtOptimum ? "yes" : "no", Bound,
            Problems.Count == 0 ? "ok" : "failed", Num(Run.ExitCode), Run.WallSeconds.ToString("0.000", CultureInfo.InvariantCulture), Run.ProcessorSeconds.ToString("0.00", CultureInfo.InvariantCulture),
            (Run.PeakBytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture), "\"" + Note.Replace("\"", "'", StringComparison.Ordinal) + "\""]);

        private static string Num(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>
    /// Judges one run. The schedule must pass the checker whenever one came back; a run without a schedule (exit code
    /// other than 0, killed, status infeasible or unknown) counts as a checker failure too, since every PSPLIB instance is
    /// feasible. The bound is "sound" when it is at most the known optimum, or, where the optimum is open, at most the
    /// best-known lower bound; "above-bks-lb" (open, between the best-known bounds: a new bound or a bug) and
    /// "above-ub" / "above-opt" (certainly wrong) count as unsound. A claim of "optimal" with a makespan above the known
    /// optimum also counts as an unsound bound ("false-optimal").
    /// </summary>
    private static Result Judge(string name, int jobs, JsonObject input, SolverRun run, BestKnown best)
    {
        var problems = new List<string>();
        if (run.Killed)
        {
            problems.Add("killed after 3 × the time limit + 30 s");
        }

        if (run.ExitCode != 0 || run.Output is null)
        {
            problems.Add($"exit code {run.ExitCode}, {(run.Output is null ? "no JSON" : "JSON")}");
        }
        else if (run.Status is "optimal" or "feasible")
        {
            problems.AddRange(ScheduleChecker.Check(input, run.Output.Value));
        }
        else
        {
            problems.Add($"status {run.Status} on a feasible instance");
        }

        var reference = best.KnownOptimum ?? best.UpperBound;
        double? gap = run.Makespan is { } m && problems.Count == 0 ? 100.0 * (m - reference) / reference : null;
        var atOptimum = best.KnownOptimum is { } opt && run.Makespan == opt && problems.Count == 0;
        if (run.Makespan is { } below && problems.Count == 0 && below < (best.KnownOptimum ?? best.LowerBound))
        {
            problems.Add($"makespan {below} below the best-known lower bound {best.KnownOptimum ?? best.LowerBound}: check the instance mapping");
        }

        var lb = run.LowerBound ?? (run.Status == "optimal" ? run.Makespan : null);
        var bound = lb switch
        {
            null => "none",
            _ when run.Status == "optimal" && best.KnownOptimum is { } o && run.Makespan > o => "false-optimal",
            { } l when best.KnownOptimum is { } o => l <= o ? "sound" : "above-opt",
            { } l when l > best.UpperBound => "above-ub",
            { } l when l > best.LowerBound => "above-bks-lb",
            _ => "sound",
        };
        return new Result(name, jobs, run, best, problems, gap, atOptimum, bound);
    }

    private static void Summarise(string set, int limit, List<Result> results)
    {
        var ran = results.Count;
        var optimal = results.Count(r => r.Run.Status == "optimal" && r.Problems.Count == 0);
        var optimalInTime = results.Count(r => r.Run.Status == "optimal" && r.Problems.Count == 0 && r.Run.WallSeconds <= limit + 1.0);
        var known = results.Count(r => r.Best.KnownOptimum is not null);
        var atOptimum = results.Count(r => r.AtOptimum);
        var gaps = results.Where(r => r.Gap is not null).Select(r => r.Gap!.Value).ToList();
        var unsound = results.Where(r => r.Bound is not ("sound" or "none")).ToList();
        var failures = results.Count(r => r.Problems.Count > 0);
        var walls = results.Select(r => r.Run.WallSeconds).ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            summary {set}, --time-limit {limit} s, {ran} instances
              proven optimal (status "optimal", schedule checked): {optimal} of {ran} ({optimalInTime} within the limit + 1 s of start-up)
              at the known optimum: {atOptimum} of {known} with a known optimum
              gap to best-known makespan (optimum, else best-known upper bound): mean {(gaps.Count > 0 ? gaps.Average() : double.NaN):0.00} %, max {(gaps.Count > 0 ? gaps.Max() : double.NaN):0.00} % over {gaps.Count} schedules
              unsound lower bounds: {unsound.Count} ({string.Join(", ", unsound.GroupBy(r => r.Bound).Select(g => $"{g.Key} {g.Count()}"))}); without a bound: {results.Count(r => r.Bound == "none")}
              checker failures (incl. no schedule): {failures}
              wall time: mean {walls.Average():0.00} s, max {walls.Max():0.00} s ({results.Count(r => r.Run.WallSeconds > limit + 1.0)} over the limit + 1 s); processor time: mean {results.Average(r => r.Run.ProcessorSeconds):0.00} s, max {results.Max(r => r.Run.ProcessorSeconds):0.00} s; peak memory: max {results.Max(r => r.Run.PeakBytes) / 1048576.0:0} MB
            """));
    }

    private static int Migration(string[] args)
    {
        var packages = IntOption(args, "--packages", 2000);
        var seed = IntOption(args, "--seed", 1);
        var write = Require(args, "--write");
        var input = MigrationGenerator.Generate(packages, seed);
        File.WriteAllText(write, input.ToJsonString(Compact), new UTF8Encoding(false));
        var (cpm, resourceBound) = SimpleBounds(input);
        var resources = string.Join(", ", input["resources"]!.AsArray().Select(r => $"{r!["id"]} {r["capacity"]}"));
        Console.WriteLine($"plan migration: {input["tasks"]!.AsArray().Count} packages (seed {seed}) written to {write}; capacities per month {resources}; critical path {cpm} months, resource bound {resourceBound} months");
        if (Option(args, "--aufsicht") is not { } aufsicht)
        {
            return 0;
        }

        var limit = IntOption(args, "--time-limit", 30);
        Console.WriteLine($"uptime before: {Uptime()}");
        var run = SolverRun.Run(aufsicht, write, limit);
        var problems = run.ExitCode == 0 && run.Output is { } o && run.Status is "optimal" or "feasible"
            ? ScheduleChecker.Check(input, o)
            : [$"exit code {run.ExitCode}, status {run.Status}, {run.Error}"];
        var gap = run is { Makespan: { } m, LowerBound: { } lb and > 0 } ? 100.0 * (m - lb) / lb : double.NaN;
        var trivial = Math.Max(cpm, resourceBound);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            status {run.Status}, makespan {run.Makespan} months, solver's lower bound {run.LowerBound} (critical path and resource bound: {trivial}), gap {gap:0.00} % of the lower bound
            wall {run.WallSeconds:0.00} s, processor {run.ProcessorSeconds:0.00} s, peak memory {run.PeakBytes / 1048576.0:0} MB, checker: {(problems.Count == 0 ? "ok" : string.Join(" | ", problems))}
            uptime after: {Uptime()}
            """));
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Two bounds anyone can compute from a contract input: the critical path, and per resource its work over its capacity.</summary>
    internal static (int CriticalPath, int ResourceBound) SimpleBounds(JsonObject input)
    {
        var tasks = input["tasks"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var index = tasks.Select((t, i) => ((string)t["id"]!, i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
        var durations = tasks.Select(t => (int)t["duration"]!).ToArray();
        var successors = tasks.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < tasks.Count; i++)
        {
            foreach (var before in tasks[i]["after"]?.AsArray() ?? [])
            {
                successors[index[(string)before!]].Add(i);
            }
        }

        var cpm = new PsplibInstance("contract", [], durations, [.. durations.Select(_ => Array.Empty<int>())], [.. successors.Select(s => s.ToArray())]).CriticalPath()
            ?? throw new ArgumentException("the input's precedences form a cycle");
        var bound = input["resources"]!.AsArray().Select(r =>
        {
            var id = (string)r!["id"]!;
            var work = tasks.Sum(t => (long)(int)t["duration"]! * (t["uses"]?[id] is { } u ? (int)u : 0));
            return (int)Math.Ceiling(work / (double)(int)r["capacity"]!);
        }).DefaultIfEmpty(0).Max();
        return (cpm, bound);
    }

    internal static string Uptime()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("uptime") { RedirectStandardOutput = true, UseShellExecute = false });
            var text = process!.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(uptime not available)";
        }
    }
}
