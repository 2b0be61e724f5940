using Aufsicht.Core;
using Aufsicht.Core.Bodies;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Plans;

/// <summary>The texts of a plan's files (packages export, progress import, milestones calendar), German and English, and where a file's error is in words.</summary>
internal static class PlanFilesText
{
    /// <summary>„Zeile 4, Spalte „Tatsächlicher Beginn““ / "Row 4, column "actual start""; the whole file or the row alone where no cell is meant.</summary>
    public static string Where(string field, Language language)
    {
        ArgumentNullException.ThrowIfNull(field);
        return CellAt.Parse(field) switch
        {
            { Column: { } column } at => Texts.T(language, "planFiles.at.cell", Row(at), Column(column, language)),
            { ColumnNumber: { } number } at => Texts.T(language, "planFiles.at.cellNumber", Row(at), number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            { } at => Texts.T(language, "planFiles.at.row", Row(at)),
            null when field is "file" or "" => Texts.T(language, "planFiles.at.file"),
            null => field,
        };
    }

    /// <summary>An error as one line, „wo: was“.</summary>
    public static string Line(Error error, Language language)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = Shared.Failures.Message(error, language);
        return error.Field.Length == 0 || error.Field == "plan" ? message : $"{Where(error.Field, language)}: {message}";
    }

