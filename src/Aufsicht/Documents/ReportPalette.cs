namespace Aufsicht.Documents;

/// <summary>How a segment is filled besides its colour, so tones stay apart in greyscale and for colour-blind readers.</summary>
internal enum FillPattern
{
    Solid,
    Diagonal,
    CrossHatch,
    Dots,
}

/// <summary>
/// The colours of reports. Text colours reach at least 4.5:1 against their background (WCAG AA); light fills get a
/// dark outline so the segment edge still reaches 3:1 against white (WCAG 1.4.11).
/// </summary>
internal static class ReportPalette
{
    /// <summary>Body text and bar totals (17.4:1 on white).</summary>
    public const string Ink = "#1A1A1A";

    /// <summary>Axis labels (12.6:1 on white).</summary>
    public const string AxisText = "#333333";

    public const string Axis = "#595959";

    public const string Grid = "#D0D0D0";

    public const string TableBorder = "#808080";

    public const string TableHeaderFill = "#E6E6E6";

    public const string Line = "#1F5FA8";

    public static Swatch For(Tone tone) => tone switch
    {
        // White on #1E7B34: 5.3:1.
        Tone.Green => new Swatch("#1E7B34", "#14532A", "#FFFFFF", FillPattern.Solid, "#14532A", "#DCEFE0"),
        // Ink on #F2C94C: 11:1; the hatching is thin so the value label stays readable.
        Tone.Yellow => new Swatch("#F2C94C", "#7A5C00", Ink, FillPattern.Diagonal, "#B8860B", "#FCF1C6"),
        // White on #B3261E: 6.5:1.
        Tone.Red => new Swatch("#B3261E", "#7A1A14", "#FFFFFF", FillPattern.CrossHatch, "#8E1E18", "#F6D5D2"),
        // Ink on #D9D9D9: 12.3:1.
        Tone.Grey => new Swatch("#D9D9D9", "#595959", Ink, FillPattern.Dots, "#7F7F7F", "#EBEBEB"),
        // White on #1F5FA8: 6.4:1.
        _ => new Swatch("#1F5FA8", "#153F70", "#FFFFFF", FillPattern.Solid, "#153F70", "#FFFFFF"),
    };
}

/// <summary>
/// A tone's colours: <paramref name="Fill"/> of a segment, its <paramref name="Outline"/>, the
/// <paramref name="Text"/> colour of a label on it, the pattern and its <paramref name="PatternInk"/>, and the light
/// <paramref name="Tint"/> for a table cell (where the text is <see cref="ReportPalette.Ink"/>).
/// </summary>
internal sealed record Swatch(string Fill, string Outline, string Text, FillPattern Pattern, string PatternInk, string Tint);
