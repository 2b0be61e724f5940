namespace Aufsicht.Features.Questionnaires;

/// <summary>
/// The messages of the questionnaire reader in Core: what makes a definition file unusable, German first (merged into
/// <see cref="Texts"/>). The form of each field is checked with the data files' messages (<c>datafile.*</c>).
/// </summary>
internal static class QuestionnaireFileText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["questionnairefile.tooLarge"] = ("die Datei hat {0} Bytes; erlaubt sind höchstens {1}", "the file has {0} bytes; at most {1} are allowed"),
        ["questionnairefile.noSections"] = ("braucht mindestens einen Abschnitt", "needs at least one section"),
        ["questionnairefile.optionTwice"] = ("„{0}“ steht zweimal unter den Optionen", "\"{0}\" is given twice"),
        ["questionnairefile.noOptions"] = ("braucht mindestens eine Option", "needs at least one option"),
        ["questionnairefile.optionsNotChoice"] = ("nur Fragen mit Einfach- oder Mehrfachauswahl haben Optionen; diese ist vom Typ „{0}“", "only single and multiple choice questions have options; this one is \"{0}\""),
        ["questionnairefile.notAValue"] = ("erwartet wird ein Wert der genannten Frage; gefunden: {0}", "expected a value of that question; got {0}"),
        ["questionnairefile.noValues"] = ("braucht mindestens einen Wert", "needs at least one value"),
        ["questionnairefile.maxBelowMin"] = ("darf nicht kleiner als min sein", "must not be below min"),
        ["questionnairefile.minMaxNotNumber"] = ("nur Zahlenfragen haben ein Minimum und ein Maximum", "only number questions have a minimum and maximum"),
        ["questionnairefile.maxLengthNotText"] = ("nur Textfragen haben eine Höchstlänge", "only text questions have a maximum length"),
        ["questionnairefile.maxLengthRange"] = ("erwartet wird eine ganze Zahl von {0} bis {1}", "expected a whole number from {0} to {1}"),
        ["questionnairefile.categoryNotServices"] = ("nur Fragen nach Diensten haben eine Katalogkategorie und „Sonstiges“ (allowOther)", "only service questions have a catalogue category and \"other\""),
        ["questionnairefile.notANumber"] = ("erwartet wird eine Zahl", "expected a number"),
        ["questionnairefile.sectionTwice"] = ("die Abschnittskennung „{0}“ wird zweimal verwendet", "section id \"{0}\" is used twice"),
        ["questionnairefile.questionTwice"] = ("die Fragekennung „{0}“ wird zweimal verwendet", "question id \"{0}\" is used twice"),
        ["questionnairefile.forEachNotServices"] = ("„{0}“ ist keine Frage nach Diensten in einem früheren Abschnitt", "\"{0}\" is not a service question of an earlier section"),
        ["questionnairefile.forEachNested"] = ("„{0}“ wird selbst je Dienst gefragt", "\"{0}\" is itself asked per service"),
        ["questionnairefile.servicesPerService"] = ("eine Frage nach Diensten kann nicht in einem Abschnitt stehen, der je Dienst gefragt wird", "a service question cannot stand in a section asked per service"),
        ["questionnairefile.noSuchQuestion"] = ("es gibt keine Frage „{0}“", "there is no question \"{0}\""),
        ["questionnairefile.conditionLater"] = ("„{0}“ kommt später; eine Bedingung kann nur auf eine frühere Frage schauen", "\"{0}\" comes later; a condition can only look at an earlier question"),
        ["questionnairefile.conditionOtherSection"] = ("„{0}“ wird in einem anderen Abschnitt je Dienst gefragt; eine Bedingung kann nur innerhalb dieses Abschnitts darauf schauen", "\"{0}\" is asked per service in another section; a condition can look at it only within its section"),
        ["questionnairefile.conditionKind"] = ("„{0}“ ist eine Frage vom Typ {1}; Bedingungen können nur auf Auswahl-, Ja/Nein- und Dienstefragen schauen", "\"{0}\" is a {1} question; conditions can look at choice, yes/no and service questions only"),
        ["questionnairefile.notAValueOf"] = ("„{0}“ ist kein Wert von „{1}“; erwartet wird einer der Werte {2}", "\"{0}\" is not a value of \"{1}\"; expected one of {2}"),
        ["questionnairefile.notServices"] = ("„{0}“ ist keine Frage nach Diensten", "\"{0}\" is not a service question"),
        ["questionnairefile.mappingPerService"] = ("„{0}“ wird je Dienst von „{1}“ gefragt, nicht je Dienst von „{2}“", "\"{0}\" is asked per service of \"{1}\", not of \"{2}\""),
        ["questionnairefile.mappingKind"] = ("„{0}“ ist eine Frage vom Typ {1}; {2} braucht eine Frage vom Typ {3}", "\"{0}\" is a {1} question; {2} needs a {3} question"),
        ["questionnairefile.mappingOption"] = ("die Option „{0}“ von „{1}“ ist kein Wert von {2}; erwartet werden {3} oder unknown", "option \"{0}\" of \"{1}\" is not a value of {2}; expected {3} or unknown"),
    };
}
