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
