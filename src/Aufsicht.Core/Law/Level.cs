namespace Aufsicht.Core.Law;

/// <summary>
/// The level of one finding. <see cref="Note"/> is reported but does not count toward a verdict under the chosen
/// authority profile; <see cref="NotAssessed"/> means a needed fact is unknown or the stage was gated out.
/// </summary>
public enum Level
{
    Green,
    Yellow,
    Red,
    NotAssessed,
    Note,
}

/// <summary>A traffic-light verdict: the aggregate of counting findings.</summary>
public enum Verdict
{
    Green,
    Yellow,
    Red,
    NotAssessed,
}

public static class Levels
{
    private static readonly string[] Names = ["green", "yellow", "red", "not-assessed", "note"];

    public static string WireName(this Level level) => Names[(int)level];

    public static string WireName(this Verdict verdict) => Names[(int)verdict];

    public static bool TryParseLevel(string text, out Level level)
    {
        var index = Array.IndexOf(Names, text);
        level = index < 0 ? default : (Level)index;
        return index >= 0;
    }

    public static bool TryParseVerdict(string text, out Verdict verdict)
    {
        var index = Array.IndexOf(Names, text);
        verdict = index is < 0 or > 3 ? default : (Verdict)index;
        return index is >= 0 and <= 3;
    }

    public static Level AsLevel(this Verdict verdict) => (Level)(int)verdict;

    /// <summary>
    /// Rank used for "worse than": green &lt; yellow &lt; not-assessed &lt; red. An unknown is never better than a
    /// known yellow, and red outranks everything (domain/assessment.md §2, aggregation).
    /// </summary>
    public static int Severity(this Verdict verdict) => verdict switch
    {
        Verdict.Green => 0,
        Verdict.Yellow => 1,
        Verdict.NotAssessed => 2,
        _ => 3,
    };

    /// <summary>Aggregates counting levels into a verdict: any red → red; else any not-assessed → not-assessed; else any yellow → yellow; else green. Notes are ignored.</summary>
    public static Verdict Aggregate(IEnumerable<Level> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var worst = Verdict.Green;
        foreach (var level in levels)
        {
            if (level == Level.Note)
            {
                continue;
            }

            var verdict = (Verdict)(int)level;
            if (verdict.Severity() > worst.Severity())
            {
                worst = verdict;
            }
        }

        return worst;
    }
}
