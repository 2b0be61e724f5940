namespace Aufsicht.Web;

/// <summary>The texts of the shared layout and of the host itself, German first: brand, navigation, footer, language switch, the traffic lights, the error page. Looked up through <see cref="Features.Texts"/>.</summary>
internal static class LayoutText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["app.name"] = ("Aufsicht", "Aufsicht"),
        ["app.tagline"] = ("Datenschutzaufsicht über Cloud-Dienste", "Supervising cloud services under the GDPR"),
        ["nav.skip"] = ("Zum Inhalt springen", "Skip to content"),
        ["nav.main"] = ("Hauptnavigation", "Main navigation"),
        ["table.region"] = ("Tabelle:", "Table:"),
        ["nav.catalog"] = ("Dienstekatalog", "Service catalogue"),
        ["nav.migration"] = ("Migration", "Migration"),
        ["nav.compare"] = ("Vergleich", "Compare"),
        ["nav.api"] = ("API (OpenAPI)", "API (OpenAPI)"),
        ["nav.language"] = ("Sprache", "Language"),
        ["footer.private"] = ("Läuft auf Ihrem eigenen Server; diese Seite lädt nichts von fremden Hosts.", "Runs on your own server; this page loads nothing from other hosts."),
        ["level.green"] = ("grün", "green"),
        ["level.yellow"] = ("gelb", "yellow"),
        ["level.red"] = ("rot", "red"),
        ["level.not-assessed"] = ("nicht bewertet", "not assessed"),
        ["level.note"] = ("Hinweis", "note"),
        ["error.title"] = ("Fehler", "Error"),
        ["error.404"] = ("Diese Seite gibt es nicht.", "This page does not exist."),
        ["error.400"] = ("Die Anfrage ist ungültig.", "The request is invalid."),
        ["error.other"] = ("Es ist ein Fehler aufgetreten. Die Sachbearbeitung kann es erneut versuchen; Details stehen im Protokoll des Servers.", "Something went wrong. Please try again; details are in the server's log."),
        ["error.back"] = ("Zurück zum Katalog", "Back to the catalogue"),
        ["nav.login"] = ("Anmelden", "Sign in"),
        ["nav.logout"] = ("Abmelden", "Sign out"),
        ["nav.account"] = ("Angemeldet als {0}", "Signed in as {0}"),
        ["error.403"] = ("Dafür fehlt Ihrem Konto die Berechtigung.", "Your account is not allowed to do this."),
        ["nav.myAccount"] = ("Mein Konto", "My account"),
        ["nav.users"] = ("Konten", "Accounts"),
    };
}
