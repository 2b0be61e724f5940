using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;

namespace Aufsicht.Features.Migration;

/// <summary>
/// The texts of the migration planner's Core: the data files' and the problem builder's messages, the target choice's
/// reasons and the plan checks' warnings; German first, merged into <see cref="Texts"/>.
/// </summary>
internal static class MigrationPlanText
{
    /// <summary>
    /// Why a line has no target, in the language's words: the pillar's name, each candidate by its name with its verdict
    /// („LibreOffice: gelb, Collabora Online: nicht im Katalog“) and the bundle by its name — no id, no wire name.
    /// </summary>
    public static string Reason(NoTargetReason reason, Language language)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var verdicts = string.Join(", ", reason.Verdicts.Select(v =>
            $"{v.Candidate.NameIn(language)}: {Texts.T(language, v.Verdict is { } known ? "level." + known.WireName() : "migration.target.notInCatalogue")}"));
        return Texts.T(language, reason.Key, Texts.T(language, "migration.pillar." + MigrationNames.Wire(reason.Pillar)), verdicts, reason.Bundle?.NameIn(language) ?? "");
    }

    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["migration.parameter.negative"] = ("darf nicht negativ sein; erhalten: {0}", "must not be negative; got {0}"),
        ["migration.parameter.count"] = ("erwartet wird eine ganze Zahl ab 1; erhalten: {0}", "expected a whole number of at least 1; got {0}"),
        ["migration.parameter.cents"] = ("erwartet wird ein Betrag mit höchstens zwei Nachkommastellen; erhalten: {0}", "expected an amount with at most two decimals; got {0}"),
        ["migration.parameter.share"] = ("erwartet wird ein Anteil zwischen 0 und 1 (0.01 sind 1 %); erhalten: {0}", "expected a share between 0 and 1 (0.01 is 1%); got {0}"),
        ["migration.data.nameTwice"] = ("der Name „{0}“ steht bei mehr als einem Produkt", "the name '{0}' is given for more than one product"),
        ["migration.data.pillarTwice"] = ("die Säule {0} kommt mehr als einmal vor", "the pillar {0} is listed more than once"),
        ["migration.data.idTwice"] = ("der Parameter {0} kommt mehr als einmal vor", "the parameter {0} is listed more than once"),
        ["migration.data.checksMissing"] = ("es fehlen die Prüfungen {0}", "the checks {0} are missing"),
        ["migration.target.noCandidate"] = ("für die Säule {0} ist kein Ziel hinterlegt", "no target is listed for the pillar {0}"),
        ["migration.target.noneGreen"] = ("kein Ziel der Säule {0} ist grün bewertet ({1})", "no target of the pillar {0} is rated green ({1})"),
        ["migration.target.noneGreenBundle"] = ("kein Ziel der Säule {0} ist grün bewertet ({1}), und das Paket {2} ist es auch nicht", "no target of the pillar {0} is rated green ({1}), nor is the bundle {2}"),
        ["migration.target.notInCatalogue"] = ("nicht im Katalog", "not in the catalogue"),
        ["migration.package.twice"] = ("das Arbeitspaket {0} kommt mehr als einmal vor", "the work package {0} is listed more than once"),
        ["migration.package.unknown"] = ("kein Arbeitspaket {0} im Plan", "no work package {0} in the plan"),
        ["migration.progress.endBeforeStart"] = ("das Ende {0} liegt vor dem Beginn {1}", "the end {0} lies before the start {1}"),
        ["migration.capacity.missing"] = ("für die Ressource {0} ist keine Kapazität angegeben", "no capacity is given for the resource {0}"),
        ["migration.check.noRegister"] = ("Kein Verzeichnis der Fachverfahren, Makros und Vorlagen, obwohl {0} Arbeitsplätze umziehen (München: rund 800 Anwendungen standen im Weg)", "No register of specialised applications, macros and templates although {0} workplaces move (Munich: about 800 applications stood in the way)"),
        ["migration.check.noRollback"] = ("Kein Rückfallpunkt für diese Säule", "No rollback point for this pillar"),
        ["migration.check.noParallelOperation"] = ("Kein Parallelbetrieb für diese Säule", "No parallel operation for this pillar"),
        ["migration.check.trainersShort"] = ("Zu wenig Schulungskapazität: {0} Personentage gebraucht, {1} verfügbar", "Too little training capacity: {0} person-days needed, {1} available"),
        ["migration.check.supportShort"] = ("Zu wenig Unterstützung bei der Umstellung: {0} Personentage gebraucht, {1} verfügbar", "Too little go-live support: {0} person-days needed, {1} available"),
        ["migration.check.trainersShortPackage"] = ("Das Paket {0} braucht {1} Personentage Schulung im Monat, verfügbar sind höchstens {2}", "The package {0} needs {1} person-days of training a month, at most {2} are available"),
        ["migration.check.supportShortPackage"] = ("Das Paket {0} braucht {1} Personentage Unterstützung im Monat, verfügbar sind höchstens {2}", "The package {0} needs {1} person-days of support a month, at most {2} are available"),
        ["migration.check.licenceCostUnknown"] = ("Lizenzkosten nicht angegeben für {0}; gerechnet wird mit dem Standardwert", "Licence costs not given for {0}; the default is used"),
        ["migration.check.licenceCostsMissing"] = ("Im Plan fehlen Lizenzkosten", "The plan has no licence costs"),
        ["migration.check.oneOffCostsMissing"] = ("Im Plan fehlen einmalige Kosten", "The plan has no one-off costs"),
        ["migration.check.runningCostsMissing"] = ("Im Plan fehlen laufende Kosten der Ziele", "The plan has no running costs of the targets"),
        ["migration.check.staffCostsMissing"] = ("Im Plan fehlen Personalkosten", "The plan has no staff costs"),
        ["migration.check.staffRepresentativesNone"] = ("Der Personalrat ist nicht beteiligt", "The staff representatives are not involved"),
        ["migration.check.staffRepresentativesLate"] = ("Der Personalrat wird erst am {0} beteiligt, nicht vor dieser Phase", "The staff representatives are involved only on {0}, not before this phase"),
        ["migration.pillar.office"] = ("Bürosoftware", "Office suite"),
        ["migration.pillar.operating-system"] = ("Betriebssystem", "Operating system"),
        ["migration.pillar.collaboration"] = ("Zusammenarbeit", "Collaboration"),
        ["migration.pillar.mail"] = ("E-Mail und Kalender", "Mail and calendar"),
        ["migration.pillar.directory"] = ("Verzeichnisdienst", "Directory service"),
        ["migration.pillar.specialised-applications"] = ("Fachverfahren", "Specialised applications"),
        ["migration.pillar.telephony"] = ("Telefonie", "Telephony"),
        ["migration.pillar.video"] = ("Videokonferenz", "Video conferencing"),
    };
}
