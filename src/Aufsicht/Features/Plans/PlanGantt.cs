using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Documents;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>A body the plan's Gantt can be narrowed to: a body with packages or one above such a body.</summary>
internal sealed record GanttBody(long Id, string Name, long? ParentId);

/// <summary>
/// A plan's Gantt chart and costs chart as the shared chart library draws them (page SVG, ODT and PDF alike): one row
/// per pillar with a bar per phase group, and — narrowed to a body and the bodies below it — one row per body and pillar.
/// </summary>
internal static class PlanGantt
{
    /// <summary>More rows than this make a picture nobody reads; the table below it then lists them all.</summary>
    public const int MaxRows = 60;

    /// <summary>The phase groups in lane order (top to bottom), each with its tone (colour and pattern).</summary>
    private static readonly (string Key, Tone Tone)[] Groups =
    [
        ("plans.gantt.kind.preparation", Tone.Grey),
        ("plans.gantt.kind.pilot", Tone.Yellow),
        ("plans.gantt.kind.rollout", Tone.None),
        ("plans.gantt.kind.parallel", Tone.Red),
        ("plans.gantt.kind.licences", Tone.Green),
    ];

    /// <summary>The phase group of a stored phase; every phase belongs to one.</summary>
    public static int GroupOf(string phase) => phase switch
    {
        "pilot" => 1,
        "cohort" => 2,
        "parallel-operation" or "rollback" => 3,
        "notice" or "cancellation" => 4,
        _ => 0, // preparation, training and the specialised applications' assessment, adaptation and replacement
    };

    /// <summary>
    /// The chart with every row: the pillars of the whole plan, then, when <paramref name="bodies"/> is given (a body
    /// and those below it, in the order to show), one row per body and pillar. A page shows the first
    /// <see cref="MaxRows"/> of them as a picture (<see cref="Picture"/>) and all as a table.
    /// </summary>
    public static GanttChart Build(PlanView view, Language language, DateOnly? today, IReadOnlyList<GanttBody>? bodies = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        string T(string key) => Texts.T(language, key);
        string PillarName(Pillar p) => T("migration.pillar." + MigrationNames.Wire(p));
        var planned = view.Packages.Where(p => p.Row.PlannedStart is not null && p.Row.PlannedEnd is not null).Select(p => p.Row).ToList();

        List<GanttRow> rows = [.. planned.GroupBy(r => r.Pillar).OrderBy(g => g.Key).Select(g => Row(PillarName(g.Key), null, g))];
        if (bodies is not null)
        {
            var byBody = planned.ToLookup(r => r.BodyId);
            foreach (var body in bodies)
            {
                rows.AddRange(byBody[body.Id].GroupBy(r => r.Pillar).OrderBy(g => g.Key).Select(g => Row(body.Name, PillarName(g.Key), g)));
            }
        }

        return new GanttChart(
            T("plans.gantt.title"),
            null,
            T("plans.gantt.rowHeader"),
            [.. Groups.Select(g => new ChartSeries(T(g.Key), g.Tone))],
            [T("plans.col.rolledOut"), T("plans.gantt.milestone.licencesEnd")],
            rows,
            today);
    }

    /// <summary>The chart as a picture: its first <see cref="MaxRows"/> rows.</summary>
    public static GanttChart Picture(GanttChart chart) =>
        chart.Rows.Count <= MaxRows ? chart : new GanttChart(chart.Title, chart.Description, chart.RowHeader, chart.Kinds, chart.MilestoneKinds, [.. chart.Rows.Take(MaxRows)], chart.Today);

    /// <summary>More years than this are drawn in spans of years, so the chart fits a page; the table keeps every year.</summary>
    public const int ChartedPeriods = 12;

