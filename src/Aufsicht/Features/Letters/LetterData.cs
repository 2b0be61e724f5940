namespace Aufsicht.Features.Letters;

/// <summary>
/// What a letter may say about its case: the case side fills it from the case file, the template names its parts as
/// Liquid variables (<see cref="LetterVariables"/>). Texts are in the letter's language; dates and amounts are values,
/// written in the letter's language here.
/// </summary>
internal sealed record LetterData(LetterAuthority Authority, LetterRecipient Body, LetterHandler Handler, string FileNumber, DateOnly Date)
{
    /// <summary>The decisive facts (Sachverhalt) in the handler's words.</summary>
    public string Facts { get; init; } = "";

    /// <summary>The period to comment (hearing) or to comply (order); null when the letter sets none.</summary>
    public LetterDeadline? Deadline { get; init; }

    public IReadOnlyList<LetterInfringement> Infringements { get; init; } = [];

    public LetterMeasure? Measure { get; init; }

    public LetterFine? Fine { get; init; }

    /// <summary>Why the hearing takes place: what gave rise to the case (e.g. the answers in a survey).</summary>
    public string HearingGround { get; init; } = "";

    /// <summary>The date of the hearing letter, for the reasons of a decision.</summary>
    public DateOnly? HearingDate { get; init; }

    /// <summary>What the body said in the hearing, in the handler's summary; empty when it said nothing.</summary>
    public string Statement { get; init; } = "";

    /// <summary>The discretion considered (§ 39(1) s. 3 VwVfG).</summary>
    public string Discretion { get; init; } = "";

    /// <summary>The evidence (§ 66(1) no. 4 OWiG).</summary>
    public string Evidence { get; init; } = "";

    /// <summary>Why the case is closed (remedied, measure complied with, discontinued), in words.</summary>
    public string ClosingReason { get; init; } = "";
}

/// <summary>
/// The authority: name, postal and contact lines for the letterhead, the seat and the administrative court there
/// (§ 20(3) BDSG: the court at the authority's seat hears the action), and an optional PNG logo.
/// </summary>
internal sealed record LetterAuthority(string Name, IReadOnlyList<string> AddressLines, IReadOnlyList<string> ContactLines, string Seat, string Court, byte[]? Logo = null);

/// <summary>The body the letter goes to.</summary>
internal sealed record LetterRecipient(string Name, string? ContactPerson, IReadOnlyList<string> AddressLines);

/// <summary>Who handles the case and signs; <paramref name="OnBehalf"/>: „Im Auftrag“ (for the head of the authority).</summary>
internal sealed record LetterHandler(string Name, string Function, bool OnBehalf = true);

/// <summary>
/// A deadline as the letter states it: the day it ends, the period in words (<c>2 Wochen</c>), and how the day was
/// computed (from <c>DeadlineCalculator</c>, in the letter's language).
/// </summary>
internal sealed record LetterDeadline(DateOnly End, string Period, string Computation);

/// <summary>An infringement: the finding, the criterion it fails, and the GDPR articles (written as <c>Art. 5(1)(f)</c>).</summary>
internal sealed record LetterInfringement(string Finding, string Criterion, IReadOnlyList<string> Articles);

/// <summary>The measure: its name in words, its powers (<c>Art. 58(2)(d)</c>) and the orders of the Tenor, one sentence each.</summary>
internal sealed record LetterMeasure(string Name, IReadOnlyList<string> Powers, IReadOnlyList<string> Orders);

/// <summary>The fine and a summary of its calculation in words.</summary>
internal sealed record LetterFine(decimal Amount, string Calculation);
