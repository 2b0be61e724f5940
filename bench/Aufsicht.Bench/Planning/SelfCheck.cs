using System.Diagnostics;
using System.Text.Json;

namespace Aufsicht.Bench.Planning;

/// <summary>
/// `plan --self-check`: the reader, the checker and the generator against hand-made input, with assertions (the bench
/// has no test project). Prints each check and exits 1 if one fails.
/// </summary>
internal static class SelfCheck
{
    // Four jobs, one resource of capacity 3: j1 (source) → j2 (2 periods, uses 2) and j3 (3 periods, uses 1) → j4 (sink).
    // Tabs, spaces and a blank line as in the stored files.
    private const string FourJobs = "4\t1\t\n3\t\n0\t0\t2\t2\t3\n2 2 1 4\n\n3  1  1  4\n0\t0\t0\t\n";

    private static int failed;

    public static int Run()
    {
        var instance = PsplibInstance.Parse("four", FourJobs);
        Assert("parse: 4 jobs, capacity 3", instance.Jobs == 4 && instance.Capacities is [3]);
        Assert("parse: durations 0 2 3 0", instance.Durations is [0, 2, 3, 0]);
        Assert("parse: successors of j1 are j2 and j3 (0-based 1, 2)", instance.Successors[0] is [1, 2] && instance.Successors[3].Length == 0);
        Assert("critical path 3", instance.CriticalPath() == 3);
        Assert("a cycle has no critical path", new PsplibInstance("cycle", [1], [1, 1], [[0], [0]], [[1], [0]]).CriticalPath() is null);
        Assert("a truncated file is refused", Throws(() => PsplibInstance.Parse("short", "4 1\n3\n0 0 2 2 3\n")));
        Assert("a successor outside 1..N is refused", Throws(() => PsplibInstance.Parse("far", "2 1\n1\n0 0 1 5\n0 0 0\n")));

        var input = instance.ToContract();
        var expected = """{"resources":[{"id":"r1","capacity":3}],"tasks":[{"id":"j1","duration":0,"uses":{},"after":[]},{"id":"j2","duration":2,"uses":{"r1":2},"after":["j1"]},{"id":"j3","duration":3,"uses":{"r1":1},"after":["j1"]},{"id":"j4","duration":0,"uses":{},"after":["j2","j3"]}],"objective":"makespan"}""";
        Assert("contract JSON", input.ToJsonString() == expected);

        static JsonElement Output(int makespan, params (string Id, int Start, int End)[] tasks) =>
            JsonSerializer.SerializeToElement(new { status = "optimal", makespan, lowerBound = makespan, tasks = tasks.Select(t => new { id = t.Id, start = t.Start, end = t.End }) });

        Assert("checker accepts a good schedule", ScheduleChecker.Check(input, Output(3, ("j1", 0, 0), ("j2", 0, 2), ("j3", 0, 3), ("j4", 3, 3))).Count == 0);
        Assert("checker: precedence", Says(ScheduleChecker.Check(input, Output(3, ("j1", 0, 0), ("j2", 0, 2), ("j3", 0, 3), ("j4", 2, 2))), "before j3 ends"));
        Assert("checker: duration", Says(ScheduleChecker.Check(input, Output(3, ("j1", 0, 0), ("j2", 0, 3), ("j3", 0, 3), ("j4", 3, 3))), "duration 2"));
        Assert("checker: missing task", Says(ScheduleChecker.Check(input, Output(3, ("j1", 0, 0), ("j2", 0, 2), ("j3", 0, 3))), "j4 missing"));
        Assert("checker: makespan", Says(ScheduleChecker.Check(input, Output(4, ("j1", 0, 0), ("j2", 0, 2), ("j3", 0, 3), ("j4", 3, 3))), "latest end is 3"));
        input["resources"]![0]!["capacity"] = 2;
        Assert("checker: capacity", Says(ScheduleChecker.Check(input, Output(3, ("j1", 0, 0), ("j2", 0, 2), ("j3", 0, 3), ("j4", 3, 3))), "over its capacity 2 in 2 periods"));

        foreach (var packages in (int[])[2000, 2001, 500, 120])
        {
            var plan = MigrationGenerator.Generate(packages, seed: 1);
            var tasks = plan["tasks"]!.AsArray();
            var ids = tasks.Select(t => (string)t!["id"]!).ToList();
            var capacity = plan["resources"]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => (int)r!["capacity"]!, StringComparer.Ordinal);
            var earlier = new HashSet<string>(StringComparer.Ordinal);
            var ordered = true;
            foreach (var task in tasks)
            {
                ordered &= task!["after"]!.AsArray().All(a => earlier.Contains((string)a!));
                earlier.Add((string)task["id"]!);
            }

            Assert($"migration {packages}: exactly {packages} tasks, ids unique", tasks.Count == packages && ids.Distinct(StringComparer.Ordinal).Count() == packages);
            Assert($"migration {packages}: every `after` names an earlier task (no cycle)", ordered);
            Assert($"migration {packages}: durations 0..6, demands within capacity", tasks.All(t => (int)t!["duration"]! is >= 0 and <= 6 && t["uses"]!.AsObject().All(u => (int)u.Value! <= capacity[u.Key])));
            Assert($"migration {packages}: the same for the same seed", plan.ToJsonString() == MigrationGenerator.Generate(packages, seed: 1).ToJsonString());
        }

        Assert("migration: bodies in a tree, pilots after the parent's", MigrationGenerator.Generate(2000, 1)["tasks"]!.AsArray()
            .Any(t => (string)t!["id"]! == "b11-office-pilot" && t["after"]!.AsArray().Any(a => (string)a! == "b02-office-pilot")));

        // Which way of reading a finished child's peak memory works here (SolverRun's comment relies on it).
        using (var child = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!)
        {
            child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            string peak;
            try
            {
                peak = $"{child.PeakWorkingSet64} bytes";
            }
            catch (InvalidOperationException e)
            {
                peak = "throws: " + e.Message;
            }

            Console.WriteLine($"info: Process.PeakWorkingSet64 after WaitForExit on this OS: {peak}");
        }

        Console.WriteLine(failed == 0 ? "self-check: all passed" : $"self-check: {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static bool Says(List<string> problems, string part) => problems.Any(p => p.Contains(part, StringComparison.Ordinal));

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (FormatException)
        {
            return true;
        }
    }

    private static void Assert(string what, bool holds)
    {
        Console.WriteLine($"{(holds ? "ok  " : "FAIL")} {what}");
        failed += holds ? 0 : 1;
    }
}
