namespace Aufsicht.Documents;

/// <summary>What a chart shows, independent of how it is drawn (SVG for pages and ODT, PDF primitives for PDF).</summary>
internal abstract record ChartModel(string Title, string? Description);

/// <summary>
/// Horizontal bars, one per <see cref="Bar"/>, each split into one segment per <see cref="ChartSeries"/> (stacked).
/// A chart with one series is a plain bar chart. <paramref name="CategoryHeader"/> names the bar labels in the
/// table equivalent (e.g. "Art der Stelle").
/// </summary>
internal sealed record BarChart(
    string Title,
    string? Description,
    string CategoryHeader,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<Bar> Bars) : ChartModel(Title, Description)
{
    public IReadOnlyList<ChartSeries> Series { get; } = Series.Count > 0
        ? Series
        : throw new ArgumentException("A bar chart needs at least one series.", nameof(Series));

    public IReadOnlyList<Bar> Bars { get; } = CheckBars(Bars, Series.Count);

    public bool IsStacked => Series.Count > 1;

    /// <summary>A plain bar chart of one value per label.</summary>
    public static BarChart Simple(string title, string? description, string categoryHeader, string valueHeader, IEnumerable<(string Label, double Value)> bars) =>
        new(title, description, categoryHeader, [new ChartSeries(valueHeader, Tone.None)], [.. bars.Select(b => new Bar(b.Label, [b.Value]))]);

    private static IReadOnlyList<Bar> CheckBars(IReadOnlyList<Bar> bars, int series)
    {
        foreach (var bar in bars)
        {
            if (bar.Values.Count != series)
            {
                throw new ArgumentException($"Bar '{bar.Label}' has {bar.Values.Count} values for {series} series.", nameof(bars));
            }

            if (bar.Values.Any(v => !double.IsFinite(v) || v < 0))
            {
                throw new ArgumentException($"Bar '{bar.Label}' has a negative or non-finite value.", nameof(bars));
            }
        }

        return bars;
    }
}

/// <summary>One segment kind of a stacked bar chart, with its legend text; the tone picks colour and pattern.</summary>
internal sealed record ChartSeries(string Name, Tone Tone);

internal sealed record Bar(string Label, IReadOnlyList<double> Values)
{
    public double Total => Values.Sum();
}

/// <summary>A percentage over time, e.g. the response rate of a campaign; points are kept in date order.</summary>
internal sealed record LineChart(string Title, string? Description, string ValueHeader, IReadOnlyList<LinePoint> Points)
    : ChartModel(Title, Description)
{
    public IReadOnlyList<LinePoint> Points { get; } = [.. Points.OrderBy(p => p.Date)];
}

internal sealed record LinePoint
{
    public LinePoint(DateOnly date, double percent)
    {
        if (!double.IsFinite(percent) || percent < 0 || percent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentage lies between 0 and 100.");
        }

        Date = date;
        Percent = percent;
    }

    public DateOnly Date { get; }

    public double Percent { get; }
}

/// <summary>
/// A Gantt chart: one row per <see cref="GanttRow"/>, each with its bars on a month axis. Every bar kind has its own
/// lane inside a row (the first kind at the top), so a kind is told apart by its place and its pattern, not by colour
/// alone; milestones are diamonds, filled for the first milestone kind and hollow for the second. Months are first
/// days (<see cref="DateOnly"/> with day 1); a bar's end is exclusive. <paramref name="Today"/>, when inside the
/// axis, draws a vertical line.
/// </summary>
internal sealed record GanttChart(
    string Title,
    string? Description,
    string RowHeader,
    IReadOnlyList<ChartSeries> Kinds,
    IReadOnlyList<string> MilestoneKinds,
    IReadOnlyList<GanttRow> Rows,
    DateOnly? Today = null) : ChartModel(Title, Description)
{
    public IReadOnlyList<ChartSeries> Kinds { get; } = Kinds.Count > 0
        ? Kinds
        : throw new ArgumentException("A Gantt chart needs at least one bar kind.", nameof(Kinds));

    public IReadOnlyList<string> MilestoneKinds { get; } = MilestoneKinds.Count <= 2
        ? MilestoneKinds
        : throw new ArgumentException("A Gantt chart draws at most two milestone kinds (filled and hollow).", nameof(MilestoneKinds));

    public IReadOnlyList<GanttRow> Rows { get; } = CheckRows(Rows, Kinds.Count, MilestoneKinds.Count);

    /// <summary>The first month of the axis: the earliest bar or milestone (null when there is none).</summary>
    public DateOnly? From => Rows.SelectMany(r => r.Bars.Select(b => b.Start).Concat(r.Milestones.Select(m => m.Month))).Cast<DateOnly?>().Min();

    /// <summary>Whether the chart draws the line of <see cref="Today"/>: only when today lies on the axis (a caption that explains the line says so only then).</summary>
    public bool TodayDrawn => Rows.Count > 0 && Today is { } today && From is { } from && To is { } to && today >= from && today < to;

    /// <summary>The month after the axis: the latest bar end, or the month after the latest milestone.</summary>
    public DateOnly? To => Rows.SelectMany(r => r.Bars.Select(b => b.End).Concat(r.Milestones.Select(m => m.Month.AddMonths(1)))).Cast<DateOnly?>().Max();

    private static IReadOnlyList<GanttRow> CheckRows(IReadOnlyList<GanttRow> rows, int kinds, int milestoneKinds)
    {
        foreach (var row in rows)
        {
            if (row.Bars.Any(b => b.Kind < 0 || b.Kind >= kinds))
            {
                throw new ArgumentException($"Row '{row.Label}' has a bar of an unknown kind.", nameof(rows));
            }

            if (row.Milestones.Any(m => m.Kind < 0 || m.Kind >= milestoneKinds))
            {
                throw new ArgumentException($"Row '{row.Label}' has a milestone of an unknown kind.", nameof(rows));
            }
        }

        return rows;
    }
}

/// <summary>
/// One row; <paramref name="Detail"/>, when given, is drawn as the label's own second line (e.g. the pillar under a
/// long body name, so cutting the name never hides it) and joins the label with " · " in tables and tooltips.
/// </summary>
internal sealed record GanttRow(string Label, IReadOnlyList<GanttBar> Bars, IReadOnlyList<GanttMilestone> Milestones, string? Detail = null)
{
    public string FullLabel => Detail is null ? Label : Label + " · " + Detail;
}

/// <summary>A bar from the first day of <see cref="Start"/> to the first day of <see cref="End"/> (exclusive).</summary>
internal sealed record GanttBar
{
    public GanttBar(int kind, DateOnly start, DateOnly end)
    {
        if (start.Day != 1 || end.Day != 1)
        {
            throw new ArgumentException("Gantt bars start and end on the first day of a month.", nameof(start));
        }

        if (end < start)
        {
            throw new ArgumentException($"A bar ends ({end}) before it starts ({start}).", nameof(end));
        }

        Kind = kind;
        Start = start;
        End = end;
    }

    public int Kind { get; }

    public DateOnly Start { get; }

    public DateOnly End { get; }
}

/// <summary>A milestone at the start of <paramref name="Month"/> (a first day).</summary>
internal sealed record GanttMilestone(int Kind, DateOnly Month);
