using System.Globalization;
using System.Text.Json;
using Aufsicht.Core.Scheduling;

namespace Aufsicht.Features.Scheduling;

/// <summary>
/// The answer of <c>aufsicht plan solve</c> and <c>POST /api/v1/plans/solve</c> (docs/formats/plan-solve.md): status,
/// makespan, lower bound and the tasks first, exactly so; then the objective, gap, cost, holds and conflicts.
/// </summary>
internal static class PlanJson
{
    public static void Write(Utf8JsonWriter w, SchedulingProblem problem, Schedule schedule)
    {
        w.WriteStartObject();
        w.WriteString("status", StatusName(schedule.Status));
        Number(w, "makespan", schedule.Makespan);
        Number(w, "lowerBound", schedule.LowerBound);
        w.WriteStartArray("tasks");
        foreach (var task in schedule.Tasks)
        {
            w.WriteStartObject();
            w.WriteString("id", task.Id);
            w.WriteNumber("start", task.Start);
            w.WriteNumber("end", task.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("objective", problem.Objective.WireName());
        Number(w, "objectiveValue", schedule.ObjectiveValue);
        Number(w, "objectiveBound", schedule.ObjectiveBound);
        if (schedule.Gap is { } gap)
        {
            w.WriteString("gap", Math.Round(gap, 4, MidpointRounding.AwayFromZero).ToString("0.0000", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("gap");
        }

        Number(w, "cost", schedule.Cost);
        w.WriteStartArray("holds");
        foreach (var hold in schedule.Holds)
        {
            w.WriteStartObject();
            w.WriteString("task", hold.Task);
            w.WriteString("kind", HoldName(hold.Kind));
            if (hold.Other is not null)
            {
                w.WriteString("other", hold.Other);
            }

            if (hold.Period is { } period)
            {
                w.WriteNumber("period", period);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("infeasibility");
        foreach (var conflict in schedule.Conflicts)
        {
            w.WriteStartObject();
            w.WriteString("kind", ConflictName(conflict.Kind));
            w.WriteString("task", conflict.Task);
            w.WriteStartArray("chain");
            foreach (var id in conflict.Chain)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            Number(w, "earliest", conflict.Earliest);
            Number(w, "limit", conflict.Limit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string StatusName(ScheduleStatus status) => status switch
    {
        ScheduleStatus.Optimal => "optimal",
        ScheduleStatus.Feasible => "feasible",
        ScheduleStatus.Infeasible => "infeasible",
        _ => "unknown",
    };

    public static string HoldName(HoldKind kind) => kind switch
    {
        HoldKind.ProjectStart => "projectStart",
        HoldKind.Predecessor => "predecessor",
        HoldKind.Capacity => "capacity",
        HoldKind.Release => "release",
        HoldKind.Fixed => "fixedStart",
        HoldKind.AllowedStart => "allowedStart",
        _ => "slack",
    };

    public static string ConflictName(ConflictKind kind) => kind switch
    {
        ConflictKind.Deadline => "deadline",
        ConflictKind.Horizon => "horizon",
        ConflictKind.AllowedStart => "allowedStart",
        ConflictKind.FixedStart => "fixedStart",
        _ => "deadlines",
    };

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