    /// <summary>
    /// Costs per year as bars: what the licences saved, against what the migration costs (one-off, staff, running). A
    /// plan of more than <see cref="ChartedPeriods"/> years is drawn in spans of equal length („2027–2031“).
    /// </summary>
    public static BarChart Costs(IReadOnlyList<YearCosts> costs, Language language)
    {
        ArgumentNullException.ThrowIfNull(costs);
        string T(string key) => Texts.T(language, key);
        static double Euros(decimal amount) => (double)Math.Max(0, Math.Round(amount, 0, MidpointRounding.AwayFromZero));
        static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var span = Math.Max(1, (int)Math.Ceiling(costs.Count / (double)ChartedPeriods));
        var bars = new List<Bar>();
        foreach (var period in costs.OrderBy(c => c.Year).Chunk(span))
        {
            var label = period.Length == 1 ? Year(period[0].Year) : Year(period[0].Year) + "–" + Year(period[^1].Year);
            bars.Add(new Bar(Texts.T(language, "plans.costs.chart.saved", label), [Euros(period.Sum(c => c.LicencesSaved)), 0, 0, 0]));
            bars.Add(new Bar(Texts.T(language, "plans.costs.chart.spent", label), [0, Euros(period.Sum(c => c.OneOff)), Euros(period.Sum(c => c.Staff)), Euros(period.Sum(c => c.Running))]));
        }

        return new BarChart(
            T(span == 1 ? "plans.costs.chart" : "plans.costs.chart.spans"),
            null,
            T("plans.col.year"),
            [new ChartSeries(T("plans.col.licencesSaved"), Tone.Green), new ChartSeries(T("plans.col.oneOff"), Tone.Yellow), new ChartSeries(T("plans.col.staff"), Tone.Grey), new ChartSeries(T("plans.col.running"), Tone.Red)],
            bars);
    }

    /// <summary>The bars of a Gantt as a long table, one row per bar („Bürosoftware | Pilot | 03/2027 | 05/2027“): narrow enough for a page, where a column per phase is not.</summary>
    public static Table Periods(GanttChart chart, Language language)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string T(string key) => Texts.T(language, key);
        return new Table(
            chart.Title,
            [chart.RowHeader, T("plans.gantt.phase"), T("plans.gantt.from"), T("plans.gantt.until")],
            [.. chart.Rows.SelectMany(r => r.Bars.OrderBy(b => b.Kind).Select(b => (IReadOnlyList<string>)[r.FullLabel, chart.Kinds[b.Kind].Name, ReportFormat.Month(b.Start), ReportFormat.Month(b.End > b.Start ? b.End.AddMonths(-1) : b.Start)]))]);
    }

    /// <summary>The bodies with packages in the plan and every body above them, by name (for the choice on the page).</summary>
    public static async Task<IReadOnlyList<GanttBody>> BodiesAsync(AufsichtDb db, PlanView view, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(view);
        var all = await db.Bodies.AsNoTracking().Select(b => new GanttBody(b.Id, b.Name, b.ParentId)).ToListAsync(cancel).ConfigureAwait(false);
        var byId = all.ToDictionary(b => b.Id);
        var shown = new HashSet<long>();
        foreach (var id in view.BodyNames.Keys)
        {
            // Up the tree to the top; a broken parent link (a cycle) stops at a body already seen.
            for (long? at = id; at is { } current && byId.ContainsKey(current) && shown.Add(current); at = byId[current].ParentId)
            {
            }
        }

        return [.. all.Where(b => shown.Contains(b.Id)).OrderBy(b => b.Name, StringComparer.Ordinal).ThenBy(b => b.Id)];
    }

    /// <summary>A body and every body below it, the body first, then depth-first by name.</summary>
    public static IReadOnlyList<GanttBody> Subtree(IReadOnlyList<GanttBody> bodies, long id)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var children = bodies.Where(b => b.ParentId is not null).ToLookup(b => b.ParentId!.Value);
        var result = new List<GanttBody>();
        var seen = new HashSet<long>();
        void Walk(GanttBody body)
        {
            if (!seen.Add(body.Id))
            {
                return;
            }

            result.Add(body);
            foreach (var child in children[body.Id].OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                Walk(child);
            }
        }

        if (bodies.FirstOrDefault(b => b.Id == id) is { } root)
        {
            Walk(root);
        }

        return result;
    }

    private static GanttRow Row(string label, string? detail, IEnumerable<PlanPackageRecord> packages)
    {
        var list = packages.ToList();
        var bars = list.GroupBy(r => GroupOf(r.Phase)).OrderBy(g => g.Key)
            .Select(g => new GanttBar(g.Key, First(g.Min(r => r.PlannedStart!.Value)), First(g.Max(r => r.PlannedEnd!.Value))))
            .ToList();
        var milestones = new List<GanttMilestone>();
        var rollouts = list.Where(r => r.Phase is "pilot" or "cohort").ToList();
        if (rollouts.Count > 0)
        {
            milestones.Add(new GanttMilestone(0, First(rollouts.Max(r => r.PlannedEnd!.Value))));
        }

        var cancellations = list.Where(r => r.Phase == "cancellation").ToList();
        if (cancellations.Count > 0)
        {
            milestones.Add(new GanttMilestone(1, First(cancellations.Max(r => r.PlannedStart!.Value))));
        }

        return new GanttRow(label, bars, milestones, detail);
    }

    private static DateOnly First(DateOnly day) => new(day.Year, day.Month, 1);
}
