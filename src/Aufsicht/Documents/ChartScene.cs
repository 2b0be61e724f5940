using Aufsicht.Core.Law;

namespace Aufsicht.Documents;

/// <summary>
/// A chart laid out once in abstract units (1 unit = 1 CSS px in SVG), then drawn by <see cref="SvgChart"/> and by
/// <see cref="PdfWriter"/> alike, so the page, the ODT and the PDF show the same picture.
/// </summary>
internal sealed record ChartScene(double Width, double Height, IReadOnlyList<Shape> Shapes);

internal abstract record Shape;

/// <summary>A bar segment or legend swatch, filled with its tone's colour and pattern; the tooltip is for SVG.</summary>
internal sealed record SegmentShape(double X, double Y, double Width, double Height, Tone Tone, string? Tooltip) : Shape;

internal sealed record LineShape(double X1, double Y1, double X2, double Y2, string Colour, double Thickness, string CssClass) : Shape;

internal enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>Text whose <paramref name="Y"/> is the baseline.</summary>
internal sealed record TextShape(double X, double Y, string Text, double Size, TextAnchor Anchor, bool Bold, string Colour, string CssClass) : Shape;

internal sealed record PolylineShape(IReadOnlyList<(double X, double Y)> Points, string Colour, double Thickness) : Shape;

internal sealed record DotShape(double X, double Y, double Radius, string Fill, string Outline) : Shape;

internal static class ChartLayout
{
    public const double Width = 640;

    private const double Pad = 8;
    private const double FontSize = 12;
    private const double SmallFont = 11;

    /// <summary>
    /// Width of text in Liberation Sans / Arial, estimated: SVG has no text measurement, and the PDF must lay out the
    /// same way. Slightly generous, so labels rather leave room than overlap.
    /// </summary>
    public static double TextWidth(string text, double size, bool bold = false) => text.Length * size * (bold ? 0.6 : 0.56);

