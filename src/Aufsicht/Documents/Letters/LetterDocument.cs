using Aufsicht.Core.Law;

namespace Aufsicht.Documents.Letters;

/// <summary>
/// A letter of the authority as plain values, rendered by <see cref="LetterOdtWriter"/> and <see cref="LetterPdfWriter"/>
/// so the editable and the filed copy say the same. Kept apart from <see cref="ReportDocument"/>: a letter has a fixed
/// frame (letterhead, window address, reference line, signature) that a report has not, and its body needs lists and
/// emphasis that a report does not.
/// </summary>
internal sealed record LetterDocument(
    Letterhead Letterhead,
    Addressee Addressee,
    LetterReference Reference,
    string Subject,
    string Salutation,
    IReadOnlyList<LetterBlock> Body,
    string Closing,
    LetterSignature Signature,
    RemedySection? Remedy,
    Language Language);

/// <summary>The authority at the head of the letter; <paramref name="Logo"/> is PNG bytes or null.</summary>
internal sealed record Letterhead(string Authority, IReadOnlyList<string> AddressLines, IReadOnlyList<string> ContactLines, byte[]? Logo = null)
{
    /// <summary>The return line above the window address (DIN 5008): the authority and its address on one line.</summary>
    public string ReturnLine => string.Join(" · ", new[] { Authority }.Concat(AddressLines));
}

/// <summary>Who the letter goes to: the body, the person it is addressed to (may be empty), and the postal address.</summary>
internal sealed record Addressee(string Name, string? ContactPerson, IReadOnlyList<string> AddressLines);

/// <summary>The reference line (Bezugszeichen): file number, the letter's date and who handles the case.</summary>
internal sealed record LetterReference(string FileNumber, DateOnly Date, string Handler);

/// <summary>The signature block: „Im Auftrag“ is written above the name when the signer signs for the head of the authority.</summary>
internal sealed record LetterSignature(string Name, string Function, bool OnBehalf);

/// <summary>The Rechtsbehelfsbelehrung (or the notice of the objection in the fine procedure): a heading and its blocks.</summary>
internal sealed record RemedySection(string Heading, IReadOnlyList<LetterBlock> Blocks);

/// <summary>One piece of a letter's body, in reading order.</summary>
internal abstract record LetterBlock;

internal sealed record LetterHeading(string Text) : LetterBlock;

/// <summary>A paragraph of runs, some emphasised.</summary>
internal sealed record LetterParagraph(IReadOnlyList<TextRun> Runs) : LetterBlock
{
    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>A numbered list (the Tenor of a decision): items numbered 1, 2, 3 … in order.</summary>
internal sealed record NumberedList(IReadOnlyList<IReadOnlyList<TextRun>> Items) : LetterBlock;

/// <summary>A list with bullets (e.g. the infringements).</summary>
internal sealed record BulletList(IReadOnlyList<IReadOnlyList<TextRun>> Items) : LetterBlock;

internal sealed record TextRun(string Text, bool Emphasis = false);
