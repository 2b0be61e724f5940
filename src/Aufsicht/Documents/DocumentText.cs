using Aufsicht.Core.Law;

namespace Aufsicht.Documents;

/// <summary>
/// The texts the renderers write themselves (page numbers, chart captions), German first. The library looks them up
/// here, in its own table, because it knows no feature; the app's one lookup lists this table too.
/// </summary>
internal static class DocumentText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["report.page"] = ("Seite {0} von {1}", "Page {0} of {1}"),
        ["report.table.continued"] = ("{0} (Fortsetzung)", "{0} (continued)"),
        ["report.chart.total"] = ("Gesamt", "Total"),
        ["report.chart.date"] = ("Datum", "Date"),
        ["report.chart.empty"] = ("Keine Daten", "No data"),
        ["report.chart.bar.describe"] = ("Balkendiagramm. {0}", "Bar chart. {0}"),
        ["report.chart.line.describe"] = ("Liniendiagramm. {0}", "Line chart. {0}"),
        ["report.chart.gantt.describe"] = ("Zeitplan. {0}", "Timeline. {0}"),
        ["report.chart.today"] = ("heute", "today"),
        ["report.letter.fileNumber"] = ("Aktenzeichen", "File number"),
        ["report.letter.date"] = ("Datum", "Date"),
        ["report.letter.handler"] = ("Bearbeitet von", "Handled by"),
        ["report.letter.onBehalf"] = ("Im Auftrag", "On behalf"),
        ["report.letter.logo"] = ("Logo: {0}", "Logo: {0}"),
        ["report.letter.attention"] = ("z. Hd. {0}", "Attn. {0}"),
        ["report.generator"] = ("Aufsicht – Datenschutzaufsicht über Cloud-Dienste", "Aufsicht – supervising cloud services under the GDPR"),
    };

    public static string T(Language language, string key) =>
        Entries.TryGetValue(key, out var text) ? (language == Language.De ? text.De : text.En) : key;

    public static string T(Language language, string key, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, T(language, key), args);
}
