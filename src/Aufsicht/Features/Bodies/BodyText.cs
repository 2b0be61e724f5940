using Aufsicht.Core;
using Aufsicht.Core.Bodies;
using Aufsicht.Core.Law;
using Aufsicht.Features.Shared;

namespace Aufsicht.Features.Bodies;

/// <summary>The texts of this feature's pages and messages, German first (looked up through <see cref="Texts"/>).</summary>
internal static class BodyText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["bodies.nav"] = ("Organisationen", "Bodies"),
        ["bodies.title"] = ("Organisationen", "Supervised bodies"),
        ["bodies.intro"] = ("Das Register der beaufsichtigten Stellen: Schulen, Kommunen, Behörden, Hochschulen und Unternehmen. Umfragen richten sich an sie.", "The registry of supervised bodies: schools, municipalities, authorities, universities and companies. Surveys are sent to them."),
        ["bodies.search"] = ("Suche (Name, Kennung)", "Search (name, id)"),
        ["bodies.caption"] = ("Organisationen {0}–{1} von {2} gefundenen", "Bodies {0}–{1} of {2} found"),
        ["bodies.total"] = ("Im Register insgesamt: {0}", "In the registry: {0}"),
        ["bodies.byKind"] = ("Nach Art", "By kind"),
        ["bodies.none"] = ("Keine Organisation passt zu diesen Filtern.", "No body matches these filters."),
        ["bodies.empty"] = ("Das Register ist noch leer. Importieren Sie eine Liste als CSV- oder Excel-Datei.", "The registry is empty. Import a list as a CSV or Excel file."),
        ["bodies.pages"] = ("Seiten", "Pages"),
        ["bodies.page"] = ("Seite {0} von {1}", "Page {0} of {1}"),
        ["bodies.previous"] = ("Vorherige Seite", "Previous page"),
        ["bodies.next"] = ("Nächste Seite", "Next page"),
        ["bodies.invalidPage"] = ("Seite: bitte eine Zahl ab 1 angeben.", "Page: please give a number from 1."),
        ["bodies.actions"] = ("Import und Export", "Import and export"),
        ["bodies.importLink"] = ("Liste importieren", "Import a list"),
        ["bodies.exportCsv"] = ("Alle als CSV für Excel und LibreOffice exportieren", "Export all as CSV for Excel and LibreOffice (German)"),
        ["bodies.exportXlsx"] = ("Alle als Excel-Datei (XLSX) exportieren", "Export all as an Excel file (XLSX)"),
        ["bodies.exportMachine"] = ("CSV (maschinenlesbar: Komma, englische Spaltennamen und Werte)", "CSV (machine-readable: commas, English column names and values)"),
        ["bodies.yes"] = ("ja", "yes"),
        ["bodies.no"] = ("nein", "no"),
        ["bodies.col.externalId"] = ("Kennung", "External id"),
        ["bodies.col.name"] = ("Name", "Name"),
        ["bodies.col.kind"] = ("Art", "Kind"),
        ["bodies.col.region"] = ("Region", "Region"),
        ["bodies.col.state"] = ("Land", "State"),
        ["bodies.col.publicBody"] = ("Öffentliche Stelle", "Public body"),
        ["bodies.col.publicUndertaking"] = ("Wettbewerbsunternehmen (§ 2 Abs. 5 BDSG)", "Public undertaking (§ 2(5) BDSG)"),
        ["bodies.col.contactName"] = ("Ansprechperson", "Contact person"),
        ["bodies.col.contactEmail"] = ("E-Mail der Ansprechperson", "Contact e-mail"),
        ["bodies.col.language"] = ("Sprache der E-Mails", "Language of e-mails"),
        ["bodies.col.createdAt"] = ("Angelegt", "Created"),
        ["bodies.col.updatedAt"] = ("Zuletzt geändert", "Last changed"),
        ["bodies.kind.school"] = ("Schule", "School"),
        ["bodies.kind.municipality"] = ("Gemeinde", "Municipality"),
        ["bodies.kind.district"] = ("Landkreis", "District"),
        ["bodies.kind.state-authority"] = ("Landesbehörde", "State authority"),
        ["bodies.kind.university"] = ("Hochschule", "University"),
        ["bodies.kind.company"] = ("Unternehmen", "Company"),
        ["bodies.kind.other"] = ("Sonstige", "Other"),
        ["bodies.language.de"] = ("Deutsch", "German"),
        ["bodies.language.en"] = ("Englisch", "English"),
        ["bodies.import.title"] = ("Organisationen importieren", "Import bodies"),
        ["bodies.import.intro"] = ("Laden Sie eine CSV-Datei (Komma oder Semikolon, UTF-8 oder Windows-1252) oder eine Excel-Datei (XLSX, erstes Blatt) hoch. Die erste Zeile nennt die Spalten. Organisationen werden über ihre Kennung erkannt: neue werden angelegt, geänderte aktualisiert. Enthält die Datei einen Fehler, wird nichts übernommen.", "Upload a CSV file (comma or semicolon, UTF-8 or Windows-1252) or an Excel file (XLSX, first sheet). The first row names the columns. Bodies are recognised by their external id: new ones are added, changed ones updated. If the file has any error, nothing is imported."),
        ["bodies.import.columns"] = ("Spalten: Kennung, Name, Art, Land (Pflicht); Region, Öffentliche Stelle, Wettbewerbsunternehmen, Ansprechperson, E-Mail, Sprache, Übergeordnet (Kennung der übergeordneten Stelle) (freiwillig). Englische Spaltennamen wie im Export gehen ebenso.", "Columns: externalId, name, kind, state (required); region, publicBody, publicUndertaking, contactName, contactEmail, language, parent (external id of the parent body) (optional). German column names work as well."),
        ["bodies.import.file"] = ("Datei (CSV oder XLSX, höchstens 20 MB)", "File (CSV or XLSX, at most 20 MB)"),
        ["bodies.import.submit"] = ("Importieren", "Import"),
        ["bodies.import.noFile"] = ("Bitte eine Datei auswählen.", "Please choose a file."),
        ["bodies.import.tooLarge"] = ("Die Datei ist größer als 20 MB. Bitte teilen Sie sie auf.", "The file is larger than 20 MB. Please split it."),
        ["bodies.import.failed"] = ("Nichts wurde importiert: die Datei enthält Fehler. Bitte korrigieren Sie sie und laden Sie die Datei erneut hoch.", "Nothing was imported: the file has errors. Please correct them and upload the file again."),
        ["bodies.import.done"] = ("Import abgeschlossen: {0} neu angelegt, {1} geändert, {2} unverändert.", "Import finished: {0} added, {1} updated, {2} unchanged."),
        ["bodies.import.back"] = ("Zurück zum Register", "Back to the registry"),
        ["bodies.errors"] = ("Fehler", "Errors"),
        ["bodies.detail.data"] = ("Registereintrag", "Registry entry"),
        ["bodies.detail.edit"] = ("Eintrag bearbeiten", "Edit the entry"),
        ["bodies.detail.save"] = ("Änderungen speichern", "Save the changes"),
        ["bodies.detail.saved"] = ("Gespeichert.", "Saved."),
        ["bodies.detail.notAllowed"] = ("Bearbeiten dürfen Administration und Sachbearbeitung.", "Administrators and supervisors may edit."),
        ["bodies.detail.disclosure"] = ("Auskunft exportieren (JSON)", "Export disclosure (JSON)"),
        ["bodies.detail.disclosureHint"] = ("Alles, was über diese Organisation gespeichert ist: Registereintrag, Einladungen, Antworten mit allen Fassungen und Auswertungen.", "Everything stored about this body: registry entry, invitations, responses with every version, and evaluations."),
        ["bodies.detail.optional"] = ("freiwillig", "optional"),
        ["bodies.field.id"] = ("Organisation", "Body"),
        ["bodies.field.revision"] = ("Gleichzeitige Änderung", "Concurrent change"),
        ["kind.school"] = ("Schule", "school"),
        ["kind.municipality"] = ("Gemeinde", "municipality"),
        ["kind.district"] = ("Landkreis", "district"),
        ["kind.state-authority"] = ("Landesbehörde", "state authority"),
        ["kind.university"] = ("Hochschule", "university"),
        ["kind.company"] = ("Unternehmen", "company"),
        ["kind.other"] = ("Sonstige", "other"),
        ["bodies.at.cell"] = ("Zeile {0}, Spalte „{1}“", "row {0}, column \"{1}\""),
        ["bodies.at.cellNumber"] = ("Zeile {0}, Spalte {1}", "row {0}, column {1}"),
        ["bodies.at.row"] = ("Zeile {0}", "row {0}"),
        ["bodies.at.file"] = ("Datei", "file"),
        ["bodies.tooManyRows"] = ("die Datei hat mehr als 100.000 Zeilen; bitte teilen Sie sie auf mehrere Dateien auf", "the file has more than 100,000 rows; split it into several files"),
        ["bodies.beyondHeader"] = ("ein Wert rechts der letzten Spalte der Kopfzeile", "a value beyond the last column of the header"),
        ["bodies.unnamedColumn"] = ("ein Wert in einer Spalte, die in der Kopfzeile keinen Namen hat", "a value in a column without a name in the header"),
        ["bodies.idTwice"] = ("„{0}“ ist schon die Kennung in Zeile {1}; jede Organisation darf nur einmal vorkommen", "\"{0}\" is already the id of row {1}; each body must appear once"),
        ["bodies.unknownColumn"] = ("unbekannte Spalte; die Spalten heißen {0}", "unknown column; the columns are {0}"),
        ["bodies.unknownColumnSuggest"] = ("unbekannte Spalte; ist „{0}“ gemeint?", "unknown column; did you mean \"{0}\"?"),
        ["bodies.columnTwice"] = ("die Spalte {0} kommt zweimal vor (auch als Spalte {1})", "column {0} appears twice (also column {1})"),
        ["bodies.columnMissing"] = ("die Pflichtspalte „{0}“ (oder „{1}“) fehlt", "the required column \"{0}\" (or \"{1}\") is missing"),
        ["bodies.required"] = ("ein Wert ist erforderlich", "a value is required"),
        ["bodies.tooLong"] = ("höchstens {0} Zeichen; angegeben sind {1}", "at most {0} characters; got {1}"),
        ["bodies.controlCharacter"] = ("ein Zeilenumbruch oder Steuerzeichen ist hier nicht erlaubt", "a line break or control character is not allowed here"),
        ["bodies.parentUnknown"] = ("„{0}“ ist weder im Register noch in dieser Datei die Kennung einer Organisation", "\"{0}\" is the id of no body in the registry or in this file"),
        ["bodies.parentCycle"] = ("mit „{0}“ als übergeordneter Stelle wäre die Organisation sich selbst übergeordnet", "with \"{0}\" as its parent the body would be above itself"),
        ["bodies.col.parent"] = ("Übergeordnete Stelle (Kennung)", "Parent body (external id)"),
        ["bodies.notEmail"] = ("„{0}“ ist keine E-Mail-Adresse wie name@example.org", "\"{0}\" is not an e-mail address such as name@example.org"),
        ["bodies.undertakingNotPublic"] = ("nur eine öffentliche Stelle kann ein Wettbewerbsunternehmen sein (§ 2 Abs. 5 BDSG); setzen Sie publicBody auf true oder diesen Wert auf false", "only a public body can be a public undertaking (§ 2(5) BDSG); set publicBody to true or this to false"),
        ["bodies.notOneOf"] = ("„{0}“ ist keiner der Werte {1}", "\"{0}\" is not one of {1}"),
        ["bodies.notOneOfSuggest"] = ("„{0}“ ist keiner der Werte {1} (ist „{2}“ gemeint?)", "\"{0}\" is not one of {1} (did you mean \"{2}\"?)"),
        ["bodies.moreErrors"] = ("… und {0} weitere Fehler", "… and {0} more errors"),
        ["bodies.file.empty"] = ("die Datei ist leer", "the file is empty"),
        ["bodies.file.tooLarge"] = ("die Datei ist größer als {0} MB; bitte teilen Sie sie auf mehrere Dateien auf", "the file is larger than {0} MB; split it into several files"),
        ["bodies.file.notXlsx"] = ("die Datei ist als Tabelle benannt, ist aber keine XLSX-Datei (alte .xls-Dateien bitte als .xlsx oder CSV speichern)", "the file is named as a spreadsheet but is not an XLSX file (old .xls files: save them as .xlsx or CSV)"),
        ["bodies.file.binary"] = ("die Datei ist weder CSV-Text noch eine XLSX-Tabelle", "the file is neither CSV text nor an XLSX spreadsheet"),
        ["bodies.file.csvQuotes"] = ("die CSV-Datei ist hier nicht lesbar: ein Wert mit Anführungszeichen, Kommas, Semikolons oder Zeilenumbrüchen muss in doppelten Anführungszeichen stehen, innere Anführungszeichen verdoppelt", "the CSV cannot be read here: a value with quotes, commas, semicolons or line breaks must be in double quotes, with inner quotes doubled"),
        ["bodies.file.noHeader"] = ("die Datei hat keine Kopfzeile", "the file has no header row"),
        ["bodies.file.badZip"] = ("die Datei sieht aus wie ein ZIP-Archiv, ist aber keine lesbare XLSX-Tabelle", "the file looks like a zip archive but is not a readable XLSX spreadsheet"),
        ["bodies.file.expands"] = ("die XLSX-Datei ergibt entpackt mehr als {0} MB; erlaubt sind höchstens {0} MB", "the XLSX file unpacks to more than {0} MB; at most {0} MB are allowed"),
        ["bodies.file.cellTooLong"] = ("eine Zelle ist länger als {0} Zeichen", "a cell is longer than {0} characters"),
        ["bodies.file.emptySheet"] = ("das erste Blatt der Tabelle ist leer; Zeile 1 muss die Kopfzeile sein", "the spreadsheet's first sheet is empty; row 1 must be the header"),
        ["bodies.cli.tooLarge"] = ("bodies import: {0}: Die Datei ist größer als {1} MB; bitte auf mehrere Dateien aufteilen.", "bodies import: {0}: the file is larger than {1} MB; split it into several files"),
        ["bodies.cli.cannotRead"] = ("bodies import: {0} lässt sich nicht lesen: {1}", "bodies import: cannot read {0}: {1}"),
        ["bodies.cli.extension"] = ("bodies export: {0}: Der Name muss auf .csv oder .xlsx enden (das bestimmt das Format).", "bodies export: {0}: the name must end in .csv or .xlsx (that decides the format)"),
        ["bodies.cli.cannotWrite"] = ("bodies export: {0} lässt sich nicht schreiben: {1}", "bodies export: cannot write {0}: {1}"),
        ["bodies.cli.imported"] = ("{0}: {1} hinzugefügt, {2} geändert, {3} unverändert ({4})", "{0}: {1} added, {2} updated, {3} unchanged ({4})"),
        ["bodies.cli.exported"] = ("{0}: {1} Organisationen exportiert", "{0}: {1} bodies exported"),
        ["bodies.cli.nothingImported"] = ("aufsicht: Es wurde nichts importiert.", "aufsicht: nothing was imported"),
        ["bodies.import.conflict"] = ("das Register wurde während des Imports von jemand anderem geändert; es wurde nichts importiert, bitte versuchen Sie es noch einmal", "the registry was changed by someone else during the import; nothing was imported, please try again"),
        ["bodies.edit.gone"] = ("diese Organisation gibt es nicht (mehr)", "this body does not exist (any more)"),
        ["bodies.edit.conflict"] = ("jemand anderes hat diese Organisation geändert, seit Sie das Formular geöffnet haben; laden Sie es neu und nehmen Sie Ihre Änderung noch einmal vor", "this body was changed by someone else since you opened the form; reload it and apply your change again"),
        ["bodies.edit.idTaken"] = ("„{0}“ ist schon die Kennung einer anderen Organisation", "\"{0}\" is already the id of another body"),
        ["bodies.edit.idTakenNow"] = ("„{0}“ wurde im selben Moment einer anderen Organisation gegeben", "\"{0}\" was given to another body at the same moment"),
    };

    /// <summary>
    /// Where an error of a registry file is, in the language: "Zeile 4, Spalte „kind“" for a <see cref="CellAt"/>,
    /// "Datei" for the whole file, a form field or nothing as it is.
    /// </summary>
    public static string Where(string field, Language language) => CellAt.Parse(field) switch
    {
        { Column: { } column } at => Texts.T(language, "bodies.at.cell", Number(at.Row), column),
        { ColumnNumber: { } number } at => Texts.T(language, "bodies.at.cellNumber", Number(at.Row), Number(number)),
        { } at => Texts.T(language, "bodies.at.row", Number(at.Row)),
        null when field == "file" => Texts.T(language, "bodies.at.file"),
        null => field,
    };

    /// <summary>An error of a registry file as one line, "where: message" (only the message for the file as a whole).</summary>
    public static string Line(Error error, Language language)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = Failures.Message(error, language);
        return error.Field.Length == 0 ? message : $"{Where(error.Field, language)}: {message}";
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
