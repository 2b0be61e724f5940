namespace Aufsicht.Features.Letters;

/// <summary>The letters of the enforcement procedure (domain/procedure.md §§ 1, 4, 5; domain/fines.md § 1).</summary>
internal enum LetterKind
{
    /// <summary>Anhörung vor einer Maßnahme (§ 28 VwVfG).</summary>
    Hearing,

    /// <summary>Warnung (Art. 58(2)(a) GDPR).</summary>
    Warning,

    /// <summary>Verwarnung (Art. 58(2)(b) GDPR).</summary>
    Reprimand,

    /// <summary>Anordnung/Anweisung (Art. 58(2)(c)–(g), (j) GDPR) with Tenor, deadline, reasons and Rechtsbehelfsbelehrung.</summary>
    Order,

    /// <summary>Anhörung im Bußgeldverfahren (§ 55 OWiG).</summary>
    FineHearing,

    /// <summary>Bußgeldbescheid (§ 66 OWiG); only for non-public bodies.</summary>
    FineNotice,

    /// <summary>Abschlussschreiben.</summary>
    Closing,
}

internal static class LetterKinds
{
    public static IReadOnlyList<LetterKind> All { get; } = Enum.GetValues<LetterKind>();

    private static readonly string[] WireNames = ["hearing", "warning", "reprimand", "order", "fine-hearing", "fine-notice", "closing"];

    /// <summary>The name in files, URLs and JSON: <c>fine-hearing</c>.</summary>
    public static string WireName(this LetterKind kind) => WireNames[(int)kind];

    public static bool TryParse(string? text, out LetterKind kind)
    {
        var index = Array.IndexOf(WireNames, text);
        kind = index < 0 ? default : (LetterKind)index;
        return index >= 0;
    }

    /// <summary>
    /// Whether the letter is a decision that can be challenged and so must instruct on the remedy (§ 37(6) VwVfG; for
    /// the fine notice the objection, § 66(2) no. 1 OWiG). Warning and reprimand are treated as administrative acts
    /// (domain/procedure.md § 4: "treat it as one").
    /// </summary>
    public static bool NeedsRemedy(this LetterKind kind) => kind is LetterKind.Warning or LetterKind.Reprimand or LetterKind.Order or LetterKind.FineNotice;
}
