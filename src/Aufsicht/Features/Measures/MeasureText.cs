namespace Aufsicht.Features.Measures;

/// <summary>The texts of the measure recommender: input errors and the data file's problems, German first.</summary>
internal static class MeasureText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["measure.unknownCriterion"] = ("„{0}“ ist kein Kriterium des Katalogs (z. B. T02, L01, U05)", "\"{0}\" is not a criterion of the catalogue (e.g. T02, L01, U05)"),
        ["measure.unknownPower"] = ("„{0}“ ist keine Befugnis; erwartet wird 58(2)(a) bis 58(2)(j)", "\"{0}\" is not a power; expected 58(2)(a) to 58(2)(j)"),
        ["measure.negative"] = ("darf nicht negativ sein; gefunden: {0}", "must not be negative; got {0}"),
        ["measure.notCount"] = ("erwartet wird eine ganze Zahl; gefunden: {0}", "expected a whole number; got {0}"),
        ["measure.competingNotPublic"] = ("nur eine öffentliche Stelle kann als im Wettbewerb stehend markiert werden (publicBody: true)", "only a public body can be marked as competing (publicBody: true)"),
        ["measure.stateOutsideGermany"] = ("ein Land gibt es nur für Deutschland (country: DE); gefunden: country {0}", "a Land exists only for Germany (country: DE); got country {0}"),
        ["datafile.measures.count"] = ("erwartet wird eine positive ganze Zahl", "expected a positive whole number"),
        ["datafile.measures.rung"] = ("erwartet wird eine Stufe von 0 bis 5", "expected a rung from 0 to 5"),
        ["datafile.measures.ladder"] = ("die Leiter braucht die Stufen 0 bis 5, jede einmal", "the ladder needs the rungs 0 to 5, once each"),
        ["datafile.measures.missing"] = ("„{0}“ fehlt", "\"{0}\" is missing"),
        ["measure.text.title"] = ("Vermerk: Abhilfemaßnahme nach Art. 58 Abs. 2 DSGVO", "Note: corrective measure under Art. 58(2) GDPR"),
        ["measure.text.rung"] = ("Stufe {0} der Eskalationsleiter: {1}", "Rung {0} of the escalation ladder: {1}"),
        ["measure.text.recommended"] = ("Empfohlene Maßnahmen", "Recommended measures"),
        ["measure.text.none"] = ("keine", "none"),
        ["measure.text.mayClose"] = ("Das Verfahren kann ausnahmsweise ohne Maßnahme abgeschlossen werden (EuGH C-768/21).", "The case may exceptionally be closed without a measure (CJEU C-768/21)."),
        ["measure.text.why"] = ("Begründung", "Reasons"),
        ["measure.text.available"] = ("Verfügbar", "Available"),
        ["measure.text.unavailable"] = ("Nicht verfügbar", "Not available"),
        ["measure.text.fine"] = ("Geldbuße", "Fine"),
        ["measure.text.fineAdmissible"] = ("zulässig", "admissible"),
        ["measure.text.fineInadmissible"] = ("nicht zulässig", "not admissible"),
        ["measure.text.procedure"] = ("Verfahren", "Procedure"),
    };
}
