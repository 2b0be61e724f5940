using System.Xml.Linq;
using Aufsicht.Core.Law;
using Aufsicht.Documents;
using Xunit;

namespace Aufsicht.Tests.Documents;

[Trait("Category", "Unit")]
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_BarChart_IsWellFormedImageWithTitleAndDescription()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleReport.VerdictsByKind(), Language.De, "verdicts"));

        var root = svg.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("verdicts-title verdicts-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("Ergebnis nach Art der Stelle", root.Element(Svg + "title")!.Value);
        Assert.Equal("verdicts-title", (string?)root.Element(Svg + "title")!.Attribute("id"));
        Assert.Contains("Gemeinden: konform 41, mangelhaft 17", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bar")]
    [InlineData("line")]
    public void Render_AnyChart_HasNoInlineStyle(string kind)
    {
        ChartModel model = kind == "bar" ? SampleReport.VerdictsByKind() : SampleReport.ResponseRate();

        var svg = XDocument.Parse(SvgChart.Render(model, Language.De));

        Assert.DoesNotContain(svg.Descendants(), e => e.Attribute("style") is not null);
        Assert.Empty(svg.Descendants(Svg + "style"));
    }

    [Fact]
    public void Render_LabelWithMarkup_IsEscaped()
    {
        var model = BarChart.Simple("Titel <b>", "Beschreibung & mehr", "Stelle", "Anzahl", [("<Schule & \"Co\">", 3), ("Gemeinde\u0001Tarp", 2)]);

        var text = SvgChart.Render(model, Language.De);
        var svg = XDocument.Parse(text);

        Assert.DoesNotContain("<Schule", text, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "<Schule & \"Co\">");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "GemeindeTarp");
        Assert.Equal("Titel <b>", svg.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Render_StackedBars_HaveLegendAndPatternPerTone()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleReport.VerdictsByKind(), Language.De, "c1"));

        var legend = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "chart-legend").Select(t => t.Value);
        Assert.Equal(["konform", "mangelhaft", "unklar", "nicht beantwortet"], legend);
        var patterns = svg.Descendants(Svg + "pattern").Select(p => (string?)p.Attribute("id")).ToList();
        Assert.Equal(4, patterns.Count);
        Assert.All(patterns, id => Assert.StartsWith("c1-fill-", id, StringComparison.Ordinal));
        Assert.Contains(svg.Descendants(Svg + "text"), t => (string?)t.Attribute("class") == "chart-value" && t.Value == "58");
    }

    [Fact]
    public void Render_Numbers_UseInvariantCoordinatesAndGermanLabels()
    {
        var text = SvgChart.Render(SampleReport.ResponseRate(), Language.De);
        var svg = XDocument.Parse(text);

        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "18,5\u00A0%");
        Assert.All(svg.Descendants().Attributes("x"), a => Assert.DoesNotContain(",", a.Value, StringComparison.Ordinal));
        Assert.Contains("points=\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnsafeId_IsSanitised()
    {
        var svg = XDocument.Parse(SvgChart.Render(SampleReport.ResponseRate(), Language.En, "1 \"x\""));

        Assert.Equal("chart1x-title chart1x-desc", (string?)svg.Root!.Attribute("aria-labelledby"));
    }

    [Fact]
    public void TableOf_StackedBarChart_HasSeriesColumnsAndTotal()
    {
        var table = SvgChart.TableOf(SampleReport.VerdictsByKind(), Language.De);

        Assert.Equal(["Art der Stelle", "konform", "mangelhaft", "unklar", "nicht beantwortet", "Gesamt"], table.Headers);
        Assert.Equal(5, table.Rows.Count);
        Assert.Equal(["Gemeinden", "41", "17", "9", "12", "79"], table.Rows[0]);
        Assert.Equal(["Landesbehörden", "6", "1", "0", "0", "7"], table.Rows[4]);
    }

    [Fact]
    public void TableOf_LineChart_HasDatesAndPercentages()
    {
        var de = SvgChart.TableOf(SampleReport.ResponseRate(), Language.De);
        var en = SvgChart.TableOf(SampleReport.ResponseRate(), Language.En);

        Assert.Equal(["Datum", "Rücklaufquote"], de.Headers);
        Assert.Equal(["09.02.2026", "18,5\u00A0%"], de.Rows[1]);
        Assert.Equal(["Date", "Rücklaufquote"], en.Headers);
        Assert.Equal(["9 Feb 2026", "18.5%"], en.Rows[1]);
    }

    [Fact]
    public void Render_EmptyCharts_SayNoData()
    {
        var bar = XDocument.Parse(SvgChart.Render(BarChart.Simple("Leer", null, "Stelle", "Anzahl", []), Language.De));
        var line = XDocument.Parse(SvgChart.Render(new LineChart("Leer", null, "Quote", []), Language.En));

        Assert.Contains(bar.Descendants(Svg + "text"), t => t.Value == "Keine Daten");
        Assert.Contains(line.Descendants(Svg + "text"), t => t.Value == "No data");
    }

    [Fact]
    public void Wrap_LongLabel_CutsAfterTwoLinesWithEllipsis()
    {
        var lines = ChartLayout.Wrap("Gemeinschaftsschule mit Oberstufe am Standort Süderbrarup und Außenstelle Kappeln", 150, 12, 2);

        Assert.Equal(2, lines.Count);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(ChartLayout.TextWidth(l, 12) <= 150 + 12));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(79, 80, 20)]
    [InlineData(151, 200, 50)]
    public void NiceAxis_Maximum_RoundsUpToFriendlySteps(double max, double axisMax, double step)
    {
        Assert.Equal((axisMax, step), ChartLayout.NiceAxis(max));
    }
}
