using System.Globalization;
using System.Text;
using System.Xml;
using Aufsicht.Core.Law;

namespace Aufsicht.Documents;

/// <summary>
/// Numbers and dates as readers of each language expect them. Written by hand because the app runs with invariant
/// globalization (no ICU), where a de-DE culture is not available.
/// </summary>
internal static class ReportFormat
{
    public static string Number(double value, Language language)
    {
        var invariant = Math.Round(value, 1).ToString("#,0.#", CultureInfo.InvariantCulture);
        return language == Language.De ? SwapSeparators(invariant) : invariant;
    }

    public static string Percent(double value, Language language) =>
        language == Language.De ? Number(value, language) + "\u00A0%" : Number(value, language) + "%";

    public static string Date(DateOnly date, Language language) => Core.Assessment.FindingText.Date(date, language);

    /// <summary>A month as both languages write it in reports: <c>03/2027</c> (numeric, so no month name needs translating).</summary>
    public static string Month(DateOnly month) => month.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date for a crowded axis, without the year.</summary>
    public static string ShortDate(DateOnly date, Language language) =>
        language == Language.De
            ? date.ToString("dd.MM.", CultureInfo.InvariantCulture)
            : date.ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>SVG/XML coordinates: always a point as decimal separator, whatever the culture.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Drops characters XML cannot carry (control characters, lone surrogates), which user data may contain; an
    /// XmlWriter would otherwise throw and the whole report would fail over one stray byte.
    /// </summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Text as the PDF font can draw it: control characters dropped, tabs as spaces.</summary>
    public static string Printable(string? text) =>
        XmlSafe(text?.Replace('\t', ' ').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));

    private static string SwapSeparators(string invariant)
    {
        var chars = invariant.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch { ',' => '.', '.' => ',', var c => c };
        }

        return new string(chars);
    }
}