    private static string Row(CellAt at) => at.Row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Column(string column, Language language) =>
        Texts.Has("planFiles.col." + column) ? Texts.T(language, "planFiles.col." + column) : column;

    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>
    {
        ["planFiles.at.cell"] = ("Zeile {0}, Spalte „{1}“", "Row {0}, column \"{1}\""),
        ["planFiles.at.cellNumber"] = ("Zeile {0}, Spalte {1}", "Row {0}, column {1}"),
        ["planFiles.at.row"] = ("Zeile {0}", "Row {0}"),
        ["planFiles.at.file"] = ("Datei", "File"),
        ["planFiles.col.key"] = ("Schlüssel", "key"),
        ["planFiles.col.actualStart"] = ("Tatsächlicher Beginn", "actual start"),
        ["planFiles.col.actualEnd"] = ("Tatsächliches Ende", "actual end"),
        ["planFiles.tooManyRows"] = ("Die Datei hat mehr als 100.000 Zeilen", "The file has more than 100,000 rows"),
        ["planFiles.keyMissing"] = ("Der Schlüssel des Arbeitspakets fehlt", "The work package's key is missing"),
        ["planFiles.notMonth"] = ("„{0}“ ist kein Monat (etwa 03/2027, 03.2027 oder 2027-03)", "\"{0}\" is not a month (e.g. 03/2027, 03.2027 or 2027-03)"),
        ["planFiles.moreErrors"] = ("… und weitere Fehler; nur die ersten 100 sind genannt", "… and more errors; only the first 100 are named"),
        ["planFiles.noRows"] = ("Die Datei hat keine Zeile unter der Kopfzeile", "The file has no row below its header"),
        ["planFiles.columnTwice"] = ("Die Spalte „{0}“ steht zweimal in der Kopfzeile", "The column \"{0}\" is in the header twice"),
        ["planFiles.keyColumnMissing"] = ("Die Spalte „Schlüssel“ (key) fehlt in der Kopfzeile", "The header has no column \"key\" (Schlüssel)"),
        ["planFiles.actualColumnsMissing"] = ("Die Kopfzeile hat weder „Tatsächlicher Beginn“ (actualStart) noch „Tatsächliches Ende“ (actualEnd)", "The header has neither \"actualStart\" (Tatsächlicher Beginn) nor \"actualEnd\" (Tatsächliches Ende)"),
        ["planFiles.ics.name"] = ("Meilensteine: {0}", "Milestones: {0}"),
        ["planFiles.ics.description"] = ("Meilenstein des Migrationsplans „{0}“", "Milestone of the migration plan \"{0}\""),
        ["planFiles.ics.pilotStart"] = ("Pilot beginnt", "pilot starts"),
        ["planFiles.ics.rolledOut"] = ("Umstellung abgeschlossen", "roll-out complete"),
        ["planFiles.ics.licencesEnd"] = ("letzte Lizenzen enden", "last licences end"),
        ["planFiles.ics.ministry"] = ("{0} – {1}: {2}", "{0} – {1}: {2}"),
        ["planFiles.files"] = ("Dateien", "Files"),
        ["planFiles.packagesCsv"] = ("Arbeitspakete als CSV (für Excel und LibreOffice)", "Work packages as CSV (German, for Excel and LibreOffice)"),
        ["planFiles.packagesXlsx"] = ("Arbeitspakete als XLSX", "Work packages as XLSX"),
        ["planFiles.packagesMachine"] = ("Arbeitspakete als CSV, maschinenlesbar", "Work packages as machine-readable CSV"),
        ["planFiles.ics"] = ("Meilensteine für den Kalender (ICS)", "Milestones for a calendar (ICS)"),
        ["planFiles.toProgress"] = ("Fortschritt aus einer Datei übernehmen", "Import progress from a file"),
        ["planFiles.progress.title"] = ("Fortschritt übernehmen", "Import progress"),
        ["planFiles.progress.back"] = ("Zurück zum Plan", "Back to the plan"),
        ["planFiles.progress.intro"] = ("Eine CSV- oder XLSX-Datei mit den Spalten Schlüssel, Tatsächlicher Beginn und Tatsächliches Ende (oder key, actualStart, actualEnd) trägt den tatsächlichen Beginn und das Ende je Arbeitspaket ein. Am einfachsten: die Arbeitspakete herunterladen, die beiden Spalten ausfüllen und die Datei hier hochladen; andere Spalten werden nicht gelesen. Monate als 03/2027, 03.2027 oder 2027-03; eine leere Zelle löscht den Eintrag.", "A CSV or XLSX file with the columns key, actualStart and actualEnd (or the German Schlüssel, Tatsächlicher Beginn, Tatsächliches Ende) enters the actual start and end of each work package. Easiest: download the work packages, fill in the two columns and upload the file here; other columns are not read. Months as 03/2027, 03.2027 or 2027-03; an empty cell clears the entry."),
        ["planFiles.progress.rule"] = ("Alles oder nichts: ein Fehler in einer Zeile, und nichts wird übernommen; jeder Fehler wird mit Zeile und Spalte genannt.", "All or nothing: one error in one row and nothing is taken over; every error is named with its row and column."),
        ["planFiles.progress.file"] = ("Datei (CSV oder XLSX)", "File (CSV or XLSX)"),
        ["planFiles.progress.submit"] = ("Fortschritt übernehmen", "Import progress"),
        ["planFiles.progress.done"] = ("Übernommen: {0} von {1} Arbeitspaketen geändert.", "Imported: {0} of {1} work packages changed."),
        ["planFiles.progress.failed"] = ("Nichts übernommen – die Datei hat Fehler:", "Nothing imported – the file has errors:"),
        ["planFiles.progress.noFile"] = ("Bitte eine Datei auswählen", "Please choose a file"),
        ["planFiles.progress.tooLarge"] = ("Die Datei ist größer als 20 MB", "The file is larger than 20 MB"),
        ["planFiles.cli.formatInvalid"] = ("--format: „{0}“ ist keins von csv, xlsx, ics", "--format: \"{0}\" is none of csv, xlsx, ics"),
        ["planFiles.cli.variantInvalid"] = ("--variant: „{0}“ ist keins von german, machine", "--variant: \"{0}\" is none of german, machine"),
        ["planFiles.cli.outMissing"] = ("Eine XLSX-Datei braucht --out DATEI. Aufruf: {0}", "An XLSX file needs --out FILE. Usage: {0}"),
        ["planFiles.cli.cannotWrite"] = ("{0} lässt sich nicht schreiben: {1}", "{0} cannot be written: {1}"),
        ["planFiles.cli.written"] = ("{0} geschrieben.", "{0} written."),
        ["planFiles.cli.nothingStored"] = ("Nichts gespeichert.", "Nothing stored."),
    };
}
