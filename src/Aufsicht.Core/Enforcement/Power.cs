using Aufsicht.Core.Law;

namespace Aufsicht.Core.Enforcement;

/// <summary>
/// The corrective powers of Art. 58(2) GDPR, one per letter. German labels map to letters, never to English words:
/// the BfDI's English texts call a <i>Verwarnung</i> (b) a "warning", which is the English word for (a).
/// </summary>
public enum Power
{
    /// <summary>(a) warn that intended processing is likely to infringe — Warnung.</summary>
    A,

    /// <summary>(b) reprimand for an infringement — Verwarnung.</summary>
    B,

    /// <summary>(c) order compliance with a data subject's request — Anweisung.</summary>
    C,

    /// <summary>(d) order processing brought into compliance, in a set way, by a deadline — Anweisung.</summary>
    D,

    /// <summary>(e) order communication of a breach to the data subjects — Anweisung.</summary>
    E,

    /// <summary>(f) temporary or definitive limitation, including a ban — Beschränkung / Verbot.</summary>
    F,

    /// <summary>(g) order rectification, erasure or restriction — Anordnung.</summary>
    G,

    /// <summary>(h) withdraw a certification — Widerruf.</summary>
    H,

    /// <summary>(i) an administrative fine under Art. 83 — Geldbuße.</summary>
    I,

    /// <summary>(j) order the suspension of data flows to a third country — Aussetzung.</summary>
    J,
}

/// <summary>The wire names (<c>58(2)(d)</c>), legal notation and German and English terms of the powers.</summary>
public static class Powers
{
    public static IReadOnlyList<Power> All { get; } = Enum.GetValues<Power>();

    private static readonly string[] WireNames = All.Select(p => $"58(2)({Letter(p)})").ToArray();

    private static readonly LocalizedText[] Terms =
    [
        new("Warnung", "warning"),
        new("Verwarnung", "reprimand"),
        new("Anweisung, einem Antrag der betroffenen Person zu entsprechen", "order to comply with a data subject's request"),
        new("Anweisung, die Verarbeitung in Einklang mit der DSGVO zu bringen", "order to bring processing into compliance"),
        new("Anweisung, die betroffenen Personen von einer Verletzung zu benachrichtigen", "order to communicate a breach to the data subjects"),
        new("Beschränkung oder Verbot der Verarbeitung", "limitation or ban of processing"),
        new("Anordnung der Berichtigung, Löschung oder Einschränkung", "order of rectification, erasure or restriction"),
        new("Widerruf einer Zertifizierung", "withdrawal of a certification"),
        new("Geldbuße", "administrative fine"),
        new("Aussetzung der Datenübermittlung in ein Drittland", "suspension of data flows to a third country"),
    ];

    /// <summary>The letter of the power: <c>a</c> … <c>j</c>.</summary>
    public static char Letter(Power power) => (char)('a' + (int)power);

    /// <summary>The wire name used in JSON and on the command line: <c>58(2)(a)</c> … <c>58(2)(j)</c>.</summary>
    public static string WireName(this Power power) => WireNames[(int)power];

    /// <summary>The power of a wire name such as <c>58(2)(d)</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out Power power)
    {
        var index = Array.IndexOf(WireNames, text);
        power = index < 0 ? default : (Power)index;
        return index >= 0;
    }

    /// <summary>The German or English term: „Verwarnung“ / "reprimand".</summary>
    public static LocalizedText Term(this Power power) => Terms[(int)power];

    /// <summary>The provision in legal notation: „Art. 58 Abs. 2 lit. d DSGVO“ / "Art. 58(2)(d) GDPR".</summary>
    public static string Article(this Power power, Language language) => ArticleNotation.Format($"Art. 58(2)({Letter(power)})", language);
}
