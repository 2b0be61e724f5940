namespace Aufsicht.Cli;

/// <summary>
/// The command line's own messages, German first (looked up through <see cref="Features.Texts"/>): the parser's, the
/// dispatcher's and those of the verbs whose feature has no table. Command names, options and usage lines inside them
/// are syntax and stay as they are typed; "usage" reads „Aufruf“ in German.
/// </summary>
internal static class CliText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        // The parser (Arguments).
        ["cli.option.needsValue"] = ("{0}: Die Option {1} braucht einen Wert.", "{0}: option {1} needs a value"),
        ["cli.option.unknownNone"] = ("{0}: Die Option {1} gibt es nicht; dieser Befehl hat keine Optionen.", "{0}: unknown option {1}; this command takes none"),
        ["cli.option.unknown"] = ("{0}: Die Option {1} gibt es nicht; möglich sind {2}.", "{0}: unknown option {1}; known options: {2}"),
        ["cli.option.choice"] = ("{0}: {1}: möglich sind {2}; angegeben war „{3}“.", "{0}: {1}: expected one of {2}; got '{3}'"),
        ["cli.argument.missing"] = ("{0}: Es fehlt ein Argument. Aufruf: {1}", "{0}: missing argument; usage: {1}"),
        ["cli.argument.unexpected"] = ("{0}: Das Argument „{1}“ ist hier nicht vorgesehen. Aufruf: {2}", "{0}: unexpected argument '{1}'; usage: {2}"),
        ["cli.option.required"] = ("{0}: Die Option {1} ist anzugeben. Aufruf: {2}", "{0}: {1} is required; usage: {2}"),

        // The dispatcher (CommandLineApp). --lang is shown in both languages: which one is meant is not known yet.
        ["cli.command.unknown"] = ("Den Befehl „{0}“ gibt es nicht; „aufsicht --help“ zeigt alle Befehle.", "unknown command '{0}'; run 'aufsicht --help'"),
        ["cli.command.sub"] = ("{0}: Gemeint ist {1}.", "{0}: expected {1}"),
        ["cli.or"] = ("oder", "or"),
        ["cli.lang.invalid"] = ("--lang: möglich sind de oder en; angegeben war „{0}“", "--lang: expected de or en; got '{0}'"),

        ["cli.help.title"] = ("aufsicht — Datenschutzaufsicht über Cloud-Dienste", "aufsicht — supervision of cloud services under the GDPR"),
        ["cli.help.usage"] = ("Aufruf:", "Usage:"),
        ["cli.help.common"] = ("Jeder Befehl nimmt --data DIR (Vorgabe: der mit aufsicht ausgelieferte Katalog) und --lang de|en für die Textausgabe.", "Every command takes --data DIR (default: the catalogue shipped with aufsicht) and --lang de|en for text output."),
        ["cli.help.exitCodes"] = ("Exit-Codes: 0 Erfolg (gleich welche Bewertung), 1 „audit verify“ fand eine gebrochene Verkettung, 2 ungültige Eingabe.", "Exit codes: 0 success (whatever the verdict), 1 'audit verify' found a broken link, 2 invalid input."),

        // Files and folders named on the command line.
        ["cli.file.cannotRead"] = ("{0}: Die Datei lässt sich nicht lesen: {1}", "{0}: cannot be read: {1}"),
        ["cli.data.missing"] = ("Den Datenordner „{0}“ gibt es nicht (er wird mit --data DIR angegeben).", "data folder '{0}' does not exist (set it with --data DIR)"),
        ["cli.data.invalid"] = ("Der Katalog in {0} ist ungültig:", "the catalogue in {0} is invalid:"),
        ["cli.data.details"] = ("(Einzelheiten zeigt „aufsicht catalog validate“.)", "(run 'aufsicht catalog validate' for details)"),
        ["cli.database.failed"] = ("Die Datenbank ({0}) lässt sich nicht öffnen oder migrieren: {1}", "database ({0}): cannot be opened or migrated: {1}"),
        ["cli.dataDir.empty"] = ("--data-dir: Hier ist ein Ordner anzugeben.", "--data-dir: must name a folder"),
        ["cli.postgres"] = ("PostgreSQL (Verbindung aus --database / AUFSICHT_DATABASE)", "PostgreSQL (connection string from --database / AUFSICHT_DATABASE)"),

        // assess service / assess batch / catalog show.
        ["cli.service.unknown"] = ("{0}: Den Dienst „{1}“ gibt es im Katalog nicht", "{0}: unknown service '{1}'"),
        ["cli.service.didYouMean"] = ("; gemeint ist vielleicht {0}?", "; did you mean {0}?"),
        ["cli.service.seeList"] = ("; „aufsicht catalog list“ zeigt den Katalog.", "; 'aufsicht catalog list' shows the catalogue"),
        ["cli.service.mismatch"] = ("{0}: service: nennt „{1}“, bewertet wird aber „{2}“", "{0}: service: names '{1}', but the service assessed is '{2}'"),
        ["cli.problems"] = ("{0}: {1} Probleme:", "{0}: {1} problems:"),

        // catalog validate.
        ["cli.validate.questionnaire"] = ("{0}: gültiger Fragebogen", "{0}: valid questionnaire"),
        ["cli.validate.service"] = ("{0}: gültiges Dienstprofil", "{0}: valid service profile"),
        ["cli.validate.deployment"] = ("{0}: gültiges Einsatzprofil", "{0}: valid deployment profile"),
        ["cli.validate.catalogue"] = ("Katalog gültig: {0} Dienste in {1} Kategorien, {2} Faktenstände, {3} Kriterien, {4} Behörden, {5} veröffentlichte Entscheidungen, {6} Alternativen, {7}",
            "catalogue valid: {0} services in {1} categories, {2} snapshots, {3} criteria, {4} authorities, {5} published decisions, {6} alternatives, {7}"),
        ["cli.validate.questionnaires.one"] = ("{0} Fragebogen", "{0} questionnaire"),
        ["cli.validate.questionnaires.many"] = ("{0} Fragebögen", "{0} questionnaires"),
        ["cli.validate.passages"] = ("Belege: {0} bekannte Fakten, {1} mit Fundstelle, {2} ohne; {3} davon gefolgert, nicht wörtlich belegt", "evidence: {0} known facts, {1} with a passage, {2} without; {3} of them inferred, not stated"),
        ["cli.validate.technical"] = ("Technische Stufe bewertbar: {0} von {1} Diensten (alle technischen Fakten bekannt; Sicht {2} ohne Vorprüfung, {3})", "technical stage assessable: {0} of {1} services (every technical fact known; view {2} without its gate, {3})"),
        ["cli.validate.predating"] = ("Faktenstand vor einem Rechtsereignis, Bewertung prüfen: {0} Dienste ({1})", "facts older than a legal event, review the verdict: {0} services ({1})"),
        ["cli.validate.decisions"] = ("Veröffentlichte Entscheidungen: Die Bewertung stimmt bei {0} von {1} überein", "published decisions: the engine agrees with {0} of {1}"),
        ["cli.validate.disagrees"] = ("  weicht ab: {0}: veröffentlicht {1}, berechnet {2}", "  disagrees: {0}: published {1}, engine {2}"),
        ["cli.validate.invalid"] = ("Katalog ungültig: {0} Problem(e)", "catalogue invalid: {0} problem(s)"),

        // db migrate, backup, restore.
        ["cli.db.migrated"] = ("{0}: Das Schema ist aktuell ({1} Migration(en) angewendet).", "{0}: schema up to date ({1} migration(s) applied)"),
        ["cli.backup.noDatabase"] = ("backup: Unter {0} gibt es keine Datenbank (--data-dir nennt den Datenordner der Anwendung).", "backup: there is no database at {0} (--data-dir names the app's data folder)"),
        ["cli.backup.exists"] = ("backup: {0} gibt es schon; bitte einen neuen Dateinamen wählen.", "backup: {0} exists already; choose a new file name"),
        ["cli.backup.done"] = ("{0} gesichert in {1} ({2} Bytes)", "backed up {0} to {1} ({2} bytes)"),
        ["cli.restore.missing"] = ("restore: {0} gibt es nicht.", "restore: {0} does not exist"),
        ["cli.restore.notAufsicht"] = ("restore: {0} ist keine Aufsicht-Datenbank (keine Schema-Historie darin); nichts wurde geändert.", "restore: {0} is not an Aufsicht database (no schema history inside); nothing was changed"),
        ["cli.restore.done"] = ("{0} wiederhergestellt in {1}; die Anwendung (neu) starten, um sie zu nutzen.", "restored {0} into {1}; start the app (or restart it) to use it"),
        ["cli.backup.postgres"] = ("{0}: Diese Installation nutzt PostgreSQL (AUFSICHT_DATABASE ist gesetzt); dort pg_dump / pg_restore verwenden.", "{0}: this installation uses PostgreSQL (AUFSICHT_DATABASE is set); use pg_dump / pg_restore there"),
        ["cli.backup.copyFailed"] = ("{0} lässt sich nicht nach {1} kopieren: {2}", "cannot copy {0} to {1}: {2}"),
    };

    /// <summary>Verbs as alternatives in the language: „a“, „b“ oder „c“ / 'a', 'b' or 'c'.</summary>
    public static string Alternatives(Core.Law.Language language, params string[] verbs)
    {
        ArgumentNullException.ThrowIfNull(verbs);
        var quoted = verbs.Select(v => language == Core.Law.Language.De ? $"„{v}“" : $"'{v}'").ToArray();
        return quoted.Length == 1
            ? quoted[0]
            : $"{string.Join(", ", quoted[..^1])} {Features.Texts.T(language, "cli.or")} {quoted[^1]}";
    }
}
