using System.Globalization;
using System.Text.Json;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;

namespace Aufsicht.Core.Scheduling;

/// <summary>
/// Reads the input of <c>aufsicht plan solve</c> and <c>POST /api/v1/plans/solve</c> (docs/formats/plan-solve.md) into a
/// <see cref="SchedulingProblem"/>. Strict: an unknown field is an error. Every problem is an <see cref="Error"/> naming
/// its field as a JSON path (<c>tasks[3].after[0]</c>); an error of a task has the task's id as its first argument
/// (<c>#3</c> while the id itself is unreadable). The semantic checks (cycles, unknown names) are <see cref="ProblemCheck"/>'s.
/// </summary>
public static class ProblemReader
{
    /// <summary>The largest period, duration or horizon (about 270 years in days).</summary>
    public const int MaxTime = 100_000;

    /// <summary>The largest capacity or demand of a resource.</summary>
    public const int MaxCapacity = 1_000_000;

    /// <summary>The largest cost per period (in cents) and weight.</summary>
    public const long MaxCost = 1_000_000_000_000;

    /// <summary>The most tasks one problem may have.</summary>
    public const int MaxTasks = 50_000;

    public static readonly IReadOnlyList<string> ObjectiveNames = ["makespan", "cost", "weighted"];

    public static Result<SchedulingProblem> Read(ReadOnlyMemory<byte> utf8)
    {
        var parsed = ProfileReader.ParseDocument(utf8);
        if (!parsed.IsOk)
        {
            return Result<SchedulingProblem>.Fail(parsed.Errors);
        }

        using var document = parsed.Value;
        return Read(document.RootElement);
    }

    public static Result<SchedulingProblem> Read(JsonElement root)
    {
        var errors = new List<Error>();
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return Result<SchedulingProblem>.Fail(errors);
        }

        r.RejectUnknown(["resources", "tasks", "objective", "weights", "horizon"]);
        var resources = new List<Resource>();
        foreach (var (element, path) in r.Array("resources", required: false) ?? [])
        {
            if (ReadResource(element, path, errors) is { } resource)
            {
                resources.Add(resource);
            }
        }

        var tasks = new List<SchedulingTask>();
        var taskElements = r.Array("tasks") ?? [];
        if (taskElements.Count > MaxTasks)
        {
            r.Invalid("tasks", "plan.tooManyTasks", Number(taskElements.Count), Number(MaxTasks));
            return Result<SchedulingProblem>.Fail(errors);
        }

        for (var i = 0; i < taskElements.Count; i++)
        {
            if (ReadTask(taskElements[i].Element, taskElements[i].Path, i, errors) is { } task)
            {
                tasks.Add(task);
            }
        }

        var objectiveName = r.Has("objective") ? r.Enum("objective", ObjectiveNames, allowUnknown: false) : "makespan";
        var weights = ObjectiveWeights.Default;
        if (r.Object("weights", required: false) is { } w)
        {
            w.RejectUnknown(["makespan", "cost"]);
            var makespan = Long(root.GetProperty("weights"), "weights", "makespan", string.Empty, 0, MaxCost, errors) ?? 1;
            var cost = Long(root.GetProperty("weights"), "weights", "cost", string.Empty, 0, MaxCost, errors) ?? 1;
            weights = new ObjectiveWeights(makespan, cost);
        }

        int? horizon = null;
        if (r.Has("horizon"))
        {
            horizon = (int?)Long(root, string.Empty, "horizon", string.Empty, 0, MaxTime, errors);
        }

        if (errors.Count > 0 || objectiveName is null)
        {
            return errors.Count > 0 ? Result<SchedulingProblem>.Fail(errors) : Error.Invalid("objective", "datafile.missing");
        }

