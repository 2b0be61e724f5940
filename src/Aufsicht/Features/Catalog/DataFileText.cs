namespace Aufsicht.Features.Catalog;

/// <summary>
/// The messages of the data file readers in Core (<c>DataReader</c>, <c>ObjectReader</c>, <c>ProfileReader</c>): what
/// is wrong in a catalogue file, a service or deployment profile, German first (merged into <see cref="Texts"/>).
/// A value found in the file is an argument as it stands there (<c>"yes"</c>, <c>0</c>, <c>[…]</c>), so it reads
/// the same in both languages.
/// </summary>
internal static class DataFileText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["datafile.malformed"] = ("kein gültiges JSON: in Zeile {0}, Byte {1} ist „{2}“ nicht erlaubt", "malformed JSON at line {0}, byte {1}: '{2}' is not allowed there"),
        ["datafile.malformedEnd"] = ("kein gültiges JSON: der Text endet in Zeile {0}, Byte {1}, bevor das JSON vollständig ist", "malformed JSON at line {0}, byte {1}: the text ends before the JSON is complete"),
        ["datafile.notObject"] = ("erwartet wird ein Objekt; gefunden: {0}", "expected an object; got {0}"),
        ["datafile.unknownField"] = ("unbekanntes Feld; erlaubt sind {0}", "unknown field; expected one of {0}"),
        ["datafile.unknownFieldSuggest"] = ("unbekanntes Feld; ist „{0}“ gemeint?", "unknown field; did you mean '{0}'?"),
        ["datafile.missing"] = ("Pflichtfeld fehlt", "missing required field"),
        ["datafile.notString"] = ("erwartet wird eine Zeichenkette; gefunden: {0}", "expected a string; got {0}"),
        ["datafile.empty"] = ("darf nicht leer sein", "must not be empty"),
        ["datafile.tooLong"] = ("ist {0} Zeichen lang; erlaubt sind höchstens {1}", "is {0} characters long; at most {1} are allowed"),
        ["datafile.pattern.id"] = ("„{0}“ hat nicht die erwartete Form (Kleinbuchstaben und Ziffern, durch Bindestriche getrennt, z. B. jitsi-meet)", "\"{0}\" does not have the expected form (lower-case letters and digits separated by hyphens, e.g. jitsi-meet)"),
        ["datafile.pattern.country"] = ("„{0}“ hat nicht die erwartete Form (ein Ländercode nach ISO 3166-1 aus zwei Großbuchstaben, z. B. DE)", "\"{0}\" does not have the expected form (a two-letter ISO 3166-1 country code in capitals, e.g. DE)"),
        ["datafile.pattern.url"] = ("„{0}“ hat nicht die erwartete Form (eine Adresse, die mit http:// oder https:// beginnt)", "\"{0}\" does not have the expected form (an http(s) address)"),
        ["datafile.pattern.name"] = ("„{0}“ hat nicht die erwartete Form (ein Kleinbuchstabe, dann Buchstaben und Ziffern, z. B. dataSubjects)", "\"{0}\" does not have the expected form (a lower-case letter, then letters and digits, e.g. dataSubjects)"),
        ["datafile.pattern"] = ("„{0}“ hat nicht die erwartete Form (regulärer Ausdruck {1})", "\"{0}\" does not have the expected form ({1})"),
        ["datafile.notOneOf"] = ("erwartet wird einer der Werte {0}; gefunden: {1}", "expected one of {0}; got {1}"),
        ["datafile.notOneOfSuggest"] = ("erwartet wird einer der Werte {0}; gefunden: {1} (ist „{2}“ gemeint?)", "expected one of {0}; got {1} (did you mean \"{2}\"?)"),
        ["datafile.notBool"] = ("erwartet wird true oder false; gefunden: {0}", "expected true or false; got {0}"),
        ["datafile.notBoolOrUnknown"] = ("erwartet wird true, false oder \"unknown\"; gefunden: {0}", "expected true or false or \"unknown\"; got {0}"),
        ["datafile.notBoolOrWord"] = ("erwartet wird true, false oder eines von {0}; gefunden: {1}", "expected true, false, {0}; got {1}"),
        ["datafile.notDate"] = ("erwartet wird ein Datum im Format JJJJ-MM-TT; gefunden: {0}", "expected a date as YYYY-MM-DD; got {0}"),
        ["datafile.notList"] = ("erwartet wird eine Liste; gefunden: {0}", "expected a list; got {0}"),
        ["datafile.notText"] = ("erwartet wird eine nicht leere Zeichenkette; gefunden: {0}", "expected a non-empty string; got {0}"),
        ["datafile.notPurpose"] = ("erwartet wird eine nicht leere Zeichenkette mit höchstens {0} Zeichen; gefunden: {1}", "expected a non-empty string of at most {0} characters; got {1}"),
        ["datafile.notCountry"] = ("erwartet wird ein Ländercode nach ISO 3166-1 aus zwei Großbuchstaben (z. B. DE) oder \"unknown\"; gefunden: {0}", "expected a two-letter ISO 3166-1 country code in capitals (e.g. DE) or \"unknown\"; got {0}"),
        ["datafile.notCountryOrWorldwide"] = ("erwartet wird ein Ländercode nach ISO 3166-1 aus zwei Großbuchstaben (z. B. DE) oder \"worldwide\"; gefunden: {0}", "expected a two-letter ISO 3166-1 country code in capitals (e.g. DE) or \"worldwide\"; got {0}"),
        ["datafile.noCountries"] = ("muss mindestens ein Land nennen oder \"unknown\" sein", "must list at least one country, or be \"unknown\""),
        ["datafile.notCountries"] = ("erwartet wird eine Liste von Ländercodes oder \"unknown\"", "expected a list of country codes or \"unknown\""),
        ["datafile.jurisdiction.twice"] = ("Der Rechtsraum {0} steht zweimal in der Liste", "jurisdiction {0} is listed twice"),
        ["datafile.jurisdiction.noCountry"] = ("Zum Land {1} fehlt die Zeile des Staates {0}", "Land {1} has no row for its country {0}"),
        ["datafile.needsSource"] = ("braucht mindestens eine Quelle", "needs at least one source"),
        ["datafile.partOfItself"] = ("ein Dienst kann nicht Teil von sich selbst sein", "a service cannot be part of itself"),
        ["datafile.inapplicable"] = ("Das Kriterium dieses Fakts gilt nicht für die Kategorie „{0}“ (criteria.json, „appliesTo“); den Fakt weglassen oder „not-applicable“ angeben", "this fact's criterion does not apply to the category \"{0}\" (criteria.json, \"appliesTo\"); leave the fact out or give \"not-applicable\""),
        ["datafile.notCitable"] = ("Quelle so nicht zitierfähig: {0} – die Adresse enthält eine weitere Adresse (Kopie über einen Proxy, Rücksprungadresse) oder ihr Rechnername endet mit einem Punkt; bitte die Seite selbst unter ihrer eigenen Adresse angeben", "source not citable as it stands: {0} – the address carries another address (a copy through a proxy, a return address) or its host name ends in a dot; please give the page itself at its own address"),
        ["datafile.noPassage"] = ("bekannter Fakt ohne Fundstelle: keine Quelle dazu zitiert die Stelle, die ihn belegt (Feld „passage“)", "known fact without a passage: no source for it quotes the words that support it (field \"passage\")"),
        ["datafile.needsVersion"] = ("braucht mindestens eine Fassung", "needs at least one version"),
        ["datafile.fileMissing"] = ("die Datei fehlt", "file is missing"),
        ["datafile.snapshotPath"] = ("ein Faktenstand von „{0}“ vom {1} muss unter {2} gespeichert sein", "a snapshot of '{0}' with facts as of {1} must be stored as {2}"),
        ["datafile.eventTwice"] = ("das Ereignis „{0}“ steht mehr als einmal in der Datei", "the event '{0}' is given more than once"),
        ["datafile.eventsMissing"] = ("der Zeitleiste fehlen Ereignisse, die die Bewertung braucht: {0}", "the legal timeline lacks the events {0}"),
        ["datafile.unknownDefaultAuthority"] = ("nennt „{0}“, doch keine der Behörden hat diese Kennung", "names '{0}', which is not among the authorities"),
        ["datafile.notInCatalogue"] = ("nennt „{0}“, doch kein Dienst im Katalog hat diese Kennung", "names '{0}', which is not in the catalogue"),
        ["datafile.notInFile"] = ("nennt „{0}“, doch {1} enthält diese Kennung nicht", "names '{0}', which is not in {1}"),
        ["datafile.criterionMissing"] = ("das Kriterium {0} fehlt", "criterion {0} is missing"),
        ["datafile.reasonMissing"] = ("hat keine Begründung für den Wert „{0}“ von {1}", "has no reason for the value '{0}' of {1}"),
        ["datafile.unsourced"] = ("bekannter Fakt ohne Quelle (eine Quelle ergänzen, deren „about“ ihn abdeckt, oder ihn auf unknown setzen)", "known fact without a source (add a source whose 'about' covers it, or set it to unknown)"),
        ["datafile.noSchema"] = ("für diese Datei gilt kein Schema (liegt sie im richtigen Ordner?)", "no schema applies to this file (is it in the right folder?)"),
        ["datafile.questionnairePath"] = ("ein Fragebogen mit dem Schlüssel „{0}“ muss unter {1} gespeichert sein", "a questionnaire with the key '{0}' must be stored as {1}"),
        ["datafile.commonReasonMissing"] = ("die Begründung „{0}“ fehlt", "the reason '{0}' is missing"),
    };
}
