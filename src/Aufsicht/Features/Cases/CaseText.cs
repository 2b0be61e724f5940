namespace Aufsicht.Features.Cases;

/// <summary>The texts of case files (Verfahren), German first: states, actions, outcomes and the workflow's refusals.</summary>
internal static class CaseText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["case.state.opened"] = ("eröffnet", "opened"),
        ["case.state.hearing"] = ("Anhörung läuft", "hearing"),
        ["case.state.statement-received"] = ("Stellungnahme eingegangen", "statement received"),
        ["case.state.hearing-lapsed"] = ("Anhörungsfrist verstrichen", "hearing period lapsed"),
        ["case.state.decided"] = ("Maßnahme entschieden", "measure decided"),
        ["case.state.follow-up"] = ("Nachprüfung", "follow-up check"),
        ["case.state.escalated"] = ("eskaliert", "escalated"),
        ["case.state.closed"] = ("abgeschlossen", "closed"),

        ["case.action.start-hearing"] = ("Anhörung einleiten", "start the hearing"),
        ["case.action.record-statement"] = ("Stellungnahme erfassen", "record the statement"),
        ["case.action.record-hearing-lapsed"] = ("Fristablauf der Anhörung erfassen", "record that the hearing period lapsed"),
        ["case.action.decide"] = ("Maßnahme entscheiden", "decide the measure"),
        ["case.action.start-follow-up"] = ("Nachprüfung beginnen", "start the follow-up check"),
        ["case.action.escalate"] = ("eskalieren", "escalate"),
        ["case.action.close"] = ("abschließen", "close"),

        ["case.outcome.remedied"] = ("Mangel behoben", "deficiency remedied"),
        ["case.outcome.complied"] = ("Maßnahme befolgt", "measure complied with"),
        ["case.outcome.discontinued"] = ("eingestellt", "discontinued"),

        ["case.action.notNow"] = ("„{0}“ ist im Stand „{1}“ des Verfahrens nicht möglich.", "'{0}' is not possible while the case is '{1}'."),
        ["case.deadline.missing"] = ("Bitte eine Frist angeben.", "Please give a deadline."),
        ["case.deadline.past"] = ("Die Frist ({0}) muss in der Zukunft liegen.", "The deadline ({0}) must lie in the future."),
        ["case.hearing.running"] = ("Die Anhörungsfrist läuft noch bis {0}.", "The hearing period runs until {0}."),
        ["case.hearing.groundMissing"] = ("Ohne Anhörung darf nur entschieden werden, wenn ein Grund nach § 28 Abs. 2 VwVfG festgehalten ist.", "Deciding without a hearing needs a recorded ground under § 28(2) VwVfG."),
        ["case.followUp.noDeadline"] = ("Die entschiedene Maßnahme setzt keine Frist; das Verfahren kann abgeschlossen werden.", "The measure decided sets no deadline; the case can be closed."),
        ["case.followUp.early"] = ("Die Frist zur Umsetzung läuft noch bis {0}.", "The compliance period runs until {0}."),
        ["case.outcome.missing"] = ("Bitte angeben, wie das Verfahren endet.", "Please say how the case ends."),
        ["case.outcome.noMeasure"] = ("„Maßnahme befolgt“ setzt eine entschiedene Maßnahme voraus.", "'Measure complied with' needs a decided measure."),
        ["audit.verify.ok"] = ("Audit-Protokoll unversehrt: {0} Einträge, jede Verkettung stimmt.", "Audit log intact: {0} entries, every link holds."),
        ["audit.verify.broken.hash"] = ("Audit-Protokoll gebrochen: Eintrag {0} wurde nachträglich verändert (sein Inhalt passt nicht mehr zu seinem Hash). Die {1} Einträge davor sind unversehrt.", "Audit log broken: entry {0} was changed afterwards (its content no longer matches its hash). The {1} entries before it are intact."),
        ["audit.verify.broken.link"] = ("Audit-Protokoll gebrochen: Eintrag {0} verweist nicht auf den Hash des Eintrags davor (ein Eintrag wurde verändert oder ersetzt). Die {1} Einträge davor sind unversehrt.", "Audit log broken: entry {0} does not name the hash of the entry before it (an entry was changed or replaced). The {1} entries before it are intact."),
        ["audit.verify.broken.gap"] = ("Audit-Protokoll gebrochen: Vor Eintrag {0} fehlen Einträge (gelöscht). Die {1} Einträge davor sind unversehrt.", "Audit log broken: entries before entry {0} are missing (deleted). The {1} entries before it are intact."),
        ["case.deadline.kind.hearing"] = ("Anhörungsfrist", "Hearing deadline"),
        ["case.deadline.kind.compliance"] = ("Umsetzungsfrist", "Compliance deadline"),
        ["case.feed.name"] = ("Aufsicht – Fristen", "Aufsicht – deadlines"),
        ["case.feed.summary"] = ("{0}: {1} ({2})", "{0}: {1} ({2})"),
        ["case.feed.state"] = ("Stand: {0}", "State: {0}"),
        ["case.feed.ends"] = ("Fristende: {0}", "Deadline ends: {0}"),
        ["case.feed.title"] = ("Fristen im Kalender", "Deadlines in your calendar"),
        ["case.feed.intro"] = ("Eine geheime Adresse, die Ihr Kalenderprogramm abonnieren kann: Sie zeigt die laufenden Fristen der Verfahren, die Sie bearbeiten. Wer die Adresse kennt, sieht diese Fristen (Name der Stelle und Aktenzeichen) – geben Sie sie nicht weiter.", "A secret address your calendar program can subscribe to: it shows the running deadlines of the cases you handle. Anyone who knows the address sees these deadlines (the body's name and the file number) – do not pass it on."),
        ["case.feed.none"] = ("Sie haben noch keine Kalender-Adresse.", "You have no calendar address yet."),
        ["case.feed.exists"] = ("Sie haben eine Kalender-Adresse. Sie wird nur beim Erzeugen angezeigt; eine neue Adresse macht die alte ungültig.", "You have a calendar address. It is shown only when it is made; a new address makes the old one invalid."),
        ["case.feed.create"] = ("Kalender-Adresse erzeugen", "Create a calendar address"),
        ["case.feed.renew"] = ("Neue Kalender-Adresse erzeugen (die alte wird ungültig)", "Create a new calendar address (the old one stops working)"),
        ["case.feed.created"] = ("Ihre Kalender-Adresse – sie wird nur jetzt angezeigt:", "Your calendar address – it is shown only now:"),
        ["case.reminder.subject"] = ("Erinnerung: {0} am {1} – {2} ({3})", "Reminder: {0} on {1} – {2} ({3})"),
        ["case.reminder.today"] = ("heute", "today"),
        ["case.reminder.tomorrow"] = ("morgen", "tomorrow"),
        ["case.reminder.inDays"] = ("in {0} Tagen", "in {0} days"),
        ["case.reminder.body"] = ("Guten Tag,\n\ndie {0} im Verfahren {1} ({2}) endet {3}, am {4}.\n\nStand des Verfahrens: {5}\nZum Verfahren: {6}\n\nDiese Nachricht hat Aufsicht automatisch erzeugt, weil Sie das Verfahren bearbeiten.\n", "Hello,\n\nthe {0} of case {1} ({2}) ends {3}, on {4}.\n\nState of the case: {5}\nThe case: {6}\n\nAufsicht sent this message automatically because you handle the case.\n"),
        ["mail.kind.case-reminder"] = ("Fristerinnerung", "Deadline reminder"),
        ["case.fileNumber.pattern"] = ("Das Muster des Aktenzeichens „{0}“ braucht den Platzhalter {{seq}} (z. B. „LfDI-{{year}}-{{seq:0000}}“).", "The file-number pattern '{0}' needs the placeholder {{seq}} (e.g. 'LfDI-{{year}}-{{seq:0000}}')."),
    };
}
