using System.Globalization;
using System.Text.Json.Nodes;

namespace Aufsicht.Bench.Planning;

/// <summary>
/// One single-mode PSPLIB instance in the Patterson (.rcp) layout as PyJobShop/Experiments stores it: the first line
/// "jobs resources", the second the capacities, then per job "duration demand1..demandR successorCount successor…",
/// jobs numbered from 1, the first the source and the last the sink. Whitespace (spaces, tabs, line breaks) separates
/// the numbers; a job's line is read by its counts, not by line breaks.
/// </summary>
internal sealed record PsplibInstance(string Name, int[] Capacities, int[] Durations, int[][] Demands, int[][] Successors)
{
    public int Jobs => Durations.Length;

    public static PsplibInstance Parse(string name, string text)
    {
        var numbers = text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var at = 0;
        int Next(string what)
        {
            if (at >= numbers.Length)
            {
                throw new FormatException($"{name}: the file ends before {what}");
            }

            return int.TryParse(numbers[at++], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new FormatException($"{name}: {what} is not a non-negative integer: '{numbers[at - 1]}'");
        }

        var jobs = Next("the number of jobs");
        var resources = Next("the number of resources");
        var capacities = new int[resources];
        for (var r = 0; r < resources; r++)
        {
            capacities[r] = Next($"the capacity of resource {r + 1}");
        }

        var durations = new int[jobs];
        var demands = new int[jobs][];
        var successors = new int[jobs][];
        for (var j = 0; j < jobs; j++)
        {
            durations[j] = Next($"the duration of job {j + 1}");
            demands[j] = new int[resources];
            for (var r = 0; r < resources; r++)
            {
                demands[j][r] = Next($"job {j + 1}'s demand on resource {r + 1}");
            }

            successors[j] = new int[Next($"job {j + 1}'s successor count")];
            for (var s = 0; s < successors[j].Length; s++)
            {
                var successor = Next($"job {j + 1}'s successor {s + 1}");
                successors[j][s] = successor >= 1 && successor <= jobs
                    ? successor - 1
                    : throw new FormatException($"{name}: job {j + 1} names successor {successor}, outside 1..{jobs}");
            }
        }

        if (at != numbers.Length)
        {
            throw new FormatException($"{name}: {numbers.Length - at} numbers after the last job");
        }

        return new PsplibInstance(name, capacities, durations, demands, successors);
    }

    public static string TaskId(int job) => "j" + (job + 1).ToString(CultureInfo.InvariantCulture);

    public static string ResourceId(int resource) => "r" + (resource + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The scheduling contract's input: resources r1..rR, tasks j1..jN, `after` from the successor lists.</summary>
    public JsonObject ToContract()
    {
        var predecessors = Predecessors();
        var tasks = new JsonArray();
        for (var j = 0; j < Jobs; j++)
        {
            var uses = new JsonObject();
            for (var r = 0; r < Capacities.Length; r++)
            {
                if (Demands[j][r] > 0)
                {
                    uses[ResourceId(r)] = Demands[j][r];
                }
            }

            tasks.Add(new JsonObject
            {
                ["id"] = TaskId(j),
                ["duration"] = Durations[j],
                ["uses"] = uses,
                ["after"] = new JsonArray([.. predecessors[j].Select(p => (JsonNode)TaskId(p))]),
            });
        }

        return new JsonObject
        {
            ["resources"] = new JsonArray([.. Capacities.Select((c, r) => (JsonNode)new JsonObject { ["id"] = ResourceId(r), ["capacity"] = c })]),
            ["tasks"] = tasks,
            ["objective"] = "makespan",
        };
    }

    public List<int>[] Predecessors()
    {
        var predecessors = Enumerable.Range(0, Jobs).Select(_ => new List<int>()).ToArray();
        for (var j = 0; j < Jobs; j++)
        {
            foreach (var s in Successors[j])
            {
                predecessors[s].Add(j);
            }
        }

        return predecessors;
    }

    /// <summary>
    /// The length of the longest path through the precedence graph (resources ignored), by Kahn's topological order;
    /// null when the graph has a cycle.
    /// </summary>
    public int? CriticalPath()
    {
        var indegree = new int[Jobs];
        foreach (var list in Successors)
        {
            foreach (var s in list)
            {
                indegree[s]++;
            }
        }

        var ready = new Queue<int>(Enumerable.Range(0, Jobs).Where(j => indegree[j] == 0));
        var earliest = new int[Jobs];
        var seen = 0;
        var longest = 0;
        while (ready.TryDequeue(out var j))
        {
            seen++;
            longest = Math.Max(longest, earliest[j] + Durations[j]);
            foreach (var s in Successors[j])
            {
                earliest[s] = Math.Max(earliest[s], earliest[j] + Durations[j]);
                if (--indegree[s] == 0)
                {
                    ready.Enqueue(s);
                }
            }
        }

        return seen == Jobs ? longest : null;
    }
}
