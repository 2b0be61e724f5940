namespace Aufsicht.Features.Deadlines;

/// <summary>The texts of deadlines: messages of bad input and the labels of the text output.</summary>
internal static class DeadlineText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["deadline.sentOrDelivered.neither"] = ("anzugeben ist entweder der Tag der Absendung (--sent / sent) oder der Tag des Zugangs (--delivered / delivered)", "give either the day sent (--sent / sent) or the day delivered (--delivered / delivered)"),
        ["deadline.sentOrDelivered.both"] = ("nur eines von beiden: Tag der Absendung oder Tag des Zugangs", "only one of the two: the day sent or the day delivered"),
        ["deadline.date.invalid"] = ("„{0}“ ist kein Datum im Format JJJJ-MM-TT (1950–2150)", "\"{0}\" is not a date as YYYY-MM-DD (1950–2150)"),
        ["deadline.period.invalid"] = ("„{0}“ ist keine Frist; erwartet wird eine Zahl mit d (Tage), w (Wochen) oder m (Monate), z. B. 14d, 2w, 1m", "\"{0}\" is no period; expected a number with d (days), w (weeks) or m (months), e.g. 14d, 2w, 1m"),
        ["deadline.period.range"] = ("„{0}“: die Frist muss mindestens 1 und höchstens {1} betragen", "\"{0}\": the period must be at least 1 and at most {1}"),
        ["deadline.delivery.invalid"] = ("„{0}“ ist keine Übermittlungsart; erlaubt sind post, electronic, hand", "\"{0}\" is no delivery channel; expected post, electronic or hand"),
        ["deadline.state.invalid"] = ("„{0}“ ist kein Land; erlaubt sind {1}", "\"{0}\" is not a Land; expected one of {1}"),
        ["deadline.calendar.range"] = ("die Feiertage liegen nur für {0} bis {1} vor", "holidays are available only for {0} to {1}"),
        ["deadline.rule.none"] = ("für eine Absendung am {0} ist keine Bekanntgaberegel hinterlegt", "no notification rule is on file for a letter sent on {0}"),
        ["deadline.data.duplicateState"] = ("ein Land steht mehr als einmal in der Datei", "a Land is given more than once"),
        ["deadline.text.delivered"] = ("Bekanntgabe", "Notified"),
        ["deadline.text.nominalEnd"] = ("Rechnerisches Fristende", "Computed end"),
        ["deadline.text.end"] = ("Fristende", "Deadline"),
        ["deadline.text.steps"] = ("Berechnung", "Computation"),
        ["deadline.text.source"] = ("Quelle", "Source"),
        ["deadline.text.alternative"] = ("Andere Lesart", "Other reading"),
        ["deadline.text.acceptUntil"] = ("Rechtsbehelfe annehmen bis", "Accept remedies until"),
        ["deadline.text.state"] = ("Land", "Land"),
        ["deadline.text.nationwide"] = ("keines (nur bundesweite Feiertage)", "none (nationwide holidays only)"),
    };
}
