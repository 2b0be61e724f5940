using System.Globalization;
using Aufsicht.Core.Law;
using Aufsicht.Core.Scheduling;

namespace Aufsicht.Features.Scheduling;

/// <summary>The text answer of <c>aufsicht plan solve --format text</c>: the status, the bounds and a table of the tasks with why each starts where it does.</summary>
internal static class PlanSheet
{
    public static void Write(TextWriter w, SchedulingProblem problem, Schedule schedule, Language language)
    {
        w.WriteLine(Texts.T(language, "plan.sheet.status." + PlanJson.StatusName(schedule.Status)));
        if (schedule.Makespan is { } makespan)
        {
            w.WriteLine(Texts.T(language, "plan.sheet.makespan", N(makespan, language), schedule.LowerBound is { } lb ? N(lb, language) : "–"));
            if (schedule.Gap is { } gap)
            {
                var percent = Math.Round(gap * 100, 2, MidpointRounding.AwayFromZero);
                w.WriteLine(Texts.T(language, "plan.sheet.gap", percent.ToString("0.00", Culture(language)) + (language == Language.De ? " %" : "%")));
            }

            if (problem.Tasks.Any(t => t.CostPerPeriod > 0) && schedule.Cost is { } cost)
            {
                w.WriteLine(Texts.T(language, "plan.sheet.cost", Money(cost, language)));
            }

            w.WriteLine();
            var rows = new List<string[]> { new[] { Texts.T(language, "plan.sheet.task"), Texts.T(language, "plan.sheet.start"), Texts.T(language, "plan.sheet.end"), Texts.T(language, "plan.sheet.why") } };
            foreach (var task in schedule.Tasks)
            {
                var why = string.Join("; ", schedule.Holds.Where(h => h.Task == task.Id).Select(h => Hold(h, language)));
                rows.Add([task.Id, N(task.Start, language), N(task.End, language), why]);
            }

            var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length)).ToArray();
            foreach (var row in rows)
            {
                w.WriteLine($"{row[0].PadRight(widths[0])}  {row[1].PadLeft(widths[1])}  {row[2].PadLeft(widths[2])}  {row[3]}".TrimEnd());
            }
        }

        foreach (var conflict in schedule.Conflicts)
        {
            w.WriteLine(Conflict(conflict, language));
        }
    }

    public static string Hold(Hold hold, Language language) => hold.Kind switch
    {
        HoldKind.Predecessor => Texts.T(language, "plan.hold.predecessor", hold.Other ?? string.Empty),
        HoldKind.Capacity => Texts.T(language, "plan.hold.capacity", hold.Other ?? string.Empty, N(hold.Period ?? 0, language)),
        HoldKind.ProjectStart => Texts.T(language, "plan.hold.projectStart"),
        HoldKind.Release => Texts.T(language, "plan.hold.release"),
        HoldKind.Fixed => Texts.T(language, "plan.hold.fixedStart"),
        HoldKind.AllowedStart => Texts.T(language, "plan.hold.allowedStart"),
        _ => Texts.T(language, "plan.hold.slack"),
    };

    public static string Conflict(Conflict conflict, Language language)
    {
        var chain = string.Join(" → ", conflict.Chain);
        var earliest = conflict.Earliest is { } e ? N(e, language) : "–";
        var limit = conflict.Limit is { } l ? N(l, language) : "–";
        return Texts.T(language, "plan.conflict." + PlanJson.ConflictName(conflict.Kind), conflict.Task, chain, earliest, limit);
    }

    private static string N(long value, Language language) => value.ToString("#,0", Culture(language));

    private static string Money(long cents, Language language)
    {
        var amount = cents / 100m;
        return language == Language.De
            ? amount.ToString("#,0.00", Culture(language)) + " €"
            : "€" + amount.ToString("#,0.00", Culture(language));
    }

    private static NumberFormatInfo Culture(Language language) => language == Language.De
        ? new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." }
        : new NumberFormatInfo { NumberDecimalSeparator = ".", NumberGroupSeparator = "," };
}