        var objective = (Objective)ObjectiveNames.ToList().IndexOf(objectiveName);
        return Result<SchedulingProblem>.Ok(new SchedulingProblem(resources, tasks, objective, weights, horizon));
    }

    /// <summary>The contract's name of an objective (<c>makespan</c>, <c>cost</c>, <c>weighted</c>).</summary>
    public static string WireName(this Objective objective) => ObjectiveNames[(int)objective];

    private static Resource? ReadResource(JsonElement element, string path, List<Error> errors)
    {
        if (ObjectReader.Open(element, path, errors) is not { } r)
        {
            return null;
        }

        var before = errors.Count;
        r.RejectUnknown(["id", "capacity", "calendar"]);
        var id = r.String("id", maxLength: 200);
        var label = id ?? path;
        var capacity = Long(element, path, "capacity", label, 0, MaxCapacity, errors, required: true);
        var calendar = new List<CapacityWindow>();
        foreach (var (window, windowPath) in r.Array("calendar", required: false) ?? [])
        {
            if (ObjectReader.Open(window, windowPath, errors) is not { } c)
            {
                continue;
            }

            c.RejectUnknown(["from", "to", "capacity"]);
            var from = Long(window, windowPath, "from", label, 0, MaxTime, errors, required: true);
            var to = Long(window, windowPath, "to", label, 0, MaxTime, errors, required: true);
            var windowCapacity = Long(window, windowPath, "capacity", label, 0, MaxCapacity, errors, required: true);
            if (from is not null && to is not null && windowCapacity is not null)
            {
                calendar.Add(new CapacityWindow((int)from, (int)to, (int)windowCapacity));
            }
        }

        return errors.Count > before || id is null || capacity is null ? null : new Resource(id, (int)capacity, calendar);
    }

    private static SchedulingTask? ReadTask(JsonElement element, string path, int index, List<Error> errors)
    {
        if (ObjectReader.Open(element, path, errors) is not { } r)
        {
            return null;
        }

        var before = errors.Count;
        r.RejectUnknown(["id", "duration", "uses", "after", "release", "deadline", "fixedStart", "allowedStarts", "costPerPeriod"]);
        var id = r.String("id", maxLength: 200);
        var label = id ?? "#" + Number(index);
        var duration = Long(element, path, "duration", label, 0, MaxTime, errors, required: true);
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        if (r.Object("uses", required: false) is not null)
        {
            foreach (var property in element.GetProperty("uses").EnumerateObject())
            {
                if (Long(element.GetProperty("uses"), r.PathOf("uses"), property.Name, label, 0, MaxCapacity, errors, required: true) is { } demand)
                {
                    uses[property.Name] = (int)demand;
                }
            }
        }

        var after = new List<string>();
        foreach (var (item, itemPath) in r.Array("after", required: false) ?? [])
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } name)
            {
                after.Add(name);
            }
            else
            {
                errors.Add(PlanError.Of(itemPath, "plan.notTaskId", label, ObjectReader.Describe(item)));
            }
        }

        var release = Long(element, path, "release", label, 0, MaxTime, errors);
        var deadline = Long(element, path, "deadline", label, 0, MaxTime, errors);
        var fixedStart = Long(element, path, "fixedStart", label, 0, MaxTime, errors);
        List<int>? allowed = null;
        if (r.Array("allowedStarts", required: false) is { } starts)
        {
            allowed = [];
            foreach (var (item, itemPath) in starts)
            {
                if (Integer(item, itemPath, label, 0, MaxTime, errors) is { } start)
                {
                    allowed.Add((int)start);
                }
            }
        }

        var cost = Long(element, path, "costPerPeriod", label, 0, MaxCost, errors) ?? 0;
        if (errors.Count > before || id is null || duration is null)
        {
            return null;
        }

        return new SchedulingTask(id, (int)duration, uses, after, (int?)release, (int?)deadline, (int?)fixedStart, allowed, cost);
    }

    /// <summary>The whole number in field <paramref name="name"/> of <paramref name="parent"/>, between the limits; null (and an error) otherwise.</summary>
    private static long? Long(JsonElement parent, string parentPath, string name, string label, long min, long max, List<Error> errors, bool required = false)
    {
        var path = parentPath.Length == 0 ? name : parentPath + "." + name;
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(PlanError.Of(path, "plan.missing", label));
            }

            return null;
        }

        return Integer(value, path, label, min, max, errors);
    }

    private static long? Integer(JsonElement value, string path, string label, long min, long max, List<Error> errors)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            errors.Add(PlanError.Of(path, "plan.notInteger", label, ObjectReader.Describe(value)));
            return null;
        }

        if (number < min || number > max)
        {
            errors.Add(PlanError.Of(path, number < 0 ? "plan.negative" : "plan.range", label, Number(number), Number(min), Number(max)));
            return null;
        }

        return number;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