    public static ChartScene Lay(ChartModel model, Language language) => model switch
    {
        BarChart bar => LayBars(bar, language),
        LineChart line => LayLine(line, language),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model.GetType().Name, "Unknown chart kind."),
    };

    private static ChartScene LayBars(BarChart chart, Language language)
    {
        var shapes = new List<Shape>();
        var y = Pad;

        if (chart.IsStacked)
        {
            y = LayLegend(chart.Series, shapes, y);
        }

        if (chart.Bars.Count == 0)
        {
            shapes.Add(new TextShape(Pad, y + FontSize, DocumentText.T(language, "report.chart.empty"), FontSize, TextAnchor.Start, false, ReportPalette.AxisText, "chart-text"));
            return new ChartScene(Width, y + FontSize + (2 * Pad), shapes);
        }

        // Labels take what they need up to a third of the width, wrapping onto a second line before that.
        var labelWidth = Math.Min(Width / 3, chart.Bars.Max(b => TextWidth(b.Label, FontSize)));
        var labels = chart.Bars.Select(b => Wrap(b.Label, labelWidth, FontSize, 2)).ToList();
        labelWidth = Math.Max(40, labels.SelectMany(l => l).Max(l => TextWidth(l, FontSize)));

        var maxTotal = chart.Bars.Max(b => b.Total);
        var (axisMax, step) = NiceAxis(maxTotal);
        var totalWidth = TextWidth(ReportFormat.Number(maxTotal, language), FontSize, true) + 8;
        var x0 = Pad + labelWidth + 8;
        var x1 = Width - Pad - totalWidth;
        var scale = (x1 - x0) / axisMax;
        var top = y;

        // Grid first, so bars lie over it.
        var rowHeights = labels.Select(l => Math.Max(28, (l.Count * 14) + 10)).ToList();
        var bottom = top + rowHeights.Sum();
        for (var tick = 0.0; tick <= axisMax + (step / 2); tick += step)
        {
            var x = x0 + (tick * scale);
            shapes.Add(new LineShape(x, top, x, bottom, tick == 0 ? ReportPalette.Axis : ReportPalette.Grid, tick == 0 ? 1 : 0.75, tick == 0 ? "chart-axis" : "chart-grid"));
            shapes.Add(new TextShape(x, bottom + 14, ReportFormat.Number(tick, language), SmallFont, TextAnchor.Middle, false, ReportPalette.AxisText, "chart-tick"));
        }

        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var rowHeight = rowHeights[i];
            var middle = y + (rowHeight / 2);
            var lines = labels[i];
            var firstBaseline = middle - ((lines.Count - 1) * 7) + 4;
            for (var l = 0; l < lines.Count; l++)
            {
                shapes.Add(new TextShape(x0 - 8, firstBaseline + (l * 14), lines[l], FontSize, TextAnchor.End, false, ReportPalette.Ink, "chart-label"));
            }

            var barHeight = 18.0;
            var x = x0;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var value = bar.Values[s];
                if (value <= 0)
                {
                    continue;
                }

                var width = value * scale;
                var series = chart.Series[s];
                var number = ReportFormat.Number(value, language);
                var tooltip = chart.IsStacked ? $"{bar.Label} – {series.Name}: {number}" : $"{bar.Label}: {number}";
                shapes.Add(new SegmentShape(x, middle - (barHeight / 2), width, barHeight, series.Tone, tooltip));
                if (chart.IsStacked && width >= TextWidth(number, SmallFont, true) + 6)
                {
                    shapes.Add(new TextShape(x + (width / 2), middle + 4, number, SmallFont, TextAnchor.Middle, true, ReportPalette.For(series.Tone).Text, "chart-value"));
                }

                x += width;
            }

            shapes.Add(new TextShape(x + 5, middle + 4, ReportFormat.Number(bar.Total, language), FontSize, TextAnchor.Start, true, ReportPalette.Ink, "chart-total"));
            y += rowHeight;
        }

        return new ChartScene(Width, bottom + 14 + Pad, shapes);
    }

    private static double LayLegend(IReadOnlyList<ChartSeries> series, List<Shape> shapes, double y)
    {
        const double swatch = 14;
        var x = Pad;
        foreach (var item in series)
        {
            var itemWidth = swatch + 6 + TextWidth(item.Name, FontSize) + 16;
            if (x > Pad && x + itemWidth > Width - Pad)
            {
                x = Pad;
                y += 20;
            }

            shapes.Add(new SegmentShape(x, y, swatch, swatch, item.Tone, null));
            shapes.Add(new TextShape(x + swatch + 6, y + 11.5, item.Name, FontSize, TextAnchor.Start, false, ReportPalette.Ink, "chart-legend"));
            x += itemWidth;
        }

        return y + swatch + 14;
    }

    private static ChartScene LayLine(LineChart chart, Language language)
    {
        var shapes = new List<Shape>();
        const double height = 280;
        var left = Pad + TextWidth(ReportFormat.Percent(100, language), SmallFont) + 8;
        var right = Width - Pad - 24;
        const double top = Pad + 8;
        const double bottom = height - Pad - 22;

        for (var tick = 0; tick <= 100; tick += 25)
        {
            var y = bottom - ((bottom - top) * tick / 100.0);
            shapes.Add(new LineShape(left, y, right, y, tick == 0 ? ReportPalette.Axis : ReportPalette.Grid, tick == 0 ? 1 : 0.75, tick == 0 ? "chart-axis" : "chart-grid"));
            shapes.Add(new TextShape(left - 6, y + 4, ReportFormat.Percent(tick, language), SmallFont, TextAnchor.End, false, ReportPalette.AxisText, "chart-tick"));
        }

        var points = chart.Points;
        if (points.Count == 0)
        {
            shapes.Add(new TextShape((left + right) / 2, (top + bottom) / 2, DocumentText.T(language, "report.chart.empty"), FontSize, TextAnchor.Middle, false, ReportPalette.AxisText, "chart-text"));
            return new ChartScene(Width, height, shapes);
        }

        var first = points[0].Date.DayNumber;
        var span = points[^1].Date.DayNumber - first;
        double X(LinePoint p) => span == 0 ? (left + right) / 2 : left + 12 + ((right - left - 24) * (p.Date.DayNumber - first) / span);
        double Y(LinePoint p) => bottom - ((bottom - top) * p.Percent / 100);

        // Date labels only as many as fit side by side; always the first and the last.
        var labelWidth = TextWidth(ReportFormat.ShortDate(points[0].Date, language), SmallFont) + 12;
        var every = Math.Max(1, (int)Math.Ceiling(points.Count * labelWidth / (right - left)));
        for (var i = 0; i < points.Count; i++)
        {
            var isLast = i == points.Count - 1;
            if (i % every == 0 || isLast)
            {
                if (isLast && i % every != 0 && X(points[i]) - X(points[i - (i % every)]) < labelWidth)
                {
                    continue;
                }

                shapes.Add(new LineShape(X(points[i]), bottom, X(points[i]), bottom + 4, ReportPalette.Axis, 1, "chart-axis"));
                shapes.Add(new TextShape(X(points[i]), bottom + 17, ReportFormat.ShortDate(points[i].Date, language), SmallFont, TextAnchor.Middle, false, ReportPalette.AxisText, "chart-tick"));
            }
        }

        if (points.Count > 1)
        {
            shapes.Add(new PolylineShape([.. points.Select(p => (X(p), Y(p)))], ReportPalette.Line, 2.5));
        }

        var labelled = points.Count <= 12;
        foreach (var point in points)
        {
            shapes.Add(new DotShape(X(point), Y(point), 4, ReportPalette.Line, "#FFFFFF"));
            if (labelled)
            {
                // Above the point unless that would leave the plot; values near 100 % go below.
                var labelY = Y(point) - 9 < top + 4 ? Y(point) + 18 : Y(point) - 9;
                shapes.Add(new TextShape(X(point), labelY, ReportFormat.Percent(point.Percent, language), SmallFont, TextAnchor.Middle, true, ReportPalette.Ink, "chart-value"));
            }
        }

        return new ChartScene(Width, height, shapes);
    }

    /// <summary>An axis end at 1, 2 or 5 times a power of ten, with four or five steps.</summary>
    internal static (double Max, double Step) NiceAxis(double max)
    {
        if (max <= 0)
        {
            return (1, 1);
        }

        var rough = max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        if (max <= 10 && step < 1)
        {
            // Counts of bodies are whole numbers: no ticks at 0.5.
            step = 1;
        }

        return (Math.Ceiling(max / step) * step, step);
    }

    /// <summary>Wraps at spaces to at most <paramref name="maxLines"/>, ending the last line with "…" if cut.</summary>
    internal static List<string> Wrap(string text, double width, double size, int maxLines)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (TextWidth(candidate, size) <= width || current.Length == 0)
            {
                current = candidate;
            }
            else
            {
                lines.Add(current);
                current = word;
            }
        }

        lines.Add(current);
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i] = Fit(lines[i], width, size);
        }

        if (lines.Count > maxLines)
        {
            lines = lines[..maxLines];
            lines[^1] = Fit(lines[^1] + " …", width, size);
        }

        return lines;
    }

    private static string Fit(string line, double width, double size)
    {
        if (TextWidth(line, size) <= width)
        {
            return line;
        }

        var keep = Math.Max(1, (int)(width / (size * 0.56)) - 1);
        return line[..Math.Min(keep, line.Length)].TrimEnd() + "…";
    }
}
