using Aufsicht.Core.Law;
using Aufsicht.Documents;

namespace Aufsicht.Tests.Documents;

/// <summary>A report shaped like a survey campaign's, with umlauts, „German quotes“ and user-typed names.</summary>
internal static class SampleReport
{
    public const string Title = "Umfrage: Einsatz von Videokonferenzsystemen 2026";

    public static BarChart VerdictsByKind() => new(
        "Ergebnis nach Art der Stelle",
        null,
        "Art der Stelle",
        [
            new ChartSeries("konform", Tone.Green),
            new ChartSeries("mangelhaft", Tone.Red),
            new ChartSeries("unklar", Tone.Yellow),
            new ChartSeries("nicht beantwortet", Tone.Grey),
        ],
        [
            new Bar("Gemeinden", [41, 17, 9, 12]),
            new Bar("Ämter", [12, 4, 3, 2]),
            new Bar("Kreise und kreisfreie Städte", [9, 3, 1, 2]),
            new Bar("Schulen in öffentlicher Trägerschaft", [58, 31, 22, 40]),
            new Bar("Landesbehörden", [6, 1, 0, 0]),
        ]);

    public static LineChart ResponseRate() => new(
        "Rücklaufquote",
        null,
        "Rücklaufquote",
        [
            new LinePoint(new DateOnly(2026, 2, 2), 0),
            new LinePoint(new DateOnly(2026, 2, 9), 18.5),
            new LinePoint(new DateOnly(2026, 2, 16), 39),
            new LinePoint(new DateOnly(2026, 2, 23), 52.5),
            new LinePoint(new DateOnly(2026, 3, 2), 61),
            new LinePoint(new DateOnly(2026, 3, 9), 74.2),
            new LinePoint(new DateOnly(2026, 3, 16), 81),
        ]);

    public static Table DeficientBodies(int count = 6)
    {
        string[] names = ["Gemeinde Süderbrarup", "Amt Kappeln-Land", "Stadt Schleswig", "Gemeinschaftsschule Großenwiehe", "Kreis Nordfriesland", "Gemeinde Tarp"];
        string[] findings =
        [
            "Zoom (US-Anbieter) ohne Auftragsverarbeitungsvertrag; keine Prüfung der Drittlandübermittlung",
            "Microsoft Teams mit Telemetrie „optional“ eingeschaltet",
            "Keine Angabe zur Rechtsgrundlage",
            "Webex: Aufzeichnungen werden beim Anbieter gespeichert",
            "Datenschutz-Folgenabschätzung fehlt",
            "Jitsi selbst betrieben, aber ohne Löschkonzept",
        ];
        string[] verdicts = ["rot", "gelb", "gelb", "rot", "gelb", "gelb"];
        var rows = Enumerable.Range(0, count).Select(i => (IReadOnlyList<string>)[$"{names[i % names.Length]}{(i >= names.Length ? $" ({(i / names.Length) + 1})" : "")}", findings[i % findings.Length], verdicts[i % verdicts.Length]]).ToList();
        var tones = rows.Select(r => (IReadOnlyList<Tone>)[Tone.None, Tone.None, r[2] == "rot" ? Tone.Red : Tone.Yellow]).ToList();
        return new Table("Stellen mit Mängeln", ["Stelle", "Wesentliche Feststellung", "Ampel"], rows, tones);
    }

    public static ReportDocument Build(Language language = Language.De, int deficientBodies = 6) => new(
        Title,
        "Landesbeauftragte für Datenschutz – Auswertung zum 16.03.2026",
        language,
        [
            new Heading("Kennzahlen"),
            new KeyValues(
            [
                new KeyValue("Angeschriebene Stellen", "273"),
                new KeyValue("Antworten", "221 (81 %)"),
                new KeyValue("Davon mit Mängeln", "56"),
                new KeyValue("Zeitraum", "02.02.2026 bis 16.03.2026"),
            ]),
            new Paragraph("Die Umfrage richtete sich an alle öffentlichen Stellen des Landes. Gefragt wurde nach den eingesetzten Videokonferenzsystemen, nach Verträgen zur Auftragsverarbeitung und nach Übermittlungen in Drittländer. Die Bewertung folgt dem „Ampelschema“ der Aufsichtsbehörde."),
            new Heading("Ergebnisse"),
            new Heading("Nach Art der Stelle", 2),
            new Chart(VerdictsByKind()),
            new Heading("Rücklauf", 2),
            new Chart(ResponseRate()),
            new Heading("Stellen mit Mängeln"),
            DeficientBodies(deficientBodies),
            new Paragraph("Die Stellen werden einzeln angeschrieben; eine Frist zur Stellungnahme von vier Wochen wird gesetzt."),
        ]);
}
