namespace Aufsicht.Features.Mail;

/// <summary>The texts of this feature's pages and messages, German first (merged into <see cref="Web.UiText"/>).</summary>
internal static class MailText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["mail.title"] = ("Postausgang", "Outbox"),
        ["mail.intro"] = ("Einladungen und Erinnerungen der Umfragen gehen von hier an die Stellen. Nicht zugestellte Nachrichten stehen unten; prüfen Sie dort die Adresse.", "Survey invitations and reminders go out from here to the bodies. Messages that were not delivered are listed below; check their address."),
        ["mail.disabled"] = ("Der Versand ist abgeschaltet: Es ist kein Mailserver eingerichtet (Einstellung Aufsicht:Mail:Host). Nachrichten warten im Postausgang.", "Sending is off: no mail server is configured (setting Aufsicht:Mail:Host). Messages wait in the outbox."),
        ["mail.counts"] = ("Nachrichten nach Stand", "Messages by state"),
        ["mail.state"] = ("Stand", "State"),
        ["mail.count"] = ("Anzahl", "Number"),
        ["mail.state.pending"] = ("wartet auf Versand", "waiting to be sent"),
        ["mail.state.sent"] = ("versandt", "sent"),
        ["mail.state.rejected"] = ("abgewiesen", "refused"),
        ["mail.state.failed"] = ("aufgegeben", "given up"),
        ["mail.problems"] = ("Nicht zugestellt", "Not delivered"),
        ["mail.noProblems"] = ("Keine: Bisher wurde jede Nachricht angenommen oder wartet noch.", "None: every message so far was accepted or is still waiting."),
        ["mail.problemsCaption"] = ("Abgewiesene und aufgegebene Nachrichten, neueste zuerst (Seite {0} von {1})", "Refused and given-up messages, newest first (page {0} of {1})"),
        ["mail.address"] = ("Adresse", "Address"),
        ["mail.kind"] = ("Art", "Kind"),
        ["mail.kind.invitation"] = ("Einladung", "Invitation"),
        ["mail.kind.reminder"] = ("Erinnerung", "Reminder"),
        ["mail.campaign"] = ("Umfrage (Nr.)", "Campaign (no.)"),
        ["mail.error"] = ("Grund (Antwort des Mailservers)", "Reason (the mail server's answer)"),
        ["mail.when"] = ("Letzter Versuch", "Last attempt"),
        ["mail.attempts"] = ("Versuche: {0}", "attempts: {0}"),
        ["mail.pages"] = ("Seiten", "Pages"),
        ["mail.newer"] = ("Neuere", "Newer"),
        ["mail.older"] = ("Ältere", "Older"),
        ["mail.template.tooLong"] = ("Die Vorlage ist {0} Zeichen lang; erlaubt sind höchstens {1}.", "the template is {0} characters long; at most {1} are allowed."),
        ["mail.template.syntax"] = ("Syntaxfehler: {0}", "syntax error: {0}"),
        ["mail.template.position"] = ("(Zeile {0}, Spalte {1})", "(line {0}, column {1})"),
        ["mail.template.unknown"] = ("unbekannte Variable {0}; erlaubt sind {1}.", "unknown variable {0}; allowed are {1}."),
        ["mail.template.invitation.subject"] = ("Einladung, Betreff", "invitation subject"),
        ["mail.template.invitation.text"] = ("Einladung, Text", "invitation text"),
        ["mail.template.reminder.subject"] = ("Erinnerung, Betreff", "reminder subject"),
        ["mail.template.reminder.text"] = ("Erinnerung, Text", "reminder text"),
        ["mail.template.de"] = ("deutsch", "German"),
        ["mail.template.en"] = ("englisch", "English"),
        ["mail.template.missing"] = ("fehlt", "missing"),
        ["mail.template.json"] = ("Die Vorlagen sind kein gültiges JSON (invitation und reminder, je mit subject und text, je mit de und en): {0}", "The templates are not valid JSON (invitation and reminder, each with subject and text, each with de and en): {0}"),
    };
}
