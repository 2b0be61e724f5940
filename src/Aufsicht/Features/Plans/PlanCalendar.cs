using System.Globalization;
using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Aufsicht.Features.Plans;

/// <summary>What a milestone marks.</summary>
internal enum MilestoneKind
{
    PilotStart,
    RolledOut,
    LicencesEnd,
}

/// <summary>One milestone of a computed plan: a pillar's (or, with <paramref name="Ministry"/>, one ministry's) day.</summary>
internal sealed record PlanMilestone(MilestoneKind Kind, Pillar Pillar, long? Ministry, DateOnly Day)
{
    /// <summary>Stable within a plan, so that a calendar update replaces the event: <c>rolled-out-office</c>, <c>ministry-12-rolled-out-office</c>.</summary>
    public string Key => (Ministry is { } m ? string.Create(CultureInfo.InvariantCulture, $"ministry-{m}-") : "") + Kind switch
    {
        MilestoneKind.PilotStart => "pilot-start-",
        MilestoneKind.RolledOut => "rolled-out-",
        _ => "licences-end-",
    } + MigrationNames.Wire(Pillar);
}

/// <summary>
/// A computed plan's milestones as an iCalendar file of all-day events: per pillar the first pilot's start, the day the
/// roll-out is complete (the last day of the last roll-out month) and the first day of the month the last licences
/// end; and per ministry (a body without a parent that has bodies below it) the day its pillar's roll-out is complete.
/// Each event's UID is the plan and the milestone, so an updated plan replaces its events in a subscribed calendar.
/// </summary>
internal static class PlanCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IReadOnlyList<PlanMilestone> Milestones(PlanFileData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var planned = data.Rows.Where(r => r.PlannedStart is not null && r.PlannedEnd is not null).ToList();
        var milestones = new List<PlanMilestone>();
        foreach (var pillar in planned.GroupBy(r => r.Pillar).OrderBy(g => g.Key))
        {
            var rollOut = pillar.Where(IsRollOut).ToList();
            if (rollOut.Count > 0)
            {
                milestones.Add(new PlanMilestone(MilestoneKind.PilotStart, pillar.Key, null, rollOut.Min(r => r.PlannedStart!.Value)));
                milestones.Add(new PlanMilestone(MilestoneKind.RolledOut, pillar.Key, null, LastDay(rollOut)));
            }

            if (pillar.Where(r => r.Phase == "cancellation").Select(r => r.PlannedStart).Max() is { } end)
            {
                milestones.Add(new PlanMilestone(MilestoneKind.LicencesEnd, pillar.Key, null, end));
            }
        }

        var parents = data.Bodies.Values.Where(b => b.ParentId is not null).Select(b => b.ParentId!.Value).ToHashSet();
        foreach (var group in planned.Where(IsRollOut)
                     .GroupBy(r => (Ministry: Root(data, r.BodyId), r.Pillar))
                     .Where(g => g.Key.Ministry is { } m && parents.Contains(m))
                     .OrderBy(g => data.BodyName(g.Key.Ministry!.Value), StringComparer.Ordinal).ThenBy(g => g.Key.Pillar))
        {
            milestones.Add(new PlanMilestone(MilestoneKind.RolledOut, group.Key.Pillar, group.Key.Ministry, LastDay(group)));
        }

        return milestones;
    }

    /// <summary>The iCalendar text: one all-day event per milestone, its summary in the language, no key or id in any text.</summary>
    public static string Render(PlanFileData data, Language language, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(data);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Aufsicht//Migrationsplan//DE" };
        calendar.AddProperty("X-WR-CALNAME", Texts.T(language, "planFiles.ics.name", data.Plan.Name));
        foreach (var m in Milestones(data))
        {
            var next = m.Day.AddDays(1);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = string.Create(CultureInfo.InvariantCulture, $"plan-{data.Plan.Id}-{m.Key}@aufsicht"),
                Summary = Summary(m, data, language),
                Description = Texts.T(language, "planFiles.ics.description", data.Plan.Name),
                DtStart = new CalDateTime(m.Day.Year, m.Day.Month, m.Day.Day),
                DtEnd = new CalDateTime(next.Year, next.Month, next.Day),
                DtStamp = new CalDateTime(nowUtc, "UTC"),

                // A re-computed plan moves its milestones; the higher sequence tells a client the event changed.
                Sequence = data.Plan.Revision,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>„Bürosoftware: Umstellung abgeschlossen“, „Ministerium für Bildung – Bürosoftware: Umstellung abgeschlossen“.</summary>
    public static string Summary(PlanMilestone milestone, PlanFileData data, Language language)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(data);
        var pillar = Texts.T(language, "migration.pillar." + MigrationNames.Wire(milestone.Pillar));
        var what = Texts.T(language, milestone.Kind switch
        {
            MilestoneKind.PilotStart => "planFiles.ics.pilotStart",
            MilestoneKind.RolledOut => "planFiles.ics.rolledOut",
            _ => "planFiles.ics.licencesEnd",
        });
        return milestone.Ministry is { } m ? Texts.T(language, "planFiles.ics.ministry", data.BodyName(m), pillar, what) : $"{pillar}: {what}";
    }

    private static bool IsRollOut(PlanPackageRecord r) => r.Phase is "pilot" or "cohort";

    /// <summary>The last day of the last month worked (the stored end is the first day of the month after).</summary>
    private static DateOnly LastDay(IEnumerable<PlanPackageRecord> rows) =>
        rows.Max(r => r.Duration > 0 ? r.PlannedEnd!.Value.AddDays(-1) : r.PlannedEnd!.Value);

    private static long? Root(PlanFileData data, long body)
    {
        var seen = new HashSet<long>();
        var at = body;
        while (data.Bodies.TryGetValue(at, out var b) && b.ParentId is { } parent && seen.Add(at))
        {
            at = parent;
        }

        return data.Bodies.ContainsKey(at) ? at : null;
    }
}
