using System.Text.Json;
using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;

namespace Aufsicht.Features.Plans;

/// <summary>The migration plans' texts, German and English, and how a package and its holds are named on a page.</summary>
internal static class PlansText
{
    /// <summary>A package as a person reads it: „Gemeinde Altdorf: Bürosoftware – Kohorte 2“, never its key.</summary>
    public static string PackageName(PackageLine line, Language language)
    {
        var r = line.Row;
        var what = (line.Product?.NameIn(language) ?? r.Product) is { Length: > 0 } product && r.Phase is "notice" or "cancellation" ? $" ({product})" : "";
        return $"{line.Body}: {Texts.T(language, "migration.pillar." + MigrationNames.Wire(r.Pillar))} – {PhaseName(r, language)}{what}";
    }

    /// <summary>A package's phase in words, with its cohort: „Kohorte 2“, „Schulung für den Pilot“.</summary>
    public static string PhaseName(Data.PlanPackageRecord r, Language language)
    {
        ArgumentNullException.ThrowIfNull(r);
        var phase = Texts.T(language, "plans.phase." + r.Phase);
        var tail = r.Key[(r.Key.LastIndexOf('/') + 1)..];
        if (r.Phase == "cohort" && tail.StartsWith("cohort-", StringComparison.Ordinal))
        {
            phase += " " + tail["cohort-".Length..];
        }
        else if (r.Phase == "training" && tail.StartsWith("training-cohort-", StringComparison.Ordinal))
        {
            phase += " " + Texts.T(language, "plans.phase.forCohort", tail["training-cohort-".Length..]);
        }
        else if (r.Phase == "training" && tail == "training-pilot")
        {
            phase += " " + Texts.T(language, "plans.phase.forPilot");
        }

        return phase;
    }

    /// <summary>What holds a package where it is, in words: „wartet auf …; Schulung ist im 03/2027 ausgelastet“.</summary>
    public static string Holds(string? json, YearMonth start, Func<string, string> name, Language language)
    {
        if (string.IsNullOrEmpty(json))
        {
            return "–";
        }

        var holds = JsonSerializer.Deserialize<List<StoredHold>>(json) ?? [];
        return string.Join("; ", holds.Select(h => h.kind switch
        {
            "predecessor" => Texts.T(language, "plans.hold.predecessor", name(h.other ?? "")),
            "capacity" => Texts.T(language, "plans.hold.capacity", Texts.T(language, "plans.resource." + h.other), h.period is { } p ? PlanRows.MonthText(start.Plus(p)) : "–"),
            _ => Texts.T(language, "plans.hold." + h.kind),
        }).Distinct());
    }

