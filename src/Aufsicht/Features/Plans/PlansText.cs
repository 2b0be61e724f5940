namespace Aufsicht.Features.Plans;

/// <summary>The migration plans' texts, German and English.</summary>
internal static class PlansText
{
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
        ["plans.cli.created"] = ("Plan {0} angelegt: {1} Arbeitspakete aus der Bestandsaufnahme. Berechnen mit: aufsicht plan compute {0}", "Plan {0} created: {1} work packages from the inventory. Compute it with: aufsicht plan compute {0}"),
        ["plans.cli.status.optimal"] = ("Plan berechnet: beweisbar bester Plan, {0} Arbeitspakete eingeplant.", "Plan computed: proven best plan, {0} work packages scheduled."),
        ["plans.cli.status.feasible"] = ("Plan berechnet: gültiger Plan (nicht als bester bewiesen), {0} Arbeitspakete eingeplant.", "Plan computed: a valid plan (not proven best), {0} work packages scheduled."),
        ["plans.cli.status.infeasible"] = ("Kein Plan möglich: Fristen und Kapazitäten widersprechen sich.", "No plan possible: the dates and capacities contradict each other."),
        ["plans.cli.status.unknown"] = ("In der Zeitgrenze wurde kein Plan gefunden; mehr Zeit geben (--time-limit).", "No plan was found within the time limit; give it more time (--time-limit)."),
        ["plans.cli.end"] = ("Abschluss der Migration: {0} (frühestens möglich: {1}; Abstand zur Schranke {2})", "Migration complete: {0} (earliest possible: {1}; gap to the bound {2})"),
    };
}
