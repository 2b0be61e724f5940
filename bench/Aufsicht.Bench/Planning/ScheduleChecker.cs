using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aufsicht.Bench.Planning;

/// <summary>
/// Checks a schedule returned by `aufsicht plan solve` against the contract input it was given, with nothing shared
/// with the solver's code: every task present once, end = start + duration, start ≥ 0, every `after` respected
/// (end(a) ≤ start(b)), per-period use of each resource within its capacity (a task occupies the periods start..end-1),
/// and the reported makespan equal to the latest end. Returns the violations found (empty when the schedule holds).
/// </summary>
internal static class ScheduleChecker
{
    private const int MaxReported = 5;

    public static List<string> Check(JsonObject input, JsonElement output)
    {
        var problems = new List<string>();
        var capacities = input["resources"]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => (int)r!["capacity"]!, StringComparer.Ordinal);
        var tasks = input["tasks"]!.AsArray().Select(t => t!.AsObject()).ToList();

        if (!output.TryGetProperty("tasks", out var returned) || returned.ValueKind != JsonValueKind.Array)
        {
            problems.Add("output has no tasks array");
            return problems;
        }

        var times = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        foreach (var task in returned.EnumerateArray())
        {
            var id = task.GetProperty("id").GetString()!;
            if (!times.TryAdd(id, (task.GetProperty("start").GetInt32(), task.GetProperty("end").GetInt32())))
            {
                Add(problems, $"task {id} appears twice");
            }
        }

        if (times.Count != tasks.Count)
        {
            Add(problems, $"{times.Count} tasks returned, {tasks.Count} given");
        }

        var latest = 0;
        var horizon = times.Values.Select(t => t.End).DefaultIfEmpty(0).Max();
        var use = capacities.Keys.ToDictionary(r => r, _ => new long[Math.Max(horizon, 0) + 1], StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var id = (string)task["id"]!;
            var duration = (int)task["duration"]!;
            if (!times.TryGetValue(id, out var time))
            {
                Add(problems, $"task {id} missing");
                continue;
            }

            if (time.Start < 0 || time.End != time.Start + duration)
            {
                Add(problems, $"task {id}: start {time.Start}, end {time.End}, duration {duration}");
                continue;
            }

            latest = Math.Max(latest, time.End);
            foreach (var before in task["after"]?.AsArray() ?? [])
            {
                var other = (string)before!;
                if (times.TryGetValue(other, out var earlier) && earlier.End > time.Start)
                {
                    Add(problems, $"task {id} starts at {time.Start}, before {other} ends at {earlier.End}");
                }
            }

            foreach (var (resource, amount) in task["uses"]?.AsObject() ?? [])
            {
                var periods = use[resource];
                for (var t = time.Start; t < time.End; t++)
                {
                    periods[t] += (int)amount!;
                }
            }
        }

        foreach (var (resource, periods) in use)
        {
            var over = Enumerable.Range(0, periods.Length).Where(t => periods[t] > capacities[resource]).ToList();
            if (over.Count > 0)
            {
                Add(problems, $"resource {resource} over its capacity {capacities[resource]} in {over.Count} periods, first {over[0]} (use {periods[over[0]]})");
            }
        }

        if (output.TryGetProperty("makespan", out var makespan) && makespan.GetInt32() != latest)
        {
            Add(problems, $"makespan {makespan.GetInt32()} but the latest end is {latest}");
        }

        return problems;
    }

    private static void Add(List<string> problems, string problem)
    {
        if (problems.Count < MaxReported)
        {
            problems.Add(problem);
        }
        else if (problems.Count == MaxReported)
        {
            problems.Add("…");
        }
    }
}
