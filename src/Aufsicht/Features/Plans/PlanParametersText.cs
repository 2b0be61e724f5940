using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;

namespace Aufsicht.Features.Plans;

/// <summary>
/// The planning parameters (<c>data/migration/parameters.json</c>) in words for the timeline's „Annahmen der Planung“:
/// each parameter's name in both languages, and — since the data file's unit, basis and reason are English — their
/// German wording, keyed by parameter id. The English timeline prints the file's own texts.
/// </summary>
internal static class PlanParametersText
{
    /// <summary>The German unit, basis (null where the file's basis is "assumption") and reason of each parameter.</summary>
    public static readonly IReadOnlyDictionary<string, (string Unit, string? Basis, string? Reason)> German = new Dictionary<string, (string Unit, string? Basis, string? Reason)>(StringComparer.Ordinal)
    {
        ["effort.office"] = ("Personentage je Arbeitsplatz", "Schleswig-Holstein hat LibreOffice im Jahr 2024, in etwa 12 Monaten, auf alle 25.000 Arbeitsplätze gebracht: 25.000 × 0,1 = 2.500 Personentage = etwa 12 Personen × 18 Arbeitstage × 12 Monate. Die Teamgröße ist unsere Annahme; Umfang und Jahr stammen aus der Quelle.", null),
        ["effort.operating-system"] = ("Personentage je Arbeitsplatz", null, "Zwei Stunden je Gerät für eine automatisierte Installation, den Umzug von Profil und Daten und den Test von Druckern und Scannern. Das langsame Tempo in Schleswig-Holstein (etwa 250 Arbeitsplätze im Sommer 2026, 2.500 bis Ende 2027) zeigt, dass das Betriebssystem die schwierigste Säule ist; der Aufwand gilt je Gerät, das Tempo geben Pilot und Kohorten vor."),
        ["effort.mail"] = ("Personentage je Postfach", "Schleswig-Holstein hat mehr als 40.000 Postfächer mit über 100 Millionen E-Mails und Kalendereinträgen in etwa sechs Monaten zu Open-Xchange umgezogen: 40.000 × 0,03 = 1.200 Personentage = etwa 11 Personen × 18 Arbeitstage × 6 Monate. Die Teamgröße ist unsere Annahme.", null),
        ["effort.collaboration"] = ("Personentage je Nutzerin oder Nutzer", null, "Freigaben und SharePoint-Seiten einer Person zu Nextcloud umzuziehen dauert länger als ein Postfach (Strukturen, Berechtigungen): etwas mehr als die 0,03 Tage, die ein Postfach in Schleswig-Holstein brauchte."),
        ["effort.directory"] = ("Personentage je Nutzerin oder Nutzer", null, "Konten und Gruppen werden per Skript übertragen; der Aufwand je Person ist die Prüfung von Rechten und Gruppenrichtlinien, weniger als bei einem Postfach."),
        ["effort.telephony"] = ("Personentage je Nutzerin oder Nutzer", null, "Je Person wird ein Telefon oder Softphone eingerichtet und getestet, und Rufnummern werden portiert: etwa so viel wie die Bürosoftware eines Arbeitsplatzes."),
        ["effort.video"] = ("Personentage je Nutzerin oder Nutzer", null, "Ein Konto und ein Browser oder Client; Schleswig-Holstein hat OpenTalk nach einer Erprobung mit mehr als 200 Nutzenden im Jahr 2025 in seinen Stellen eingeführt."),
        ["effort.preparation"] = ("Personentage je Stelle und Säule ab Kohortengröße", null, "Ein Monat einer Person für Paketierung, Konfiguration und einen Test der Datenübernahme je Stelle und Säule ab einer Kohortengröße; eine kleinere Dienststelle nutzt, was ihr Ministerium oder das Land vorbereitet hat, und braucht einen Anteil nach ihrer Größe, mindestens einen Tag."),
        ["effort.make-compatible"] = ("Personentage je Fachverfahren", null, "München hat in zehn Jahren etwa 900 unkontrollierte Makros zu 100 gepflegten Makroanwendungen und 38 Webanwendungen zusammengeführt; vier Wochen einer Entwicklerin oder eines Entwicklers je anzupassender Anwendung sind eine mittlere Schätzung."),
        ["effort.replace"] = ("Personentage je Fachverfahren", null, "Ein inkompatibles Fachverfahren zu ersetzen heißt, ein anderes auszuwählen, zu beschaffen und einzuführen: drei Monate einer Person; Kritiker in München nannten etwa 800 Anwendungen als ein Haupthindernis."),
        ["effort.assess"] = ("Personentage je Fachverfahren", null, "Zwei Tage, um eine Anwendung unbekannter Kompatibilität auf dem Ziel zu testen und das Ergebnis im Verzeichnis festzuhalten."),
        ["pilot.share"] = ("Anteil der Einheiten", "Die erste Linux-Umstellung in Schleswig-Holstein umfasste im Sommer 2026 etwa 250 von rund 25.000 Arbeitsplätzen: 250 / 25.000 = 1 %.", null),
        ["pilot.minimum"] = ("Einheiten", null, "Ein Pilot braucht Nutzende jeder Rolle einer Stelle; die OpenTalk-Erprobung in Schleswig-Holstein hatte mehr als 200 Nutzende im ganzen Land, 20 sind das Mindeste, das die Rollen einer kleinen Dienststelle abdeckt."),
        ["cohort.size"] = ("Einheiten", null, "Was ein Support-Team von wenigen Personen in einem Monat der Umstellung tragen kann (bei 5 Support-Personen je 1.000 Nutzende: 2 bis 3 Personen); große Stellen bekommen mehrere Kohorten."),
        ["training.days-per-user"] = ("Schulungstag(e) je Person und Säule", null, "Ein eintägiger Kurs je Säule (Bürosoftware, Betriebssystem, E-Mail); kleinere Säulen brauchen weniger, was die Planung je Plan festlegen kann."),
        ["training.trainees-per-trainer-day"] = ("Personen je Schulungstag", null, "Ein Kursraum mit zwölf Teilnehmenden und einer Lehrkraft."),
        ["parallel.months"] = ("Monate", null, "Ein Quartal umfasst einen Monats- und einen Quartalsabschluss in beiden Systemen; Münchens Lehre ist, dieses Fenster ausdrücklich einzuplanen."),
        ["support.per-1000-users"] = ("Personen je 1.000 Nutzende", null, "Eine Person je 200 Nutzende im Monat der Umstellung, ein Helpdesk vor Ort und am Telefon für die ersten Wochen (der Verzeichnisdienst zieht um, ohne dass Nutzende es merken, und braucht keinen); schlechte Unterstützung der Nutzenden war einer der Hauptkritikpunkte an LiMux, daher wird sie als eigene Kapazität geplant."),
        ["calendar.workdays-per-month"] = ("Tage", null, "Etwa 250 Wochentage abzüglich etwa 10 Feiertagen und 30 Urlaubstagen sind etwa 210 Arbeitstage im Jahr, 17,5 im Monat, aufgerundet."),
        ["crew.team"] = ("Personen je Arbeitspaket", null, "Höchstens ein kleines Team arbeitet zugleich an einem Paket (Leitung, zwei Technikerinnen oder Techniker, eine Person für die Daten); das bestimmt, wie viele Monate ein großes Paket dauert. Ein Paket nutzt die Kapazität des Teams mit seinem Aufwand in Personentagen, kleine Pakete laufen daher nebeneinander."),
        ["crew.trainers"] = ("Personen je Schulungspaket", null, "Höchstens zwei Lehrkräfte zugleich je Schulung einer Stelle, sodass Kurse in parallelen Räumen laufen; eine Schulung nutzt die Kapazität der Lehrkräfte mit ihren Schulungstagen."),
        ["contract.notice-months"] = ("Monate", null, "Eine übliche Kündigungsfrist von Lizenzverträgen, wo die Bestandsaufnahme keine nennt; der Wert der Bestandsaufnahme hat Vorrang."),
        ["cost.day-rate"] = ("Euro je Personentag", null, "Ein Mischsatz aus eigenem Personal der Verwaltung und externer Beratung für IT-Projekte."),
        ["cost.one-off-per-unit"] = ("Euro je Einheit und Säule", "Schleswig-Holstein: eine einmalige Investition von 9 Mio. € für etwa 25.000 Arbeitsplätze = 360 € je Arbeitsplatz, auf seine sechs Säulen verteilt = 60 € je Arbeitsplatz und Säule (Dienstleistungen, Werkzeuge, Datenübernahme). Wir lesen die 9 Mio. € als Investition neben dem Personal, das der Tagessatz zählt.", null),
        ["cost.running-per-unit-month"] = ("Euro je Einheit und Monat", null, "Support-Abonnements und Betrieb der selbst betriebenen Ziele; deutlich unter den 8,33 € je PC und Monat (2,5 Mio. € / 25.000 / 12), die Schleswig-Holstein für Lizenzen zahlte."),
        ["cost.licence-per-unit-year"] = ("Euro je Einheit und Jahr", "Schleswig-Holstein: Microsoft-Lizenzen für 25.000 PCs kosteten etwa 2,5 Mio. € im Jahr (2020): 2.500.000 € / 25.000 = 100 € je PC und Jahr. Nur verwendet, wo die Bestandsaufnahme keine Lizenzkosten nennt (dann warnt eine Prüfung).", null),
    };

    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>
    {
        ["plans.parameter.effort.office"] = ("Aufwand Bürosoftware", "Effort, office suite"),
        ["plans.parameter.effort.operating-system"] = ("Aufwand Betriebssystem", "Effort, operating system"),
        ["plans.parameter.effort.mail"] = ("Aufwand E-Mail", "Effort, mail"),
        ["plans.parameter.effort.collaboration"] = ("Aufwand Zusammenarbeit und Dateiablage", "Effort, collaboration and file storage"),
        ["plans.parameter.effort.directory"] = ("Aufwand Verzeichnisdienst", "Effort, directory"),
        ["plans.parameter.effort.telephony"] = ("Aufwand Telefonie", "Effort, telephony"),
        ["plans.parameter.effort.video"] = ("Aufwand Videokonferenzen", "Effort, video conferencing"),
        ["plans.parameter.effort.preparation"] = ("Vorbereitung je Stelle und Säule", "Preparation per body and pillar"),
        ["plans.parameter.effort.make-compatible"] = ("Fachverfahren anpassen", "Making an application compatible"),
        ["plans.parameter.effort.replace"] = ("Fachverfahren ersetzen", "Replacing an application"),
        ["plans.parameter.effort.assess"] = ("Fachverfahren prüfen", "Assessing an application"),
        ["plans.parameter.pilot.share"] = ("Größe des Pilots (Anteil)", "Size of the pilot (share)"),
        ["plans.parameter.pilot.minimum"] = ("Größe des Pilots (mindestens)", "Size of the pilot (at least)"),
        ["plans.parameter.cohort.size"] = ("Größe einer Kohorte", "Size of a cohort"),
        ["plans.parameter.training.days-per-user"] = ("Schulung je Person", "Training per user"),
        ["plans.parameter.training.trainees-per-trainer-day"] = ("Teilnehmende je Schulungstag", "Trainees per trainer-day"),
        ["plans.parameter.parallel.months"] = ("Dauer des Parallelbetriebs", "Length of parallel operation"),
        ["plans.parameter.support.per-1000-users"] = ("Support je 1.000 Nutzende", "Support per 1,000 users"),
        ["plans.parameter.calendar.workdays-per-month"] = ("Arbeitstage je Monat", "Workdays per month"),
        ["plans.parameter.crew.team"] = ("Team je Arbeitspaket (höchstens)", "Team per package (at most)"),
        ["plans.parameter.crew.trainers"] = ("Lehrkräfte je Schulungspaket (höchstens)", "Trainers per training package (at most)"),
        ["plans.parameter.contract.notice-months"] = ("Kündigungsfrist, wo keine bekannt ist", "Notice period where none is known"),
        ["plans.parameter.cost.day-rate"] = ("Tagessatz", "Day rate"),
        ["plans.parameter.cost.one-off-per-unit"] = ("Einmalkosten je Einheit und Säule", "One-off cost per unit and pillar"),
        ["plans.parameter.cost.running-per-unit-month"] = ("Laufende Kosten je Einheit und Monat", "Running cost per unit and month"),
        ["plans.parameter.cost.licence-per-unit-year"] = ("Lizenzkosten, wo keine bekannt sind", "Licence cost where none is known"),
        ["plans.parameters.intro"] = ("Die Arbeitspakete dieses Plans sind mit den folgenden Planungsparametern der Installation berechnet. Eine Annahme ist eine begründete Schätzung; wo eine Quelle genannt ist, folgt der Wert aus ihren Zahlen.", "This plan's work packages are computed with the installation's planning parameters below. An assumption is a reasoned estimate; where a source is named, the value follows from its figures."),
        ["plans.parameters.caption"] = ("Planungsparameter dieses Plans mit Wert, Einheit und Grundlage", "This plan's planning parameters with value, unit and basis"),
        ["plans.parameters.name"] = ("Parameter", "Parameter"),
        ["plans.parameters.value"] = ("Wert und Einheit", "Value and unit"),
        ["plans.parameters.basis"] = ("Grundlage", "Basis"),
        ["plans.parameters.assumption"] = ("Annahme: {0}", "Assumption: {0}"),
        ["plans.parameters.sources"] = ("Quellen: {0} (Adressen unter der Tabelle)", "Sources: {0} (addresses below the table)"),
        ["plans.parameters.sourcesHeading"] = ("Quellen der Planungsparameter", "Sources of the planning parameters"),
        ["plans.parameters.source"] = ("{0}: {1} (gesehen am {2})", "{0}: {1} (seen on {2})"),
    };

