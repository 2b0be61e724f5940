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

/// <summary>A milestone: a square on its tip, centred at (<paramref name="X"/>, <paramref name="Y"/>); the tooltip is for SVG.</summary>
internal sealed record DiamondShape(double X, double Y, double Radius, string Fill, string Outline, string? Tooltip) : Shape;

internal static class ChartLayout
{
    public const double Width = 640;

    private const double Pad = 8;
    private const double FontSize = 12;
    private const double SmallFont = 11;

    /// <summary>Every how many years a long Gantt axis is labelled.</summary>
    private static readonly int[] YearSteps = [2, 5, 10, 20, 50, 1000];

    /// <summary>
    /// Width of text in Liberation Sans / Arial, estimated: SVG has no text measurement, and the PDF must lay out the
    /// same way. Slightly generous, so labels rather leave room than overlap.
    /// </summary>
    public static double TextWidth(string text, double size, bool bold = false) => text.Length * size * (bold ? 0.6 : 0.56);

    public static ChartScene Lay(ChartModel model, Language language) => model switch
    {
        BarChart bar => LayBars(bar, language),
        LineChart line => LayLine(line, language),
        GanttChart gantt => LayGantt(gantt, language),
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

    private static ChartScene LayGantt(GanttChart chart, Language language)
    {
        const double lane = 5, laneGap = 1, rowPad = 4, swatch = 14;
        var shapes = new List<Shape>();

        // Legend: the bar kinds in their lane order, then the milestone kinds, wrapping as the bar legend does.
        var x = Pad;
        var y = Pad;
        void Item(double width, Action<double, double> draw)
        {
            if (x > Pad && x + width > Width - Pad)
            {
                x = Pad;
                y += 20;
            }

            draw(x, y);
            x += width;
        }

        foreach (var kind in chart.Kinds)
        {
            Item(swatch + 6 + TextWidth(kind.Name, FontSize) + 16, (lx, ly) =>
            {
                shapes.Add(new SegmentShape(lx, ly, swatch, swatch, kind.Tone, null));
                shapes.Add(new TextShape(lx + swatch + 6, ly + 11.5, kind.Name, FontSize, TextAnchor.Start, false, ReportPalette.Ink, "chart-legend"));
            });
        }

        for (var m = 0; m < chart.MilestoneKinds.Count; m++)
        {
            var name = chart.MilestoneKinds[m];
            var (fill, outline) = MilestoneInk(m);
            Item(swatch + 6 + TextWidth(name, FontSize) + 16, (lx, ly) =>
            {
                shapes.Add(new DiamondShape(lx + (swatch / 2), ly + (swatch / 2), 6, fill, outline, null));
                shapes.Add(new TextShape(lx + swatch + 6, ly + 11.5, name, FontSize, TextAnchor.Start, false, ReportPalette.Ink, "chart-legend"));
            });
        }

        y += swatch + 14;
        if (chart.Rows.Count == 0 || chart.From is not { } from || chart.To is not { } to)
        {
            shapes.Add(new TextShape(Pad, y + FontSize, DocumentText.T(language, "report.chart.empty"), FontSize, TextAnchor.Start, false, ReportPalette.AxisText, "chart-text"));
            return new ChartScene(Width, y + FontSize + (2 * Pad), shapes);
        }

        var labelWidth = Math.Min(Width / 3, chart.Rows.Max(r => Math.Max(TextWidth(r.Label, FontSize), TextWidth(r.Detail ?? "", FontSize))));
        var labels = chart.Rows.Select(r => r.Detail is null ? Wrap(r.Label, labelWidth, FontSize, 2) : [Fit(r.Label, labelWidth, FontSize), Fit(r.Detail, labelWidth, FontSize)]).ToList();
        labelWidth = Math.Max(40, labels.SelectMany(l => l).Max(l => TextWidth(l, FontSize)));
        var x0 = Pad + labelWidth + 8;
        var x1 = Width - Pad - 4;
        var months = Math.Max(1, MonthsBetween(from, to));
        var perMonth = (x1 - x0) / months;
        double X(DateOnly month) => x0 + (MonthsBetween(from, month) * perMonth);

        var kinds = chart.Kinds.Count;
        var lanes = (kinds * lane) + ((kinds - 1) * laneGap);
        var rowHeights = labels.Select(l => Math.Max(lanes + (2 * rowPad), (l.Count * 14) + 8)).ToList();
        var top = y + 16;
        var bottom = top + rowHeights.Sum();

        // Years: where a year is wide enough, its number in the middle of its span and a grid line at each January; on a
        // long plan a grid line and the number at every 2nd, 5th, 10th … January, so the numbers never crowd.
        var yearWidth = TextWidth("2027", SmallFont) + 8;
        var every = 12 * perMonth >= yearWidth ? 1 : YearSteps.First(n => n * 12 * perMonth >= yearWidth * 1.5);
        for (var year = from.Year; year <= to.AddDays(-1).Year; year++)
        {
            var january = new DateOnly(year, 1, 1);
            var text = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (every == 1)
            {
                if (january > from)
                {
                    shapes.Add(new LineShape(X(january), top, X(january), bottom, ReportPalette.Grid, 0.75, "chart-grid"));
                }

                var left = Math.Max(x0, X(january));
                var right = Math.Min(x1, X(january.AddYears(1)));
                if (right - left >= TextWidth(text, SmallFont) + 2)
                {
                    YearLabel((left + right) / 2, text);
                }
            }
            else if (year % every == 0 && january >= from)
            {
                shapes.Add(new LineShape(X(january), top, X(january), bottom, ReportPalette.Grid, 0.75, "chart-grid"));
                if (X(january) - (yearWidth / 2) >= Pad && X(january) + (yearWidth / 2) <= Width)
                {
                    YearLabel(X(january), text);
                }
            }
        }

        void YearLabel(double x, string text)
        {
            shapes.Add(new TextShape(x, top - 5, text, SmallFont, TextAnchor.Middle, false, ReportPalette.AxisText, "chart-tick"));
            shapes.Add(new TextShape(x, bottom + 15, text, SmallFont, TextAnchor.Middle, false, ReportPalette.AxisText, "chart-tick"));
        }

        shapes.Add(new LineShape(x0, top, x0, bottom, ReportPalette.Axis, 1, "chart-axis"));
        shapes.Add(new LineShape(x0, bottom, x1, bottom, ReportPalette.Axis, 1, "chart-axis"));
        if (perMonth >= 4)
        {
            for (var i = 1; i <= months; i++)
            {
                var tx = x0 + (i * perMonth);
                shapes.Add(new LineShape(tx, bottom, tx, bottom + 3, ReportPalette.Axis, 0.75, "chart-axis"));
            }
        }

        var rowTop = top;
        for (var i = 0; i < chart.Rows.Count; i++)
        {
            var row = chart.Rows[i];
            var height = rowHeights[i];
            var middle = rowTop + (height / 2);
            if (i > 0)
            {
                shapes.Add(new LineShape(Pad, rowTop, x1, rowTop, ReportPalette.Grid, 0.5, "chart-grid"));
            }

            var lines = labels[i];
            var firstBaseline = middle - ((lines.Count - 1) * 7) + 4;
            for (var l = 0; l < lines.Count; l++)
            {
                shapes.Add(new TextShape(x0 - 8, firstBaseline + (l * 14), lines[l], FontSize, TextAnchor.End, false, ReportPalette.Ink, "chart-label"));
            }

            var lanesTop = middle - (lanes / 2);
            foreach (var bar in row.Bars)
            {
                var kind = chart.Kinds[bar.Kind];
                var bx = X(bar.Start);
                var width = Math.Max(2, X(bar.End) - bx);
                shapes.Add(new SegmentShape(bx, lanesTop + (bar.Kind * (lane + laneGap)), width, lane, kind.Tone, $"{row.FullLabel} – {kind.Name}: {Span(bar)}"));
            }

            foreach (var milestone in row.Milestones)
            {
                var (fill, outline) = MilestoneInk(milestone.Kind);
                shapes.Add(new DiamondShape(X(milestone.Month), middle, 6, fill, outline, $"{row.FullLabel} – {chart.MilestoneKinds[milestone.Kind]}: {ReportFormat.Month(milestone.Month)}"));
            }

            rowTop += height;
        }

        if (chart.TodayDrawn && chart.Today is { } today)
        {
            // Within its month by the day, so "today" sits where the calendar is.
            var tx = X(new DateOnly(today.Year, today.Month, 1)) + (perMonth * (today.Day - 1) / DateTime.DaysInMonth(today.Year, today.Month));
            shapes.Add(new LineShape(tx, top - 14, tx, bottom, ReportPalette.Ink, 1.5, "chart-today"));
            var label = DocumentText.T(language, "report.chart.today");
            var anchor = tx + TextWidth(label, SmallFont, true) + 4 > Width - Pad ? TextAnchor.End : TextAnchor.Start;
            shapes.Add(new TextShape(anchor == TextAnchor.Start ? tx + 3 : tx - 3, top - 16, label, SmallFont, anchor, true, ReportPalette.Ink, "chart-today-label"));
        }

        return new ChartScene(Width, bottom + 15 + Pad, shapes);
    }

    /// <summary>A bar's months as a reader says them: „03/2027 – 05/2028“, the end month inclusive.</summary>
    internal static string Span(GanttBar bar) =>
        bar.End <= bar.Start.AddMonths(1)
            ? ReportFormat.Month(bar.Start)
            : ReportFormat.Month(bar.Start) + " – " + ReportFormat.Month(bar.End.AddMonths(-1));

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    /// <summary>The first milestone kind filled, the second hollow: told apart by shape, not colour.</summary>
    private static (string Fill, string Outline) MilestoneInk(int kind) => kind == 0 ? (ReportPalette.Ink, "#FFFFFF") : ("#FFFFFF", ReportPalette.Ink);

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
