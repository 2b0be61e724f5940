using System.Globalization;
using Aufsicht.Documents;
using Xunit;

namespace Aufsicht.Tests.Documents;

[Trait("Category", "Unit")]
public sealed class ReportPaletteTests
{
    [Theory]
    [InlineData(nameof(Tone.None))]
    [InlineData(nameof(Tone.Green))]
    [InlineData(nameof(Tone.Yellow))]
    [InlineData(nameof(Tone.Red))]
    [InlineData(nameof(Tone.Grey))]
    public void For_EveryTone_MeetsWcagContrast(string name)
    {
        var tone = Enum.Parse<Tone>(name);
        var swatch = ReportPalette.For(tone);

        Assert.True(Contrast(swatch.Text, swatch.Fill) >= 4.5, $"label on {tone}");
        Assert.True(Contrast(ReportPalette.Ink, swatch.Tint) >= 4.5, $"cell text on {tone}");
        Assert.True(Contrast(swatch.Outline, "#FFFFFF") >= 3, $"outline of {tone}");
    }

    [Theory]
    [InlineData(ReportPalette.Ink)]
    [InlineData(ReportPalette.AxisText)]
    public void TextColours_OnWhite_MeetWcagAa(string colour)
    {
        Assert.True(Contrast(colour, "#FFFFFF") >= 4.5);
    }

    [Fact]
    public void Tones_HaveDistinctPatternsBesideColour()
    {
        var patterns = new[] { Tone.Green, Tone.Yellow, Tone.Red, Tone.Grey }.Select(t => ReportPalette.For(t).Pattern);

        Assert.Equal(4, patterns.Distinct().Count());
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
