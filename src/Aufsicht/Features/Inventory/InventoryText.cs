using Aufsicht.Core;
using Aufsicht.Core.Bodies;
using Aufsicht.Core.Fines;
using Aufsicht.Core.Law;
using Aufsicht.Features.Shared;

namespace Aufsicht.Features.Inventory;

/// <summary>The texts of the migration inventory's pages and messages, German first (looked up through <see cref="Texts"/>).</summary>
internal static class InventoryText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["inventory.title"] = ("Bestandsaufnahme für die Migration", "Migration inventory"),
        ["inventory.intro"] = ("Was die Stellen nutzen (Produkte mit Arbeitsplätzen, Nutzenden, Postfächern und Lizenzverträgen) und ihr Register der Fachverfahren, Makros und Vorlagen – nach den Säulen der Umstellung auf offene Software.", "What the bodies use (products with workplaces, users, mailboxes and licence contracts) and their register of specialised applications, macros and templates – by the pillars of the move to open source."),
        ["inventory.pillars"] = ("Summen je Säule", "Totals per pillar"),
        ["inventory.pillars.caption"] = ("Arbeitsplätze, Nutzende und Postfächer aller Stellen je Säule", "Workplaces, users and mailboxes of all bodies per pillar"),
        ["inventory.applications"] = ("Fachverfahren, Makros und Vorlagen", "Specialised applications, macros and templates"),
        ["inventory.applications.caption"] = ("Einträge aller Register nach Kompatibilität", "Entries of all registers by compatibility"),
        ["inventory.applications.bodyCaption"] = ("Register der Fachverfahren von {0}", "Register of applications of {0}"),
        ["inventory.applications.none"] = ("Für diese Stelle ist noch kein Fachverfahren erfasst.", "No application is recorded for this body yet."),
        ["inventory.count"] = ("Anzahl", "Count"),
        ["inventory.tree"] = ("Stellen", "Bodies"),
        ["inventory.tree.caption"] = ("Stellen mit Bestand, mit ihren übergeordneten Stellen (eingerückt nach Ebene)", "Bodies with an inventory, with the bodies above them (indented by level)"),
        ["inventory.empty"] = ("Noch ist nichts erfasst. Importieren Sie eine Liste oder übernehmen Sie die Angaben einer Umfrage.", "Nothing is recorded yet. Import a list or take over the answers of a survey."),
        ["inventory.level"] = ("Ebene", "Level"),
        ["inventory.products"] = ("Produkte", "Products"),
        ["inventory.products.caption"] = ("Produkte von {0}", "Products of {0}"),
        ["inventory.products.none"] = ("Für diese Stelle ist noch kein Produkt erfasst.", "No product is recorded for this body yet."),
        ["inventory.applicationCount"] = ("Fachverfahren", "Applications"),
        ["inventory.warning"] = ("Hinweis", "Warning"),
        ["inventory.noRegister"] = ("Arbeitsplätze, aber kein Register der Fachverfahren", "Workplaces but no register of applications"),
        ["inventory.noRegister.long"] = ("Diese Stelle hat Arbeitsplätze, aber noch kein Register ihrer Fachverfahren, Makros und Vorlagen. Ohne es lässt sich kein Wechsel des Betriebssystems planen – daran scheiterte München.", "This body has workplaces but no register of its applications, macros and templates yet. Without it no change of operating system can be planned – Munich failed on it."),
        ["inventory.back"] = ("Zur Übersicht der Bestandsaufnahme", "Back to the inventory overview"),
        ["inventory.body.title"] = ("Bestand: {0}", "Inventory: {0}"),
        ["inventory.body.registry"] = ("Eintrag im Register der Organisationen", "Entry in the registry of bodies"),
        ["inventory.source"] = ("Herkunft", "Source"),
        ["inventory.source.survey"] = ("Umfrage", "Survey"),
        ["inventory.source.import"] = ("Import", "Import"),
        ["inventory.source.browser"] = ("von Hand", "Typed in"),
        ["inventory.actions"] = ("Aktionen", "Actions"),
        ["inventory.edit"] = ("„{0}“ bearbeiten", "Edit \"{0}\""),
        ["inventory.delete"] = ("„{0}“ löschen", "Delete \"{0}\""),
        ["inventory.save"] = ("Speichern", "Save"),
        ["inventory.perUnitYear"] = ("€ je Einheit und Jahr", "€ per unit and year"),
        ["inventory.months"] = ("Monate", "months"),
        ["inventory.product.add"] = ("Produkt hinzufügen", "Add a product"),
        ["inventory.product.change"] = ("„{0}“ ändern", "Change \"{0}\""),
        ["inventory.application.add"] = ("Fachverfahren, Makro oder Vorlage hinzufügen", "Add an application, macro or template"),
        ["inventory.application.change"] = ("„{0}“ ändern", "Change \"{0}\""),
        ["inventory.saved.produkt"] = ("Das Produkt ist gespeichert.", "The product is saved."),
        ["inventory.saved.fachverfahren"] = ("Der Eintrag im Register ist gespeichert.", "The register entry is saved."),
        ["inventory.saved.geloescht"] = ("Die Zeile ist gelöscht.", "The row is deleted."),

        ["inventory.col.body"] = ("Organisation", "body"),
        ["inventory.col.product"] = ("Produkt", "product"),
        ["inventory.col.pillar"] = ("Säule", "pillar"),
        ["inventory.col.workplaces"] = ("Arbeitsplätze", "workplaces"),
        ["inventory.col.users"] = ("Nutzende", "users"),
        ["inventory.col.mailboxes"] = ("Postfächer", "mailboxes"),
        ["inventory.col.version"] = ("Version", "version"),
        ["inventory.col.licenceCost"] = ("Lizenzkosten", "licence cost"),
        ["inventory.col.contractEnd"] = ("Vertragsende", "contract end"),
        ["inventory.col.noticeMonths"] = ("Kündigungsfrist", "notice period"),
        ["inventory.col.name"] = ("Name", "name"),
        ["inventory.col.kind"] = ("Art", "kind"),
        ["inventory.col.dependsOn"] = ("Abhängigkeiten", "depends on"),
        ["inventory.col.compatibility"] = ("Kompatibilität", "compatibility"),
        ["inventory.col.note"] = ("Notiz", "note"),

        ["inventory.pillar.office"] = ("Bürosoftware", "Office"),
        ["inventory.pillar.operating-system"] = ("Betriebssystem", "Operating system"),
        ["inventory.pillar.collaboration"] = ("Zusammenarbeit", "Collaboration"),
        ["inventory.pillar.mail"] = ("E-Mail und Kalender", "Mail and calendar"),
        ["inventory.pillar.directory"] = ("Verzeichnisdienst", "Directory"),
        ["inventory.pillar.specialised-applications"] = ("Fachverfahren", "Specialised applications"),
        ["inventory.pillar.telephony"] = ("Telefonie", "Telephony"),
        ["inventory.pillar.video"] = ("Videokonferenzen", "Video conferencing"),
        ["inventory.kind.specialised"] = ("Fachverfahren", "Specialised application"),
        ["inventory.kind.macro"] = ("Makro", "Macro"),
        ["inventory.kind.template"] = ("Vorlage", "Template"),
        ["inventory.dependency.office-suite"] = ("Bürosoftware", "Office suite"),
        ["inventory.dependency.windows"] = ("Windows", "Windows"),
        ["inventory.dependency.exchange"] = ("Exchange", "Exchange"),
        ["inventory.dependency.active-directory"] = ("Active Directory", "Active Directory"),
        ["inventory.dependency.browser"] = ("Webbrowser", "Web browser"),
        ["inventory.compatibility.unknown"] = ("nicht geprüft", "not checked"),
        ["inventory.compatibility.compatible"] = ("läuft", "compatible"),
        ["inventory.compatibility.needs-work"] = ("braucht Anpassung", "needs work"),
        ["inventory.compatibility.incompatible"] = ("läuft nicht", "incompatible"),
        ["inventory.compatibility.replaced"] = ("ersetzt", "replaced"),

        ["inventory.at.cell"] = ("Zeile {0}, Spalte „{1}“", "Row {0}, column \"{1}\""),
        ["inventory.at.cellNumber"] = ("Zeile {0}, Spalte {1}", "Row {0}, column {1}"),
        ["inventory.at.row"] = ("Zeile {0}", "Row {0}"),
        ["inventory.at.sheet"] = ("Blatt „{0}“, {1}", "Sheet \"{0}\", {1}"),
        ["inventory.at.file"] = ("Datei", "File"),
        ["inventory.required"] = ("bitte angeben", "please fill in"),
        ["inventory.tooLong"] = ("höchstens {0} Zeichen, hier {1}", "at most {0} characters, here {1}"),
        ["inventory.controlCharacter"] = ("enthält ein Steuerzeichen (etwa einen Zeilenumbruch)", "contains a control character (such as a line break)"),
        ["inventory.notOneOf"] = ("„{0}“ ist keiner der Werte {1}", "\"{0}\" is none of the values {1}"),
        ["inventory.notCount"] = ("„{0}“ ist keine Anzahl (eine ganze Zahl ab 0)", "\"{0}\" is not a count (a whole number from 0)"),
        ["inventory.notAmount"] = ("„{0}“ ist kein Betrag in Euro wie 1.200,50 oder 1200.50", "\"{0}\" is not an amount in euros such as 1200.50 or 1.200,50"),
        ["inventory.notDate"] = ("„{0}“ ist kein Datum wie 31.12.2027 oder 2027-12-31", "\"{0}\" is not a date such as 2027-12-31 or 31.12.2027"),
        ["inventory.notNotice"] = ("„{0}“ ist keine Kündigungsfrist von 0 bis {1} Monaten", "\"{0}\" is no notice period of 0 to {1} months"),
        ["inventory.unknownColumn"] = ("„{0}“ ist keine bekannte Spalte; bekannt sind {1}", "\"{0}\" is no known column; known are {1}"),
        ["inventory.columnTwice"] = ("diese Spalte kommt zweimal vor", "this column appears twice"),
        ["inventory.columnMissing"] = ("die Spalte „{0}“ („{1}“) fehlt", "the column \"{0}\" (\"{1}\") is missing"),
        ["inventory.unknownBody"] = ("„{0}“ ist keine Kennung im Register der Organisationen", "\"{0}\" is no external id in the registry of bodies"),
        ["inventory.twice"] = ("„{0}“ steht für diese Stelle schon in Zeile {1}", "\"{0}\" is already in row {1} for this body"),
        ["inventory.tooManyRows"] = ("zu viele Zeilen (höchstens 100.000)", "too many rows (at most 100,000)"),
        ["inventory.moreErrors"] = ("und weitere Fehler", "and more errors"),
        ["inventory.file.noSheet"] = ("die Excel-Datei hat kein Blatt „products“, „Produkte“, „applications“ oder „Fachverfahren“", "the Excel file has no sheet \"products\", \"Produkte\", \"applications\" or \"Fachverfahren\""),
        ["inventory.import.conflict"] = ("der Bestand wurde während des Imports von jemand anderem geändert; es wurde nichts importiert, bitte versuchen Sie es noch einmal", "the inventory was changed by someone else during the import; nothing was imported, please try again"),
        ["inventory.noBody"] = ("diese Organisation gibt es nicht", "this body does not exist"),
        ["inventory.noRow"] = ("diese Zeile gibt es nicht (mehr)", "this row does not exist (any more)"),
        ["inventory.changed"] = ("jemand anderes hat diese Zeile geändert, seit Sie die Seite geöffnet haben; laden Sie sie neu und nehmen Sie Ihre Änderung noch einmal vor", "someone else changed this row since you opened the page; reload it and apply your change again"),
        ["inventory.productTaken"] = ("„{0}“ ist für diese Stelle schon erfasst", "\"{0}\" is already recorded for this body"),
        ["inventory.nameTaken"] = ("„{0}“ steht schon im Register dieser Stelle", "\"{0}\" is already in this body's register"),
        ["inventory.takenNow"] = ("wurde im selben Moment von jemand anderem erfasst", "was recorded by someone else at the same moment"),

        ["inventory.import.title"] = ("Bestand importieren", "Import an inventory"),
        ["inventory.import.intro"] = ("Eine CSV-Datei (UTF-8, Trennzeichen Semikolon oder Komma) mit Produkten oder Fachverfahren, oder eine Excel-Datei mit den Blättern „Produkte“ und „Fachverfahren“. Entweder wird jede Zeile übernommen oder keine, und jeder Fehler wird mit Zeile und Spalte genannt. Zeilen mit derselben Stelle und demselben Produkt (oder Namen) werden aktualisiert, andere hinzugefügt; gelöscht wird nichts.", "A CSV file (UTF-8, separated by semicolons or commas) of products or applications, or an Excel file with the sheets \"products\" and \"applications\". Either every row is taken over or none, and every error is named with row and column. Rows with the same body and product (or name) are updated, others added; nothing is deleted."),
        ["inventory.import.columns"] = ("Spalten der Produkte: Organisation (Kennung), Produkt, Säule, Arbeitsplätze, Nutzende, Postfächer, Version, Lizenzkosten, Vertragsende, Kündigungsfrist. Spalten der Fachverfahren: Organisation, Name, Art, Abhängigkeiten, Kompatibilität, Nutzende, Notiz. Englische Spaltennamen gelten ebenso.", "Product columns: body (external id), product, pillar, workplaces, users, mailboxes, version, licenceCost, contractEnd, noticeMonths. Application columns: body, name, kind, dependsOn, compatibility, users, note. German column names are accepted as well."),
        ["inventory.import.file"] = ("Datei (CSV oder XLSX)", "File (CSV or XLSX)"),
        ["inventory.import.kind"] = ("Inhalt einer CSV-Datei", "Content of a CSV file"),
        ["inventory.import.kind.auto"] = ("an den Spalten erkennen", "recognise by the columns"),
        ["inventory.import.submit"] = ("Importieren", "Import"),
        ["inventory.import.failed"] = ("Nichts wurde importiert. Bitte berichtigen Sie die Datei:", "Nothing was imported. Please correct the file:"),
        ["inventory.import.done"] = ("Importiert: {0} Produkte hinzugefügt, {1} aktualisiert; {2} Fachverfahren hinzugefügt, {3} aktualisiert. Gelöscht wurde nichts.", "Imported: {0} products added, {1} updated; {2} applications added, {3} updated. Nothing was deleted."),
        ["inventory.import.noFile"] = ("bitte eine Datei wählen", "please choose a file"),
        ["inventory.import.tooLarge"] = ("die Datei ist zu groß (höchstens 20 MB)", "the file is too large (at most 20 MB)"),

        ["inventory.survey.title"] = ("Aus einer Umfrage übernehmen", "Take over from a survey"),
        ["inventory.survey.intro"] = ("Für jede Stelle, die in der Umfrage geantwortet hat, wird jeder genannte Dienst aus dem Katalog ein Produkt mit der Säule seiner Katalogkategorie. Frei eingetragene Dienste („anderer“) und Dienste ohne Säule werden übersprungen. Zeilen aus einem Import oder von Hand bleiben unverändert; ein zweiter Lauf aktualisiert nur die aus Umfragen.", "For every body that answered the survey, each catalogue service it named becomes a product with the pillar of its catalogue category. Services typed in (\"other\") and services without a pillar are skipped. Rows from an import or typed in stay unchanged; a second run updates only those from surveys."),
        ["inventory.survey.countsNote"] = ("Anzahlen: Die Fragebögen fragen nicht nach Arbeitsplätzen oder Postfächern; sie bleiben 0 (unbekannt). Nur wo der Fragebogen nach der Zahl der Teilnehmenden fragt (Videokonferenzen), wird diese als Zahl der Nutzenden übernommen.", "Counts: the questionnaires do not ask for workplaces or mailboxes; they stay 0 (unknown). Only where the questionnaire asks for the number of participants (video conferencing) is it taken as the number of users."),
        ["inventory.survey.campaign"] = ("Umfrage", "Survey"),
        ["inventory.survey.submit"] = ("Übernehmen", "Take over"),
        ["inventory.survey.choose"] = ("Bitte wählen Sie eine Umfrage.", "Please choose a survey."),
        ["inventory.survey.noCampaigns"] = ("Es gibt noch keine Umfrage.", "There is no survey yet."),
        ["inventory.survey.noCampaign"] = ("es gibt keine Umfrage mit der Nummer {0}", "there is no survey number {0}"),
        ["inventory.survey.conflict"] = ("der Bestand wurde gleichzeitig von jemand anderem geändert; bitte noch einmal versuchen", "the inventory was changed by someone else at the same time; please try again"),
        ["inventory.survey.done"] = ("{0} Stellen mit Antworten: {1} Produkte hinzugefügt, {2} aktualisiert, {3} unverändert gelassen (aus Import oder von Hand), {4} Dienste ohne Säule übersprungen.", "{0} bodies with answers: {1} products added, {2} updated, {3} kept (from an import or typed in), {4} services without a pillar skipped."),
        ["inventory.survey.counts"] = ("Für {0} Stellen wurde die Zahl der Teilnehmenden als Zahl der Nutzenden übernommen; die übrigen Anzahlen sind 0 (unbekannt).", "For {0} bodies the number of participants was taken as the number of users; the other counts are 0 (unknown)."),
        ["inventory.survey.noCounts"] = ("Die Antworten enthalten keine Anzahlen; Arbeitsplätze, Nutzende und Postfächer sind 0 (unbekannt).", "The answers hold no counts; workplaces, users and mailboxes are 0 (unknown)."),

        ["inventory.cli.nothingImported"] = ("Nichts wurde importiert.", "Nothing was imported."),
        ["inventory.cli.outMissing"] = ("--out fehlt. Aufruf: {0}", "--out is missing. Usage: {0}"),
        ["inventory.cli.exported"] = ("{0}: {1} Zeilen exportiert.", "{0}: {1} rows exported."),
        ["inventory.cli.notCampaignId"] = ("„{0}“ ist keine Nummer einer Umfrage", "\"{0}\" is not a survey number"),
    };

    /// <summary>
    /// Where an error of an inventory file is, in the language: „Zeile 4, Spalte „Lizenzkosten““ / "Row 4, column
    /// "licence cost"", with the sheet before it for an XLSX file (<c>Produkte!4:licenceCost</c>); a form field by its label.
    /// </summary>
    public static string Where(string field, Language language)
    {
        ArgumentNullException.ThrowIfNull(field);
        var bang = field.IndexOf('!', StringComparison.Ordinal);
        if (bang > 0)
        {
            return Texts.T(language, "inventory.at.sheet", field[..bang], Where(field[(bang + 1)..], language));
        }

        return CellAt.Parse(field) switch
        {
            { Column: { } column } at => Texts.T(language, "inventory.at.cell", Number(at.Row, Language.En), Column(column, language)),
            { ColumnNumber: { } number } at => Texts.T(language, "inventory.at.cellNumber", Number(at.Row, Language.En), Number(number, Language.En)),
            { } at => Texts.T(language, "inventory.at.row", Number(at.Row, Language.En)),
            null when field == "file" => Texts.T(language, "inventory.at.file"),
            null => Column(field, language),
        };
    }

    /// <summary>An error as one line, "where: message" (only the message for the input as a whole).</summary>
    public static string Line(Error error, Language language)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = Failures.Message(error, language);
        return error.Field.Length == 0 || error.Field is "revision" or "row" or "body" or "campaign" ? message : $"{Where(error.Field, language)}: {message}";
    }

    /// <summary>A count: 25.000 in German, 25,000 in English.</summary>
    // The app runs with invariant globalization, so a de-DE culture would format like the invariant one (57,322).
    public static string Number(int value, Language language) => Documents.ReportFormat.Number(value, language);

    /// <summary>A licence cost in cents as money: 1.200,50 € / €1,200.50.</summary>
    public static string Money(long cents, Language language) => FineFormat.Money(cents / 100m, language);

    public static string Day(DateOnly date, Language language) => LocalDates.Day(date, language);

    private static string Column(string column, Language language) =>
        Texts.Has("inventory.col." + column) ? Texts.T(language, "inventory.col." + column) : column;
}