    /// <summary>A parameter's unit in the language: the German table's, or the file's English one.</summary>
    public static string Unit(PlanningParameter parameter, Language language)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return language == Language.De && German.TryGetValue(parameter.Id, out var de) ? de.Unit : parameter.Unit;
    }

    /// <summary>How a value was arrived at, in the language: the arithmetic from a source, or „Annahme: “ and the reason; then the sources' addresses.</summary>
    public static string Basis(PlanningParameter parameter, Language language)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var de = language == Language.De && German.TryGetValue(parameter.Id, out var g) ? g : ((string Unit, string? Basis, string? Reason)?)null;
        var assumption = parameter.Basis == "assumption";
        var text = assumption
            ? Texts.T(language, "plans.parameters.assumption", (de is { } d ? d.Reason : parameter.Reason) ?? "–")
            : de is { } e ? e.Basis ?? parameter.Basis : parameter.Basis;
        return parameter.Sources.Count == 0 ? text : text + " " + Texts.T(language, "plans.parameters.sources", string.Join(", ", parameter.Sources.Select(s => Host(s.Url)).Distinct()));
    }

    /// <summary>
    /// The sources' addresses in full, one paragraph each under the table (a long address in a narrow cell would be
    /// cut in pieces): „Aufwand Bürosoftware: https://… (gesehen am 02.12.2026)“.
    /// </summary>
    public static IEnumerable<string> Sources(IEnumerable<PlanningParameter> parameters, Language language) =>
        parameters.SelectMany(p => p.Sources.Select(s => Texts.T(language, "plans.parameters.source", Texts.T(language, "plans.parameter." + p.Id), s.Url, Documents.ReportFormat.Date(s.Seen, language))));

    /// <summary>A source's host without „www.“, as the table names it.</summary>
    public static string Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host) : url;
}
