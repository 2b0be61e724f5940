namespace Aufsicht.Features.Fines;

/// <summary>The texts of the fine calculator: its messages and the calculation sheet; German first, merged into <see cref="Texts"/>.</summary>
internal static class FineText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["fines.unknownMethod"] = ("unbekannte Methode „{0}“", "unknown method '{0}'"),
        ["fines.negative"] = ("darf nicht negativ sein", "must not be negative"),
        ["fines.fraction"] = ("erwartet wird ein Anteil zwischen 0 und 1 (0.15 sind 15 %); erhalten: {0}", "expected a fraction between 0 and 1 (0.15 is 15%); got {0}"),
        ["fines.percentRange"] = ("erwartet wird ein Prozentsatz zwischen -1000 und 1000", "expected a percentage between -1000 and 1000"),
        ["fines.tierAndInfringements"] = ("entweder „tier“ oder „infringements“ angeben, nicht beides", "give either 'tier' or 'infringements', not both"),
        ["fines.noTier"] = ("„{0}“ gehört zu keiner Stufe des Art. 83 Abs. 4 bis 6 DSGVO", "'{0}' belongs to no tier of Art. 83(4) to (6) GDPR"),
        ["fines.competingNonPublic"] = ("nur eine öffentliche Stelle kann als im Wettbewerb stehend angegeben werden", "only a public body can be flagged as competing"),
        ["fines.reasonNeeded"] = ("{0} liegt außerhalb des Rahmens {1} bis {2}; die Begründung fehlt (zu „{3}“)", "{0} lies outside the band {1} to {2}; the reason is missing (for '{3}')"),
        ["fines.turnoverFactorNeeded"] = ("Pflichtfeld fehlt: bei diesem Umsatz ist ein Faktor zwischen {0} und {1} zu wählen", "missing required field: at this turnover a factor between {0} and {1} is to be chosen"),
        ["fines.factorBelow"] = ("der Faktor {0} liegt unter der niedrigsten Stufe ({1}); die Begründung fehlt (zu „factor“)", "the factor {0} lies below the lowest level ({1}); the reason is missing (for 'factor')"),
        ["fines.usedForSeriousness"] = ("{0} ist bereits in den Schweregrad eingeflossen und darf nicht noch einmal angerechnet werden", "{0} was already weighed for the seriousness and may not be counted again"),
        ["fines.countedTwice"] = ("{0} ist bereits angerechnet; jeder Umstand zählt nur einmal", "{0} is already counted; each factor counts once"),
        ["datafile.fines.notDecimal"] = ("erwartet wird eine Dezimalzahl wie \"0.15\" oder \"30000000\"; erhalten: {0}", "expected a decimal such as \"0.15\" or \"30000000\"; got {0}"),
        ["datafile.fines.tier"] = ("die Stufe {0} muss genau einmal vorkommen", "the tier {0} must be listed exactly once"),
        ["datafile.fines.method"] = ("die Methode {0} muss genau einmal vorkommen", "the method {0} must be listed exactly once"),
        ["datafile.fines.tables"] = ("der Methode {0} fehlen Tabellen", "the method {0} lacks tables"),
        ["fine.sheet.title"] = ("Berechnung der Geldbuße (Art. 83 DSGVO)", "Calculation of the fine (Art. 83 GDPR)"),
        ["fine.sheet.method"] = ("Methode: {0}", "Method: {0}"),
        ["fine.sheet.source"] = ("Quelle: {0}", "Source: {0}"),
        ["fine.sheet.conduct"] = ("Handlung {0} – {1}", "Conduct {0} – {1}"),
        ["fine.sheet.fine"] = ("Geldbuße: {0}", "Fine: {0}"),
        ["fine.sheet.total"] = ("Geldbußen insgesamt: {0}", "Total of the fines: {0}"),
        ["fine.sheet.none"] = ("Keine Geldbuße: {0}", "No fine: {0}"),
        ["fine.sheet.note"] = ("Die Berechnung ist ein Vorschlag; die Behörde entscheidet nach pflichtgemäßem Ermessen (Art. 83 Abs. 1 und 2 DSGVO).", "The calculation is a proposal; the authority decides in its due discretion (Art. 83(1) and (2) GDPR)."),
        ["fine.step.conduct"] = ("Handlungen und Konkurrenz", "Conduct and concurrence"),
        ["fine.step.admissibility"] = ("Zulässigkeit einer Geldbuße", "Admissibility of a fine"),
        ["fine.step.legal-maximum"] = ("Gesetzlicher Höchstbetrag", "Legal maximum"),
        ["fine.step.seriousness"] = ("Schweregrad und Rahmen des Ausgangsbetrags", "Seriousness and range of the starting amount"),
        ["fine.step.starting-amount"] = ("Ausgangsbetrag", "Starting amount"),
        ["fine.step.turnover-factor"] = ("Anpassung an die Unternehmensgröße", "Adjustment to the size of the undertaking"),
        ["fine.step.size-class"] = ("Größenklasse", "Size class"),
        ["fine.step.daily-rate"] = ("Tagessatz", "Daily rate"),
        ["fine.step.severity"] = ("Schweregrad der Tat", "Severity of the infringement"),
        ["fine.step.adjustment"] = ("Erschwerende und mildernde Umstände", "Aggravating and mitigating circumstances"),
        ["fine.step.clamp"] = ("Begrenzung auf den Höchstbetrag", "Capping at the legal maximum"),
        ["fine.step.total"] = ("Gesamtbetrag", "Total"),
    };
}
