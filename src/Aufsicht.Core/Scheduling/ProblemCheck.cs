using System.Globalization;

namespace Aufsicht.Core.Scheduling;

/// <summary>
/// The semantic checks of a <see cref="SchedulingProblem"/>, whoever made it (the contract's reader or the migration
/// planner): each error names the field as a JSON path (<c>tasks[3].after[0]</c>) and has the task's (or resource's) id
/// as its first argument. All are <see cref="ErrorKind.Invalid"/>. A problem that passes can be solved: every name
/// resolves, the precedences have no cycle, every demand fits the resource, every task's own window can hold it.
/// </summary>
public static class ProblemCheck
{
    /// <summary>The largest objective a problem may reach: CP-SAT computes in 64-bit integers and needs room.</summary>
    public const long MaxObjective = 1_000_000_000_000_000;

    public static IReadOnlyList<Error> Check(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var errors = new List<Error>();
        var resources = new Dictionary<string, Resource>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Resources.Count; i++)
        {
            CheckResource(problem.Resources[i], $"resources[{N(i)}]", resources, errors);
        }

        var tasks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Tasks.Count; i++)
        {
            var task = problem.Tasks[i];
            if (!tasks.TryAdd(task.Id, i))
            {
                errors.Add(PlanError.Of($"tasks[{N(i)}].id", "plan.duplicateTask", task.Id, N(tasks[task.Id])));
            }
        }

        for (var i = 0; i < problem.Tasks.Count; i++)
        {
            CheckTask(problem.Tasks[i], $"tasks[{N(i)}]", problem.Horizon, resources, tasks, errors);
        }

        if (problem.Horizon is < 0)
        {
            errors.Add(PlanError.Of("horizon", "plan.negative", string.Empty, N(problem.Horizon.Value), "0", N(ProblemReader.MaxTime)));
        }

        if (problem.Weights.Makespan < 0 || problem.Weights.Cost < 0)
        {
            errors.Add(PlanError.Of(problem.Weights.Makespan < 0 ? "weights.makespan" : "weights.cost", "plan.negative", string.Empty,
                N(Math.Min(problem.Weights.Makespan, problem.Weights.Cost)), "0", N(ProblemReader.MaxCost)));
        }

        CheckCycles(problem, tasks, errors);
        CheckMagnitude(problem, errors);
        return errors;
    }

    /// <summary>Every cycle of the precedences (at most ten), each named by its tasks in order: <c>a → b → c → a</c>.</summary>
    internal static List<List<string>> Cycles(SchedulingProblem problem)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Tasks.Count; i++)
        {
            index.TryAdd(problem.Tasks[i].Id, i);
        }

        // Edges from a task to its predecessors: a cycle found along them, reversed, runs in the order of execution.
        var state = new byte[problem.Tasks.Count];
        var parent = new int[problem.Tasks.Count];
        var cycles = new List<List<string>>();
        for (var root = 0; root < problem.Tasks.Count && cycles.Count < 10; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            var stack = new Stack<(int Node, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            parent[root] = -1;
            while (stack.Count > 0 && cycles.Count < 10)
            {
                var (node, next) = stack.Pop();
                var after = problem.Tasks[node].After;
                if (next >= after.Count)
                {
                    state[node] = 2;
                    continue;
                }

                stack.Push((node, next + 1));
                if (!index.TryGetValue(after[next], out var pred))
                {
                    continue;
                }

                if (state[pred] == 0)
                {
                    state[pred] = 1;
                    parent[pred] = node;
                    stack.Push((pred, 0));
                }
                else if (state[pred] == 1)
                {
                    // node waits for pred, and up the parents each task waits for the one before: node → … → pred → node in execution order.
                    var cycle = new List<string>();
                    for (var n = node; n != pred; n = parent[n])
                    {
                        cycle.Add(problem.Tasks[n].Id);
                    }

                    cycle.Add(problem.Tasks[pred].Id);
                    // Start with the task listed first in the problem, so the same cycle is always named alike.
                    var start = cycle.IndexOf(cycle.MinBy(t => index[t])!);
                    cycles.Add([.. cycle.Skip(start), .. cycle.Take(start)]);
                }
            }
        }

        return cycles;
    }

    private static void CheckResource(Resource resource, string path, Dictionary<string, Resource> resources, List<Error> errors)
    {
        if (!resources.TryAdd(resource.Id, resource))
        {
            errors.Add(PlanError.Of(path + ".id", "plan.duplicateResource", resource.Id));
        }

        if (resource.Capacity < 0)
        {
            errors.Add(PlanError.Of(path + ".capacity", "plan.negative", resource.Id, N(resource.Capacity), "0", N(ProblemReader.MaxCapacity)));
        }

        var windows = resource.Calendar.Select((w, i) => (Window: w, Index: i)).OrderBy(w => w.Window.From).ThenBy(w => w.Index).ToList();
        for (var i = 0; i < windows.Count; i++)
        {
            var (window, at) = windows[i];
            var windowPath = $"{path}.calendar[{N(at)}]";
            if (window.From < 0 || window.To <= window.From)
            {
                errors.Add(PlanError.Of(windowPath, "plan.emptyWindow", resource.Id, N(window.From), N(window.To)));
            }

            if (window.Capacity < 0)
            {
                errors.Add(PlanError.Of(windowPath + ".capacity", "plan.negative", resource.Id, N(window.Capacity), "0", N(ProblemReader.MaxCapacity)));
            }

            if (i > 0 && windows[i - 1].Window.To > window.From)
            {
                errors.Add(PlanError.Of(windowPath, "plan.overlappingWindows", resource.Id, N(windows[i - 1].Index), N(at)));
            }
        }
    }

    private static void CheckTask(SchedulingTask task, string path, int? horizon, Dictionary<string, Resource> resources, Dictionary<string, int> tasks, List<Error> errors)
    {
        var id = task.Id;
        if (task.Duration < 0)
        {
            errors.Add(PlanError.Of(path + ".duration", "plan.negative", id, N(task.Duration), "0", N(ProblemReader.MaxTime)));
        }

        for (var j = 0; j < task.After.Count; j++)
        {
            var pred = task.After[j];
            if (pred == id)
            {
                errors.Add(PlanError.Of($"{path}.after[{N(j)}]", "plan.cycle", id, id + " → " + id));
            }
            else if (!tasks.ContainsKey(pred))
            {
                errors.Add(PlanError.Of($"{path}.after[{N(j)}]", "plan.unknownTask", id, pred));
            }
        }

        foreach (var (name, demand) in task.Uses)
        {
            if (!resources.TryGetValue(name, out var resource))
            {
                errors.Add(PlanError.Of($"{path}.uses.{name}", "plan.unknownResource", id, name));
            }
            else if (demand < 0)
            {
                errors.Add(PlanError.Of($"{path}.uses.{name}", "plan.negative", id, N(demand), "0", N(ProblemReader.MaxCapacity)));
            }
            else if (demand > Highest(resource))
            {
                errors.Add(PlanError.Of($"{path}.uses.{name}", "plan.demandAboveCapacity", id, N(demand), name, N(Highest(resource))));
            }
        }

        var release = task.Release ?? 0;
        if (task.Release is < 0 || task.Deadline is < 0 || task.FixedStart is < 0 || task.CostPerPeriod < 0)
        {
            var (field, value) = task.Release is < 0 ? ("release", (long)task.Release) : task.Deadline is < 0 ? ("deadline", (long)task.Deadline)
                : task.FixedStart is < 0 ? ("fixedStart", (long)task.FixedStart) : ("costPerPeriod", task.CostPerPeriod);
            errors.Add(PlanError.Of(path + "." + field, "plan.negative", id, N(value), "0", N(ProblemReader.MaxTime)));
            return;
        }

        if (task.Deadline is { } deadline)
        {
            if (task.Release is { } r && r > deadline)
            {
                errors.Add(PlanError.Of(path + ".release", "plan.releaseAfterDeadline", id, N(r), N(deadline)));
            }
            else if (release + task.Duration > deadline)
            {
                errors.Add(PlanError.Of(path + ".deadline", "plan.durationDoesNotFit", id, N(task.Duration), N(release), N(deadline)));
            }
        }

        if (horizon is { } h && release + task.Duration > h)
        {
            errors.Add(PlanError.Of(path + ".duration", "plan.beyondHorizon", id, N(release + task.Duration), N(h)));
        }

        if (task.AllowedStarts is { } allowed)
        {
            if (allowed.Count == 0)
            {
                errors.Add(PlanError.Of(path + ".allowedStarts", "plan.noAllowedStart", id));
            }
            else if (!allowed.Any(s => s >= release && (task.Deadline is not { } d || s + task.Duration <= d)))
            {
                errors.Add(PlanError.Of(path + ".allowedStarts", "plan.allowedStartsOutside", id, N(release), task.Deadline is { } d ? N(d) : "–"));
            }
        }

        if (task.FixedStart is { } fixedStart)
        {
            if (task.AllowedStarts is { Count: > 0 } starts && !starts.Contains(fixedStart))
            {
                errors.Add(PlanError.Of(path + ".fixedStart", "plan.fixedNotAllowed", id, N(fixedStart)));
            }

            if (fixedStart < release)
            {
                errors.Add(PlanError.Of(path + ".fixedStart", "plan.fixedBeforeRelease", id, N(fixedStart), N(release)));
            }

            if (task.Deadline is { } d && fixedStart + task.Duration > d)
            {
                errors.Add(PlanError.Of(path + ".fixedStart", "plan.fixedAfterDeadline", id, N(fixedStart), N(d)));
            }
        }
    }

    private static void CheckCycles(SchedulingProblem problem, Dictionary<string, int> tasks, List<Error> errors)
    {
        foreach (var cycle in Cycles(problem))
        {
            if (cycle.Count < 2)
            {
                continue; // a task after itself is reported at its own field
            }

            var first = tasks[cycle[1]];
            var after = problem.Tasks[first].After;
            var j = Enumerable.Range(0, after.Count).First(k => after[k] == cycle[0]);
            errors.Add(PlanError.Of($"tasks[{N(first)}].after[{N(j)}]", "plan.cycle", cycle[1], string.Join(" → ", cycle.Append(cycle[0]))));
        }
    }

    /// <summary>The cost objective must fit 64 bits with room: Σ cost per period × latest end × weight.</summary>
    private static void CheckMagnitude(SchedulingProblem problem, List<Error> errors)
    {
        var latest = (decimal)TimeWindows.TrivialHorizon(problem);
        var total = problem.Tasks.Sum(t => (decimal)Math.Max(0, t.CostPerPeriod)) * latest * Math.Max(1, problem.Weights.Cost)
            + latest * Math.Max(1, problem.Weights.Makespan);
        if (total > MaxObjective)
        {
            errors.Add(Error.Invalid("tasks", "plan.costTooLarge", N(MaxObjective)));
        }
    }

    /// <summary>The most the resource ever offers in one period: its capacity or a window's, whichever is higher.</summary>
    public static int Highest(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Calendar.Count == 0 ? resource.Capacity : Math.Max(resource.Capacity, resource.Calendar.Max(w => w.Capacity));
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The errors of a plan: a task's or resource's id first among the arguments; without one, the <c>.plain</c> variant of the key.</summary>
internal static class PlanError
{
    /// <summary>The suffix of the variant without an id; every such key has its own text (SchedulingText).</summary>
    private const string Plain = ".plain";

    public static Error Of(string path, string key, string label, params string[] rest) =>
        Error.Invalid(path, label.Length == 0 ? key + Plain : key, label.Length == 0 ? rest : [label, .. rest]);
}
