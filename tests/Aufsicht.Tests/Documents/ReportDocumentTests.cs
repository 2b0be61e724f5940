using Aufsicht.Core.Law;
using Aufsicht.Documents;
using Aufsicht.Features;
using Xunit;

namespace Aufsicht.Tests.Documents;

[Trait("Category", "Unit")]
public sealed class ReportDocumentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Heading_LevelOutsideOneToThree_Throws(int level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Heading("x", level));
    }

    [Fact]
    public void Table_RowWithWrongCellCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Table("t", ["a", "b"], [["1"]]));
    }

    [Fact]
    public void Table_TonesOfOtherShape_Throw()
    {
        Assert.Throws<ArgumentException>(() => new Table("t", ["a"], [["1"]], [[Tone.Red, Tone.Red]]));
    }

    [Fact]
    public void BarChart_ValuesNotMatchingSeries_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BarChart("t", null, "c", [new ChartSeries("s", Tone.None)], [new Bar("b", [1, 2])]));
        Assert.Throws<ArgumentException>(() => new BarChart("t", null, "c", [new ChartSeries("s", Tone.None)], [new Bar("b", [-1])]));
    }

    [Fact]
    public void LineChart_Points_AreSortedByDate()
    {
        var chart = new LineChart("t", null, "v", [new LinePoint(new DateOnly(2026, 3, 1), 50), new LinePoint(new DateOnly(2026, 1, 1), 10)]);

        Assert.Equal(new DateOnly(2026, 1, 1), chart.Points[0].Date);
    }

    [Theory]
    [InlineData(1234.5, Language.De, "1.234,5")]
    [InlineData(1234.5, Language.En, "1,234.5")]
    [InlineData(7, Language.De, "7")]
    [InlineData(0.04, Language.De, "0")]
    public void Number_Language_UsesItsSeparators(double value, Language language, string expected)
    {
        Assert.Equal(expected, ReportFormat.Number(value, language));
    }

    [Fact]
    public void DocumentText_EveryKey_HasBothLanguagesAndPrefix()
    {
        Assert.All(DocumentText.Entries, entry =>
        {
            Assert.StartsWith("report.", entry.Key, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(entry.Value.De));
            Assert.False(string.IsNullOrWhiteSpace(entry.Value.En));
            Assert.True(Texts.Has(entry.Key));
        });
    }
}
