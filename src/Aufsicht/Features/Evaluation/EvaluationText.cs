namespace Aufsicht.Features.Evaluation;

/// <summary>The texts of evaluation: statuses, other services, re-evaluation, German first.</summary>
internal static class EvaluationText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["status.compliant"] = ("konform", "compliant"),
        ["status.deficient"] = ("mangelhaft", "deficient"),
        ["status.unclear"] = ("unklar", "unclear"),
        ["status.not-answered"] = ("noch nicht geantwortet", "not yet answered"),
        ["reevaluate.title"] = ("Umfrage neu bewerten", "Re-assess the survey"),
        ["reevaluate.intro"] = ("Bewertet alle eingereichten Antworten neu – etwa nach einer Änderung der Rechtslage, neuen Fakten im Katalog oder in der Sicht einer anderen Behörde. Stichtag und Sicht gelten danach für die Umfrage.", "Assesses every submitted answer again – e.g. after a change in the law, new facts in the catalogue, or in another authority's view. The date and view then apply to the survey."),
        ["reevaluate.asOfHint"] = ("Leer: jede Antwort zum heutigen Tag.", "Empty: every answer as of today."),
        ["reevaluate.submit"] = ("Alle Antworten neu bewerten", "Re-assess all answers"),
        ["reevaluate.done"] = ("{0} Antworten neu bewertet zum {1} in der Sicht {2} ({3} s).", "{0} answers re-assessed as of {1} in the view {2} ({3} s)."),
        ["others.title"] = ("Frei genannte Systeme", "Systems named in free text"),
        ["others.intro"] = ("Diese Systeme haben Befragte unter „anderes System“ genannt. Ordnen Sie jedes einem Eintrag des Katalogs zu; die betroffenen Antworten werden dann bewertet.", "Respondents named these systems under \"another system\". Link each to a catalogue entry; the answers concerned are then assessed."),
        ["others.none"] = ("Bisher wurde kein System frei genannt.", "No system has been named in free text so far."),
        ["others.text"] = ("Genannt als", "Named as"),
        ["others.bodies"] = ("Organisationen (noch nicht zugeordnet)", "Bodies (not yet linked)"),
        ["others.link"] = ("Eintrag im Katalog", "Catalogue entry"),
        ["others.linkedTo"] = ("{0} (zugeordnet von {1})", "{0} (linked by {1})"),
        ["others.choose"] = ("Katalogeintrag für „{0}“", "Catalogue entry for \"{0}\""),
        ["others.submit"] = ("Zuordnen", "Link"),
        ["others.linked"] = ("Zugeordnet; {0} Antworten neu bewertet.", "Linked; {0} answers re-assessed."),
        ["others.unknown"] = ("Diesen Eintrag gibt es in der Umfrage nicht.", "This entry is not part of the survey."),
        ["others.unknownService"] = ("„{0}“ ist kein Dienst des Katalogs.", "\"{0}\" is not a service of the catalogue."),
    };
}
