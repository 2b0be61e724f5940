namespace Aufsicht.Features.Letters;

/// <summary>The texts of the letters' messages and of the frame a letter's renderers write, German first (looked up through <see cref="Texts"/>).</summary>
internal static class LetterText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["letters.template.tooLong"] = ("Die Vorlage ist {0} Zeichen lang; erlaubt sind höchstens {1}.", "the template is {0} characters long; at most {1} are allowed."),
        ["letters.template.syntax"] = ("Syntaxfehler: {0}", "syntax error: {0}"),
        ["letters.template.syntaxAt"] = ("Syntaxfehler: {0}(Zeile {1}, Spalte {2}){3}", "syntax error: {0}(line {1}, column {2}){3}"),
        ["letters.template.unknown"] = ("unbekannte Variable {0}; erlaubt sind {1}.", "unknown variable {0}; allowed are {1}."),
        ["letters.template.tag"] = ("der Befehl '{0}' ist in Briefvorlagen nicht erlaubt; erlaubt sind {1}.", "the tag '{0}' is not allowed in letter templates; allowed are {1}."),
        ["letters.template.filter"] = ("unbekannter Filter {0}; erlaubt sind {1}.", "unknown filter {0}; allowed are {1}."),
        ["letters.template.range"] = ("ein Bereich darf höchstens {0} Zahlen umfassen und muss mit Zahlen geschrieben sein, z. B. (1..10); gefunden: {1}.", "a range may span at most {0} numbers and must be written with numbers, e.g. (1..10); found: {1}."),
        ["letters.template.tooBig"] = ("die Vorlage ergibt mehr als {0} Zeichen Text oder braucht zu viele Schritte; bitte Schleifen verkürzen.", "the template makes more than {0} characters of text or takes too many steps; please shorten its loops."),
        ["letters.markup.forbidden"] = ("das Zeichen '{0}' in Zeile {1} ist in Briefen nicht erlaubt (erlaubt: # Betreff, ## Überschrift, 1. Aufzählung, - Liste, !! Rechtsbehelfsbelehrung, **Hervorhebung**): {2}", "the mark '{0}' in line {1} is not allowed in letters (allowed: # subject, ## heading, 1. numbered line, - bullet, !! legal remedies, **emphasis**): {2}"),
        ["letters.markup.subject"] = ("Die erste Zeile muss der Betreff sein, beginnend mit '# '.", "the first line must be the subject, starting with '# '."),
        ["letters.markup.subjectFirst"] = ("Ein Betreff ('# ') steht nur in der ersten Zeile; Zeile {0} hat einen zweiten.", "a subject ('# ') stands in the first line only; line {0} has a second one."),
        ["letters.markup.salutation"] = ("Nach dem Betreff fehlt die Anrede als eigener Absatz.", "the salutation is missing as a paragraph of its own after the subject."),
        ["letters.markup.closing"] = ("Der letzte Absatz muss die Grußformel sein (z. B. „Mit freundlichen Grüßen“).", "the last paragraph must be the closing (e.g. \"Yours faithfully\")."),
        ["letters.markup.remedy"] = ("Dieser Brief braucht eine Rechtsbehelfsbelehrung: ein Abschnitt, der mit '!! ' und seiner Überschrift beginnt.", "this letter needs instructions on legal remedies: a section starting with '!! ' and its heading."),
        ["letters.markup.remedyTwice"] = ("Die Rechtsbehelfsbelehrung ('!! ') steht nur einmal im Brief; Zeile {0} beginnt eine zweite.", "the legal remedies ('!! ') appear once in a letter; line {0} starts a second one."),
        ["letters.markup.emphasis"] = ("Zeile {0} öffnet eine Hervorhebung ('**') und schließt sie nicht: {1}", "line {0} opens emphasis ('**') and does not close it: {1}"),
    };
}
