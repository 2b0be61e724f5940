using Aufsicht.Core.Law;

namespace Aufsicht.Features.Letters;

/// <summary>A variable a letter template may name, what it holds (German and English, for the editor page), and for which kinds.</summary>
internal sealed record LetterVariable(string Name, string De, string En, IReadOnlyList<LetterKind> Kinds);

/// <summary>
/// The variables of each kind of letter. A kind lists only what its case has: a hearing has no fine, a closing letter
/// no deadline. Lists (<c>infringements</c>, <c>orders</c>, <c>powers</c>) are for <c>{% for %}</c> loops.
/// </summary>
internal static class LetterVariables
{
    private static readonly LetterKind[] Every = [.. LetterKinds.All];
    private static readonly LetterKind[] Decisions = [LetterKind.Warning, LetterKind.Reprimand, LetterKind.Order];
    private static readonly LetterKind[] WithDeadline = [LetterKind.Hearing, LetterKind.Order, LetterKind.FineHearing];
    private static readonly LetterKind[] WithInfringements = [LetterKind.Hearing, LetterKind.Warning, LetterKind.Reprimand, LetterKind.Order, LetterKind.FineHearing, LetterKind.FineNotice];
    private static readonly LetterKind[] AfterHearing = [LetterKind.Warning, LetterKind.Reprimand, LetterKind.Order, LetterKind.FineNotice];

    public static IReadOnlyList<LetterVariable> All { get; } =
    [
        new("authority.name", "Name der Aufsichtsbehörde", "Name of the supervisory authority", Every),
        new("authority.seat", "Sitz der Behörde (Ort)", "Seat of the authority (town)", Every),
        new("authority.court", "Verwaltungsgericht am Sitz der Behörde", "Administrative court at the authority's seat", Every),
        new("body.name", "Name der Stelle", "Name of the body", Every),
        new("body.contact", "Ansprechperson der Stelle (kann leer sein)", "Contact person at the body (may be empty)", Every),
        new("file_number", "Aktenzeichen", "File number", Every),
        new("date", "Datum des Schreibens", "Date of the letter", Every),
        new("handler.name", "Name der Sachbearbeiterin oder des Sachbearbeiters", "Name of the case handler", Every),
        new("handler.function", "Funktion der Sachbearbeiterin oder des Sachbearbeiters", "Function of the case handler", Every),
        new("facts", "Sachverhalt (die entscheidungserheblichen Tatsachen)", "The decisive facts", Every),
        new("infringements", "Liste der Verstöße; je Eintrag finding (Feststellung), criterion (Kriterium), articles (Artikel der DSGVO)", "List of infringements; each with finding, criterion and articles (GDPR)", WithInfringements),
        new("deadline.date", "Fristende (z. B. 04.01.2027)", "End of the period (e.g. 4 Jan 2027)", WithDeadline),
        new("deadline.period", "Frist in Worten (z. B. 2 Wochen)", "The period in words (e.g. 2 weeks)", WithDeadline),
        new("deadline.computation", "Berechnung des Fristendes (§ 31 VwVfG, §§ 187–193 BGB)", "How the end of the period was computed (§ 31 VwVfG, §§ 187–193 BGB)", WithDeadline),
        new("measure.name", "Beabsichtigte oder getroffene Maßnahme in Worten", "The intended or decided measure in words", [LetterKind.Hearing, .. Decisions]),
        new("measure.powers", "Befugnisse der Maßnahme (z. B. Art. 58 Abs. 2 lit. d DSGVO)", "Powers of the measure (e.g. Art. 58(2)(d) GDPR)", [LetterKind.Hearing, .. Decisions]),
        new("orders", "Liste der Anordnungen des Tenors, je ein Satz", "List of the orders of the operative part, one sentence each", [LetterKind.Hearing, LetterKind.Order]),
        new("hearing.ground", "Anlass der Anhörung", "What gave rise to the hearing", [LetterKind.Hearing, LetterKind.FineHearing]),
        new("hearing.date", "Datum des Anhörungsschreibens", "Date of the hearing letter", AfterHearing),
        new("hearing.statement", "Stellungnahme der Stelle (Zusammenfassung; leer, wenn keine einging)", "The body's statement (summary; empty if none was received)", AfterHearing),
        new("discretion", "Ermessenserwägungen", "The discretion considered", [.. Decisions, LetterKind.FineNotice]),
        new("fine.amount", "Höhe der Geldbuße (z. B. 150.000,00 €)", "Amount of the fine (e.g. €150,000.00)", [LetterKind.FineNotice]),
        new("fine.calculation", "Zusammenfassung der Bußgeldbemessung", "Summary of how the fine was calculated", [LetterKind.FineNotice]),
        new("evidence", "Beweismittel", "Evidence", [LetterKind.FineNotice]),
        new("closing.reason", "Grund des Abschlusses", "Why the case is closed", [LetterKind.Closing]),
    ];

    /// <summary>The names a template of the kind may use.</summary>
    public static IReadOnlyList<string> Names(LetterKind kind) => [.. For(kind).Select(v => v.Name)];

    public static IReadOnlyList<LetterVariable> For(LetterKind kind) => [.. All.Where(v => v.Kinds.Contains(kind))];

    public static string Describe(LetterVariable variable, Language language) => language == Language.De ? variable.De : variable.En;
}
