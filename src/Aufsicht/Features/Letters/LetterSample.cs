using Aufsicht.Core.Law;

namespace Aufsicht.Features.Letters;

/// <summary>
/// The sample case every letter can be previewed on (the editor's „Beispieldaten“), and the tests' letter data: the
/// LfDI M-V writes to a school in Güstrow. Every variable of every kind has a value, so a preview shows all of a template.
/// </summary>
internal static class LetterSample
{
    public const string FileNumber = "LfDI-2026-0042";

    /// <summary>A 1×1 PNG, for the logo.</summary>
    public static readonly byte[] Logo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    internal static LetterData Data(Language language, bool logo = false)
    {
        var de = language == Language.De;
        return new LetterData(
            new LetterAuthority(
                de ? "Der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern" : "The Data Protection Commissioner of Mecklenburg-Western Pomerania",
                ["Werderstraße 74a", "19055 Schwerin"],
                [de ? "Telefon: 0385 59494-0" : "Telephone: +49 385 59494-0", "E-Mail: info@datenschutz-mv.de"],
                "Schwerin",
                de ? "Verwaltungsgericht Schwerin" : "Administrative Court of Schwerin",
                logo ? Logo : null),
            new LetterRecipient("Grundschule Am Inselsee", de ? "Frau Schulleiterin Dr. Anna Beispiel" : "Dr Anna Beispiel, head teacher", ["Inselseeweg 3", "18273 Güstrow"]),
            new LetterHandler("Jens Muster", de ? "Referent" : "Case officer"),
            FileNumber,
            new DateOnly(2026, 12, 18))
        {
            Facts = de
                ? "Die Schule nutzt seit dem 1. September 2026 einen Videokonferenzdienst für den Unterricht. Nach ihren Antworten in unserer Umfrage vom 2. November 2026 werden Bild und Ton der Schülerinnen und Schüler an den Anbieter übermittelt, ohne dass ein Auftragsverarbeitungsvertrag geschlossen wurde."
                : "Since 1 September 2026 the school has used a video conferencing service for lessons. According to its answers in our survey of 2 November 2026, the pupils' images and voices are transmitted to the provider without a data processing agreement.",
            Deadline = new LetterDeadline(
                new DateOnly(2027, 1, 4),
                de ? "2 Wochen" : "2 weeks",
                de
                    ? "Das Schreiben geht Ihnen am Freitag, 18.12.2026, elektronisch zu. Die Frist endet rechnerisch am Freitag, 01.01.2027, einem Feiertag (Neujahrstag), und daher am Montag, 04.01.2027 (§ 31 Abs. 3 VwVfG)."
                    : "This letter reaches you electronically on Friday, 18 Dec 2026. The period would end on Friday, 1 Jan 2027, a public holiday (New Year's Day), and therefore ends on Monday, 4 Jan 2027 (section 31(3) VwVfG)."),
            Infringements =
            [
                new LetterInfringement(de ? "Kein Vertrag zur Auftragsverarbeitung" : "No data processing agreement", "T02", ["Art. 28(3)"]),
                new LetterInfringement(de ? "Keine Ende-zu-Ende-Verschlüsselung" : "No end-to-end encryption", "T05", ["Art. 32(1)", "Art. 5(1)(f)"]),
            ],
            Measure = new LetterMeasure(
                de ? "Anweisung, die Verarbeitung mit der DSGVO in Einklang zu bringen" : "order to bring the processing into compliance with the GDPR",
                ["Art. 58(2)(d)"],
                de
                    ? ["Die Schule schließt mit dem Anbieter einen Vertrag nach Art. 28 Abs. 3 DSGVO.", "Die Schule aktiviert die Ende-zu-Ende-Verschlüsselung für alle Unterrichtsräume."]
                    : ["The school concludes an agreement under Art. 28(3) GDPR with the provider.", "The school enables end-to-end encryption for all lesson rooms."]),
            Fine = new LetterFine(150_000m, de
                ? "Ausgangsbetrag nach den Leitlinien 04/2022 des EDSA: 10 % des Höchstbetrags; angepasst um die Mitwirkung (minus 10 %)."
                : "Starting amount under EDPB Guidelines 04/2022: 10 % of the maximum; adjusted for cooperation (minus 10 %)."),
            HearingGround = de ? "Anlass ist die Auswertung der Umfrage zu Videokonferenzdiensten an Schulen." : "The hearing follows the evaluation of the survey on video conferencing services at schools.",
            HearingDate = new DateOnly(2026, 11, 20),
            Statement = "",
            Discretion = de
                ? "Die Maßnahme ist geeignet, erforderlich und angemessen: Ein milderes Mittel, das die Verstöße ebenso wirksam beendet, ist nicht ersichtlich."
                : "The measure is suitable, necessary and proportionate: no milder means that ends the infringements as effectively is apparent.",
            Evidence = de ? "Antworten der Stelle in der Umfrage; Auskunft des Anbieters." : "The body's answers in the survey; information from the provider.",
            ClosingReason = de ? "Die Schule hat die festgestellten Mängel behoben." : "The school has remedied the deficiencies.",
        };
    }
}