    private sealed record StoredHold(string kind, string? other, int? period);

    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>
    {
        ["plans.name.invalid"] = ("bitte einen Namen mit höchstens 200 Zeichen angeben", "please give a name of at most 200 characters"),
        ["plans.authority.unknown"] = ("die Aufsichtsbehörde „{0}“ gibt es im Katalog nicht", "the catalogue has no authority \"{0}\""),
        ["plans.capacity.invalid"] = ("das Migrationsteam braucht mindestens eine Person; Schulungs- und Supportkapazität dürfen nicht negativ sein", "the migration team needs at least one person; training and support capacity must not be negative"),
        ["plans.bundle.unknown"] = ("das Paket „{0}“ gibt es nicht (bekannt: {1})", "there is no bundle \"{0}\" (known: {1})"),
        ["plans.inventory.empty"] = ("die Bestandsaufnahme ist leer: erst Produkte erfassen, importieren oder aus einer Umfrage übernehmen", "the inventory is empty: enter, import or take over products from a survey first"),
        ["plans.notFound"] = ("den Plan {0} gibt es nicht", "there is no plan {0}"),
        ["plans.cli.nameMissing"] = ("--name fehlt. Aufruf: {0}", "--name is missing. Usage: {0}"),
        ["plans.cli.startInvalid"] = ("--start: „{0}“ ist kein Monat (JJJJ-MM, etwa 2027-01)", "--start: \"{0}\" is not a month (YYYY-MM, e.g. 2027-01)"),
        ["plans.cli.notPlanId"] = ("„{0}“ ist keine Plannummer", "\"{0}\" is not a plan number"),
        ["plans.cli.notCount"] = ("{0}: „{1}“ ist keine ganze Zahl von 0 bis 100.000", "{0}: \"{1}\" is not a whole number from 0 to 100,000"),
        ["plans.cli.flagged"] = ("Ohne grünes Ziel, daher ohne Arbeitspakete – Zeilen des Bestands: {0}; die Seite des Plans nennt sie mit dem Grund.", "Without a green target, hence without work packages – lines of the inventory: {0}; the plan's page names them with the reason."),
        ["plans.cli.created"] = ("Plan {0} angelegt: {1} Arbeitspakete aus der Bestandsaufnahme. Berechnen mit: aufsicht plan compute {0}", "Plan {0} created: {1} work packages from the inventory. Compute it with: aufsicht plan compute {0}"),
        ["plans.cli.status.optimal"] = ("Plan berechnet: beweisbar bester Plan, {0} Arbeitspakete eingeplant.", "Plan computed: proven best plan, {0} work packages scheduled."),
        ["plans.cli.status.feasible"] = ("Plan berechnet: gültiger Plan (nicht als bester bewiesen), {0} Arbeitspakete eingeplant.", "Plan computed: a valid plan (not proven best), {0} work packages scheduled."),
        ["plans.cli.status.infeasible"] = ("Kein Plan möglich: Fristen und Kapazitäten widersprechen sich.", "No plan possible: the dates and capacities contradict each other."),
        ["plans.cli.status.unknown"] = ("In der Zeitgrenze wurde kein Plan gefunden; mehr Zeit geben (--time-limit).", "No plan was found within the time limit; give it more time (--time-limit)."),
        ["plans.cli.end"] = ("Abschluss der Migration: {0} (frühestens möglich: {1}; Abstand zur Schranke {2})", "Migration complete: {0} (earliest possible: {1}; gap to the bound {2})"),
        ["plans.title"] = ("Migrationspläne", "Migration plans"),
        ["plans.intro"] = ("Ein Plan entsteht aus der ganzen Bestandsaufnahme: je Produkt das Ziel, das im Katalog aus Sicht der Aufsichtsbehörde grün ist, und je Stelle und Säule die Arbeitspakete (Vorbereitung, Pilot, Schulung, Kohorten, Parallelbetrieb, Rückfallpunkt, Kündigung zum Vertragsende). Berechnen legt die Monate fest – mit den Kapazitäten von Migrationsteam, Schulung und Support, ohne Umstellungen im August und Dezember.", "A plan is made from the whole inventory: per product the target the catalogue rates green in the authority's view, and per body and pillar the work packages (preparation, pilot, training, cohorts, parallel operation, rollback point, cancellation at the contract end). Computing it fixes the months – within the capacities of the migration team, trainers and support, with no go-live in August or December."),
        ["plans.toInventory"] = ("Zur Bestandsaufnahme", "To the inventory"),
        ["plans.toList"] = ("Zu allen Migrationsplänen", "To all migration plans"),
        ["plans.none"] = ("Noch kein Plan angelegt.", "No plan yet."),
        ["plans.list.caption"] = ("Migrationspläne", "Migration plans"),
        ["plans.col.name"] = ("Plan", "Plan"),
        ["plans.col.start"] = ("Beginn", "Start"),
        ["plans.col.status"] = ("Stand der Berechnung", "Computation"),
        ["plans.col.end"] = ("Abschluss", "Completion"),
        ["plans.col.bound"] = ("Frühestmöglicher Abschluss (bewiesene Schranke)", "Earliest possible completion (proven bound)"),
        ["plans.col.packages"] = ("Arbeitspakete", "Work packages"),
        ["plans.col.pillar"] = ("Säule", "Pillar"),
        ["plans.col.rolledOut"] = ("Umstellung abgeschlossen", "Roll-out complete"),
        ["plans.col.licencesEnd"] = ("Letzte Lizenz gekündigt zum", "Last licence ends"),
        ["plans.col.year"] = ("Jahr", "Year"),
        ["plans.col.licencesPaid"] = ("Lizenzen gezahlt", "Licences paid"),
        ["plans.col.licencesSaved"] = ("Lizenzen gespart", "Licences saved"),
        ["plans.col.oneOff"] = ("Einmalkosten", "One-off"),
        ["plans.col.staff"] = ("Personal", "Staff"),
        ["plans.col.running"] = ("Betrieb", "Running"),
        ["plans.col.net"] = ("Saldo", "Net"),
        ["plans.col.package"] = ("Arbeitspaket", "Work package"),
        ["plans.col.plannedStart"] = ("Geplanter Beginn", "Planned start"),
        ["plans.col.plannedEnd"] = ("Geplantes Ende", "Planned end"),
        ["plans.col.actual"] = ("Tatsächlich", "Actual"),
        ["plans.col.why"] = ("Warum nicht früher", "Why not earlier"),
        ["plans.status.none"] = ("noch nicht berechnet", "not computed yet"),
        ["plans.status.optimal"] = ("berechnet, beweisbar bester Plan", "computed, proven best"),
        ["plans.status.feasible"] = ("berechnet, gültig (nicht als bester bewiesen)", "computed, valid (not proven best)"),
        ["plans.status.infeasible"] = ("kein Plan möglich", "no plan possible"),
        ["plans.status.unknown"] = ("kein Plan in der Zeitgrenze gefunden", "no plan found within the time limit"),
        ["plans.create.title"] = ("Neuen Plan anlegen", "Create a plan"),
        ["plans.create.intro"] = ("Die Arbeitspakete entstehen aus der aktuellen Bestandsaufnahme; spätere Änderungen am Bestand ändern diesen Plan nicht.", "The work packages are made from the inventory as it is now; later changes to the inventory do not change this plan."),
        ["plans.form.name"] = ("Name", "Name"),
        ["plans.form.nameDefault"] = ("Zeitschiene", "Timeline"),
        ["plans.form.start"] = ("Erster Monat", "First month"),
        ["plans.form.startHint"] = ("Monat und Jahr, etwa 01.2027", "Month and year, e.g. 01.2027"),
        ["plans.form.startInvalid"] = ("Erster Monat: „{0}“ ist kein Monat (etwa 01.2027)", "First month: \"{0}\" is not a month (e.g. 01.2027)"),
        ["plans.form.objective"] = ("Ziel der Berechnung", "What to minimise"),
        ["plans.objective.makespan"] = ("möglichst früher Abschluss", "earliest completion"),
        ["plans.objective.cost"] = ("möglichst geringe Kosten (Lizenzen bis zur Kündigung)", "lowest cost (licences until cancelled)"),
        ["plans.objective.weighted"] = ("beides gewichtet", "both, weighted"),
        ["plans.form.team"] = ("Migrationsteam (Personen je Monat)", "Migration team (persons per month)"),
        ["plans.form.trainers"] = ("Schulung (Personen je Monat)", "Trainers (persons per month)"),
        ["plans.form.support"] = ("Support (Personen je Monat)", "Support (persons per month)"),
        ["plans.form.opendesk"] = ("openDesk als Paket für Büro, Zusammenarbeit, E-Mail, Video und Verzeichnis", "openDesk as one bundle for office, collaboration, mail, video and directory"),
        ["plans.form.create"] = ("Plan anlegen", "Create plan"),
        ["plans.compute"] = ("Plan berechnen", "Compute plan"),
        ["plans.compute.seconds"] = ("Rechenzeit (Sekunden)", "Computing time (seconds)"),
        ["plans.compute.hint"] = ("Begonnene Pakete (mit tatsächlichem Beginn) bleiben, wo sie begonnen haben; alles andere wird neu eingeplant.", "Packages that have begun (with an actual start) stay where they began; everything else is planned anew."),
        ["plans.milestones"] = ("Meilensteine je Säule", "Milestones per pillar"),
        ["plans.targets"] = ("Ziele je Säule", "Targets per pillar"),
        ["plans.targets.caption"] = ("Wohin jede Säule umzieht, nach der Bewertung im Katalog am Tag, an dem der Plan angelegt wurde", "Where each pillar moves, by the catalogue's verdict on the day the plan was created"),
        ["plans.targets.col.target"] = ("Ziel", "Target"),
        ["plans.targets.col.status"] = ("Grundlage", "Basis"),
        ["plans.targets.col.bodies"] = ("Stellen", "Bodies"),
        ["plans.targets.status.migrate"] = ("Umstieg: im Katalog grün bewertet", "Move: rated green in the catalogue"),
        ["plans.targets.status.migrate-not-assessed"] = ("Umstieg: im Katalog nicht bewertet", "Move: not assessed in the catalogue"),
        ["plans.targets.status.already-on-target"] = ("Bereits im Einsatz", "Already in use"),
        ["plans.targets.none"] = ("Keine Zeile des Bestands zieht um.", "No line of the inventory moves."),
        ["plans.targets.unknown"] = ("Für diesen Plan ist die Wahl der Ziele nicht gespeichert (angelegt, bevor Aufsicht sie mit dem Plan aufbewahrte).", "The choice of targets is not stored for this plan (created before Aufsicht kept it with the plan)."),
        ["plans.targets.flagged"] = ("Ohne grünes Ziel, daher ohne Arbeitspakete – Zeilen des Bestands: {0}", "Without a green target, hence without work packages – lines of the inventory: {0}"),
        ["plans.targets.flagged.caption"] = ("Produkte, für die keine Alternative der Säule grün bewertet ist, und warum", "Products for which no alternative of the pillar is rated green, and why"),
        ["plans.targets.col.reason"] = ("Grund", "Reason"),
        ["plans.targets.col.body"] = ("Stelle", "Body"),
        ["plans.targets.flagged.more"] = ("… und {0} weitere Zeilen ohne Ziel.", "… and {0} more lines without a target."),
        ["plans.targets.col.product"] = ("Produkt", "Product"),
        ["plans.milestones.caption"] = ("Wann jede Säule umgestellt ist und die letzten Lizenzen enden", "When each pillar is rolled out and its last licences end"),
        ["plans.warnings"] = ("Prüfungen aus München und Schleswig-Holstein", "Checks from Munich and Schleswig-Holstein"),
        ["plans.warnings.none"] = ("Keine Hinweise.", "No warnings."),
        ["plans.warnings.more"] = ("… und {0} weitere Hinweise.", "… and {0} more warnings."),
        ["plans.costs"] = ("Kosten je Jahr", "Costs per year"),
        ["plans.costs.caption"] = ("Kosten je Jahr in Euro: gezahlte und gesparte Lizenzen, Einmal-, Personal- und Betriebskosten; Saldo = gespart minus Kosten der Migration", "Costs per year in euros: licences paid and saved, one-off, staff and running costs; net = saved minus the migration's costs"),
        ["plans.packages"] = ("Arbeitspakete", "Work packages"),
        ["plans.packages.caption"] = ("Arbeitspakete mit geplanten Monaten und dem, was sie halten", "Work packages with their planned months and what holds them"),
        ["plans.phase.preparation"] = ("Vorbereitung", "Preparation"),
        ["plans.phase.training"] = ("Schulung", "Training"),
        ["plans.phase.forCohort"] = ("für Kohorte {0}", "for cohort {0}"),
        ["plans.phase.forPilot"] = ("für den Pilot", "for the pilot"),
        ["plans.phase.pilot"] = ("Pilot", "Pilot"),
        ["plans.phase.cohort"] = ("Kohorte", "Cohort"),
        ["plans.phase.parallel-operation"] = ("Parallelbetrieb", "Parallel operation"),
        ["plans.phase.rollback"] = ("Rückfallpunkt", "Rollback point"),
        ["plans.phase.notice"] = ("Kündigungsfrist", "Notice period"),
        ["plans.phase.cancellation"] = ("Lizenzen enden", "Licences end"),
        ["plans.phase.make-compatible"] = ("Fachverfahren anpassen", "Make applications compatible"),
        ["plans.phase.replace"] = ("Fachverfahren ersetzen", "Replace applications"),
        ["plans.phase.assess"] = ("Fachverfahren prüfen", "Assess applications"),
        ["plans.resource.team"] = ("das Migrationsteam", "the migration team"),
        ["plans.resource.trainers"] = ("die Schulung", "training"),
        ["plans.resource.support"] = ("der Support", "support"),
        ["plans.resource.of.team"] = ("des Migrationsteams", "of the migration team"),
        ["plans.resource.of.trainers"] = ("der Schulung", "of training"),
        ["plans.resource.of.support"] = ("des Supports", "of support"),
        ["plans.resource.for.team"] = ("das Migrationsteam", "the migration team"),
        ["plans.resource.for.trainers"] = ("die Schulung", "training"),
        ["plans.resource.for.support"] = ("den Support", "support"),
        ["plans.hold.predecessor"] = ("wartet auf „{0}“", "waits for \"{0}\""),
        ["plans.hold.capacity"] = ("{0} ist im Monat {1} ausgelastet", "{0} is fully used in {1}"),
        ["plans.hold.project-start"] = ("beginnt mit dem Plan", "starts with the plan"),
        ["plans.hold.release"] = ("frühester erlaubter Beginn", "earliest allowed start"),
        ["plans.hold.fixed"] = ("hat dort begonnen", "began there"),
        ["plans.hold.allowed-start"] = ("erst zum Vertragsende möglich", "only possible at the contract end"),
        ["plans.progress.unknownPackage"] = ("Das Arbeitspaket „{0}“ gibt es in diesem Plan nicht", "The plan has no work package \"{0}\""),
        ["plans.progress.twice"] = ("Das Arbeitspaket „{0}“ steht mehrmals in der Eingabe", "The work package \"{0}\" is given more than once"),
        ["plans.progress.endWithoutStart"] = ("Ein Ende ohne Beginn: erst den tatsächlichen Beginn angeben", "An end without a start: give the actual start first"),
        ["plans.progress.future"] = ("{0} liegt in der Zukunft; eingetragen wird, was geschehen ist", "{0} lies in the future; enter what has happened"),
        ["plans.progress.endBeforeStart"] = ("Das Ende ({0}) liegt vor dem Beginn ({1})", "The end ({0}) is before the start ({1})"),
        ["plans.hold.slack"] = ("könnte früher beginnen", "could start earlier"),
        ["plans.compute.seconds.invalid"] = ("Rechenzeit: „{0}“ liegt nicht zwischen 1 und {1} Sekunden", "Computing time: \"{0}\" is not between 1 and {1} seconds"),
        ["plans.compute.busy"] = ("Der Plan wird bereits berechnet.", "The plan is already being computed."),
        ["plans.compute.state.queued"] = ("In der Warteschlange seit {0} – höchstens {1} Sekunden Rechenzeit", "Queued since {0} – at most {1} seconds of computing time"),
        ["plans.compute.state.running"] = ("Wird berechnet seit {0} – höchstens {1} Sekunden Rechenzeit", "Being computed since {0} – at most {1} seconds of computing time"),
        ["plans.compute.state.failed"] = ("Die Berechnung von {0} ist fehlgeschlagen: {1}. Die bisherigen Monate gelten weiter.", "The computation of {0} failed: {1}. The months computed before still apply."),
        ["plans.compute.state.failedFirst"] = ("Die Berechnung von {0} ist fehlgeschlagen: {1}.", "The computation of {0} failed: {1}."),
        ["plans.compute.state.failedMany"] = ("Die Berechnung von {0} ist fehlgeschlagen, {1} Fehler:", "The computation of {0} failed with {1} errors:"),
        ["plans.compute.failed.more"] = ("und {0} weitere", "and {0} more"),
        ["plans.compute.failed.stillApply"] = ("Die bisherigen Monate gelten weiter.", "The months computed before still apply."),
        ["plans.compute.failed.error"] = ("ein Fehler auf dem Server; bitte noch einmal berechnen", "an error on the server; please compute again"),
        ["plans.compute.failed.changed"] = ("der Plan wurde während der Berechnung geändert; bitte noch einmal berechnen", "the plan was changed during the computation; please compute again"),
        ["plans.compute.failed.demand"] = ("„{0}“ braucht im Monat {1} Personentage {2}, die Kapazität reicht für höchstens {3}; bitte die Kapazität erhöhen", "\"{0}\" needs {1} person-days a month {2}, the capacity allows at most {3}; please raise the capacity"),
        ["plans.compute.failed.capacity"] = ("für {0} ist keine Kapazität angegeben; bitte eine eintragen", "no capacity is given for {0}; please enter one"),
        ["plans.compute.solved"] = ("Berechnet am {0} um {1} in {2} Rechenzeit", "Computed on {0} at {1} in {2} of computing time"),
        ["plans.compute.solvedAt"] = ("Berechnet am {0} um {1}", "Computed on {0} at {1}"),
        ["plans.compute.took"] = ("{0} Sekunden", "{0} seconds"),
        ["plans.compute.took.one"] = ("einer Sekunde", "one second"),
        ["plans.compute.took.underOne"] = ("weniger als einer Sekunde", "less than a second"),
        ["plans.compute.refresh"] = ("Aktualisieren", "Refresh"),
        ["plans.compute.disabled"] = ("Solange der Plan berechnet wird, kann keine weitere Berechnung angefordert werden.", "While the plan is being computed, no further computation can be requested."),
        ["plans.audit.computeRequested"] = ("Berechnung eines Migrationsplans angefordert", "Computation of a migration plan requested"),
        ["plans.packages.filter.body"] = ("Stelle", "Body"),
        ["plans.packages.filter.pillar"] = ("Säule", "Pillar"),
        ["plans.packages.filter.allBodies"] = ("alle Stellen", "all bodies"),
        ["plans.packages.filter.allPillars"] = ("alle Säulen", "all pillars"),
        ["plans.packages.filter.show"] = ("Pakete zeigen", "Show packages"),
        ["plans.packages.filter.hint"] = ("Eine Stelle zeigt ihre Pakete und die aller Stellen unter ihr; die Stelle gilt auch für den Zeitplan oben.", "A body shows its packages and those of every body below it; the body applies to the timeline above as well."),
        ["plans.packages.range"] = ("Pakete {0}–{1} von {2}", "Packages {0}–{1} of {2}"),
        ["plans.packages.noneMatch"] = ("Keine Pakete für diese Auswahl.", "No packages for this choice."),
        ["plans.packages.pages"] = ("Seiten der Arbeitspakete", "Pages of the work packages"),
        ["plans.packages.previous"] = ("Vorherige Seite", "Previous page"),
        ["plans.packages.next"] = ("Nächste Seite", "Next page"),
        ["plans.packages.page"] = ("Seite {0}", "Page {0}"),
        ["plans.packages.page.invalid"] = ("Seite: „{0}“ ist keine Seite der Arbeitspakete (1 bis {1}); gezeigt wird die erste Seite.", "Page: \"{0}\" is not a page of the work packages (1 to {1}); the first page is shown."),
        ["plans.packages.pillar.invalid"] = ("Säule: „{0}“ ist keine Säule (bekannt: {1}); gezeigt werden alle Säulen.", "Pillar: \"{0}\" is not a pillar (known: {1}); all pillars are shown."),
    };
}
