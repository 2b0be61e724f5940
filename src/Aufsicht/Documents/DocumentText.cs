namespace Aufsicht.Documents;

/// <summary>The texts of this feature's pages and messages, German first (merged into <see cref="Web.UiText"/>).</summary>
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
        ["report.generator"] = ("Aufsicht – Datenschutzaufsicht über Cloud-Dienste", "Aufsicht – supervising cloud services under the GDPR"),
    };
}
