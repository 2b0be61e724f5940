using System.Xml.Linq;
using Aufsicht.Core.Law;
using Aufsicht.Documents;
using Xunit;

namespace Aufsicht.Tests.Documents;

/// <summary>The Gantt chart of the shared chart library: its layout (bars on the axis, rows in order, today's line) and its accessible SVG and table.</summary>
[Trait("Category", "Unit")]
public sealed class GanttChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static DateOnly M(int year, int month) => new(year, month, 1);

    /// <summary>Two rows over 2027 to 2028: the first with three kinds and both milestones, the second with one bar.</summary>
    private static GanttChart Sample(DateOnly? today = null) => new(
        "Zeitplan",
        null,
        "Säule",
        [new ChartSeries("Vorbereitung", Tone.Grey), new ChartSeries("Pilot", Tone.Yellow), new ChartSeries("Umstellung", Tone.None)],
        ["Umgestellt", "Lizenz endet"],
        [
            new GanttRow("Bürosoftware", [new GanttBar(0, M(2027, 1), M(2027, 4)), new GanttBar(1, M(2027, 4), M(2027, 6)), new GanttBar(2, M(2027, 6), M(2028, 1))], [new GanttMilestone(0, M(2028, 1)), new GanttMilestone(1, M(2028, 12))]),
            new GanttRow("Betriebssystem", [new GanttBar(2, M(2028, 1), M(2029, 1))], []),
        ],
        today);

    [Fact]
    public void Lay_Bars_LieInsidePlotArea_OnTheirMonths_InLaneOrder()
    {
        var scene = ChartLayout.Lay(Sample(), Language.De);

        var bars = scene.Shapes.OfType<SegmentShape>().Where(s => s.Tooltip is not null).ToList();
        Assert.Equal(4, bars.Count);
        var axis = scene.Shapes.OfType<LineShape>().Where(l => l.CssClass == "chart-axis").ToList();
        var x0 = axis.Min(l => l.X1);
        var x1 = axis.Max(l => l.X2);
        var bottom = axis.Max(l => l.Y1);
        Assert.All(bars, b =>
        {
            Assert.InRange(b.X, x0, x1);
            Assert.InRange(b.X + b.Width, x0, x1 + 0.01);
            Assert.InRange(b.Y + b.Height, 0, bottom);
        });

        // 24 months from 01/2027 to 12/2028: the first bar starts at the axis, the last ends at its end.
        var perMonth = (x1 - x0) / 24;
        Assert.Equal(x0, bars[0].X, 3);
        Assert.Equal(3 * perMonth, bars[0].Width, 3);
        Assert.Equal(x0 + (12 * perMonth), bars[3].X, 3);
        Assert.Equal(x1, bars[3].X + bars[3].Width, 3);

        // Within a row each kind has its own lane, the first kind on top.
        Assert.True(bars[0].Y < bars[1].Y && bars[1].Y < bars[2].Y);
        Assert.Contains("Bürosoftware – Pilot: 04/2027 – 05/2027", bars[1].Tooltip, StringComparison.Ordinal);
    }

    [Fact]
    public void Lay_Rows_KeepTheirOrder_MilestonesOnTheirRow()
    {
        var scene = ChartLayout.Lay(Sample(), Language.De);

        var labels = scene.Shapes.OfType<TextShape>().Where(t => t.CssClass == "chart-label").ToList();
        Assert.Equal(["Bürosoftware", "Betriebssystem"], labels.Select(l => l.Text));
        Assert.True(labels[0].Y < labels[1].Y);

        var milestones = scene.Shapes.OfType<DiamondShape>().Where(d => d.Tooltip is not null).ToList();
        Assert.Equal(2, milestones.Count);
        Assert.All(milestones, d => Assert.True(d.Y < labels[1].Y - 10, "a milestone of the first row is drawn on the second"));
        Assert.NotEqual(milestones[0].Fill, milestones[1].Fill);
        Assert.True(milestones[0].X < milestones[1].X);
    }

    [Theory]
    [InlineData(2027, 1, 1, 0.0)]
    [InlineData(2028, 1, 1, 12.0)]
    [InlineData(2027, 7, 16, 6 + (15.0 / 31))]
    public void Lay_Today_IsAVerticalLineAtItsDay(int year, int month, int day, double monthsIn)
    {
        var scene = ChartLayout.Lay(Sample(new DateOnly(year, month, day)), Language.De);

        var axis = scene.Shapes.OfType<LineShape>().Where(l => l.CssClass == "chart-axis").ToList();
        var x0 = axis.Min(l => l.X1);
        var perMonth = (axis.Max(l => l.X2) - x0) / 24;
        var today = Assert.Single(scene.Shapes.OfType<LineShape>(), l => l.CssClass == "chart-today");
        Assert.Equal(today.X1, today.X2);
        Assert.InRange(today.X1, x0 + (monthsIn * perMonth) - 0.01, x0 + (monthsIn * perMonth) + 0.01);
        Assert.Contains(scene.Shapes.OfType<TextShape>(), t => t.Text == "heute");
    }

    [Fact]
    public void Lay_TodayOutsideTheAxis_DrawsNoLine()
    {
        var scene = ChartLayout.Lay(Sample(new DateOnly(2030, 5, 1)), Language.De);

        Assert.DoesNotContain(scene.Shapes.OfType<LineShape>(), l => l.CssClass == "chart-today");
        Assert.False(Sample(new DateOnly(2030, 5, 1)).TodayDrawn);
        Assert.False(Sample(new DateOnly(2026, 12, 5)).TodayDrawn);
        Assert.False(Sample(null).TodayDrawn);
        Assert.True(Sample(new DateOnly(2027, 7, 16)).TodayDrawn);
    }

    [Fact]
    public void Lay_YearsOnTheAxis()
    {
        var scene = ChartLayout.Lay(Sample(), Language.En);

        var ticks = scene.Shapes.OfType<TextShape>().Where(t => t.CssClass == "chart-tick").Select(t => t.Text).Distinct();
        Assert.Equal(["2027", "2028"], ticks);
    }

    [Fact]
    public void Render_Gantt_IsImageWithTitleDescriptionAndNoInlineStyle()
    {
        var svg = XDocument.Parse(SvgChart.Render(Sample(), Language.De, "gantt"));

        var root = svg.Root!;
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("gantt-title gantt-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("Zeitplan", root.Element(Svg + "title")!.Value);
        Assert.StartsWith("Zeitplan. Bürosoftware: Vorbereitung 01/2027 – 03/2027", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Equal(2, svg.Descendants(Svg + "polygon").Count(p => p.Element(Svg + "title") is not null));
        Assert.DoesNotContain(svg.Descendants(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void TableOf_Gantt_HasAColumnPerKindAndMilestone()
    {
        var table = SvgChart.TableOf(Sample(), Language.De);

        Assert.Equal(["Säule", "Vorbereitung", "Pilot", "Umstellung", "Umgestellt", "Lizenz endet"], table.Headers);
        Assert.Equal(["Bürosoftware", "01/2027 – 03/2027", "04/2027 – 05/2027", "06/2027 – 12/2027", "01/2028", "12/2028"], table.Rows[0]);
        Assert.Equal(["Betriebssystem", "–", "–", "01/2028 – 12/2028", "–", "–"], table.Rows[1]);
    }

    [Fact]
    public void Pdf_WithGantt_IsWritten()
    {
        using var stream = new MemoryStream();
        PdfWriter.Write(new ReportDocument("Zeitschiene", null, Language.De, [new Chart(Sample(new DateOnly(2027, 3, 1)))]), stream);

        Assert.True(stream.Length > 1000);
    }

    [Fact]
    public void Lay_RowWithDetail_KeepsTheDetailOnItsOwnLine_WhenTheLabelIsCut()
    {
        var row = new GanttRow("Ministerium für Inneres, Kommunales, Wohnen und Sport des Landes (Demo)", [new GanttBar(0, M(2027, 1), M(2027, 3))], [], "Bürosoftware");
        var chart = new GanttChart("Zeitplan", null, "Stelle", [new ChartSeries("Vorbereitung", Tone.Grey)], [], [row]);

        var labels = ChartLayout.Lay(chart, Language.De).Shapes.OfType<TextShape>().Where(t => t.CssClass == "chart-label").Select(t => t.Text).ToList();

        Assert.Equal(2, labels.Count);
        Assert.EndsWith("…", labels[0], StringComparison.Ordinal);
        Assert.Equal("Bürosoftware", labels[1]);
        Assert.Equal("Ministerium für Inneres, Kommunales, Wohnen und Sport des Landes (Demo) · Bürosoftware", SvgChart.TableOf(chart, Language.De).Rows[0][0]);
    }

    [Fact]
    public void New_BarOfUnknownKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GanttChart("x", null, "y", [new ChartSeries("a", Tone.None)], [], [new GanttRow("r", [new GanttBar(1, M(2027, 1), M(2027, 2))], [])]));
        Assert.Throws<ArgumentException>(() => new GanttBar(0, M(2027, 3), M(2027, 2)));
    }
}
