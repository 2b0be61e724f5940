using Aufsicht.Core.Cases;

namespace Aufsicht.Data;

/// <summary>
/// A case file (Verfahren) against one body: where it stands, the frozen evaluation it was opened from, the controller
/// facts that matter for enforcement, the deadlines and the measure decided. Its history is the audit log.
/// </summary>
public sealed class CaseRecord
{
    public long Id { get; set; }

    /// <summary>The file number (Aktenzeichen), unique, from the authority's pattern.</summary>
    public required string FileNumber { get; set; }

    public long BodyId { get; set; }

    /// <summary>The campaign whose evaluation opened the case; null for a case opened by hand.</summary>
    public long? CampaignId { get; set; }

    /// <summary>The version of the body's evaluation the case froze; null for a case opened by hand.</summary>
    public int? EvaluationVersion { get; set; }

    /// <summary>A frozen copy of the evaluation (its result JSON as stored), so later re-evaluations do not change the file.</summary>
    public required string EvaluationJson { get; set; }

    public CaseState State { get; set; }

    public CaseOutcome? Outcome { get; set; }

    /// <summary>The account id of the case handler; null while unassigned.</summary>
    public string? HandlerId { get; set; }

    // The controller facts, copied from the body when the case is opened and corrected in the case.
    public bool PublicBody { get; set; }

    public bool InCompetition { get; set; }

    public required string Country { get; set; }

    /// <summary>The German Land of the controller (two letters), whose law governs its public bodies.</summary>
    public string? Land { get; set; }

    /// <summary>The undertaking's worldwide annual turnover of the preceding year, in cents (non-public bodies).</summary>
    public long? TurnoverCents { get; set; }

    /// <summary>The group the undertaking belongs to (Art. 83: the undertaking in the competition-law sense).</summary>
    public string? UndertakingGroup { get; set; }

    public DateOnly? HearingDeadline { get; set; }

    public DateOnly? ComplianceDeadline { get; set; }

    /// <summary>The powers decided, comma-separated wire names (<c>58(2)(d),58(2)(j)</c>).</summary>
    public string? Measure { get; set; }

    /// <summary>Why the handler chose a measure other than the recommended one.</summary>
    public string? MeasureReason { get; set; }

    /// <summary>The § 28(2) VwVfG ground recorded when a decision was taken without a hearing.</summary>
    public string? HearingOmittedGround { get; set; }

    /// <summary>When the measure was decided (the Art. 59 annual figures count decisions by year).</summary>
    public DateTime? DecidedAt { get; set; }

    /// <summary>The fine imposed, in cents (non-public bodies only).</summary>
    public long? FineCents { get; set; }

    // What Art. 83(2) and the ladder weigh besides the findings, as the handler establishes it; null while not known.

    /// <summary>Whether special categories of data (Art. 9, 10) are processed.</summary>
    public bool? SpecialCategories { get; set; }

    /// <summary>How many data subjects the processing concerns, as far as known.</summary>
    public int? DataSubjects { get; set; }

    /// <summary>Intent or negligence (Art. 83(2)(b)): <c>intent</c>, <c>negligence</c>, <c>none</c>; null while unknown.</summary>
    public string? Culpability { get; set; }

    /// <summary>When the body was asked again for the follow-up check (a new link to its survey); null before.</summary>
    public DateTime? FollowUpAskedAt { get; set; }

    public DateTime OpenedAt { get; set; }

    public required string OpenedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Grows with every change; a change based on an older revision is refused.</summary>
    public int Revision { get; set; }
}

/// <summary>One infringement of a case: finding → criterion → GDPR articles → the tier of Art. 83(4)/(5)/(6).</summary>
public sealed class CaseInfringementRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string Criterion { get; set; }

    /// <summary>The finding's level (red, yellow) as the engine wrote it.</summary>
    public required string Level { get; set; }

    /// <summary>The articles, separated by "; " (<c>Art. 28(3)(a); Art. 44</c>).</summary>
    public required string Articles { get; set; }

    /// <summary>The tier of Art. 83 the gravest article falls under: <c>83(4)</c> or <c>83(5)</c>; <c>83(6)</c> for an ignored order.</summary>
    public required string Tier { get; set; }

    /// <summary>The service the finding is about, if any.</summary>
    public string? Service { get; set; }
}

/// <summary>A handler's note in a case file.</summary>
public sealed class CaseNoteRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTime At { get; set; }

    public required string Author { get; set; }

    public required string Text { get; set; }
}

/// <summary>The last running number of a year's file numbers: one row per year, raised in the transaction that opens a case.</summary>
public sealed class CaseCounterRecord
{
    public int Year { get; set; }

    public int Last { get; set; }
}

/// <summary>
/// One entry of the append-only audit log: who did what to which case, when, with the data of the action. Each entry
/// carries the hash of the one before it and its own hash over both, so a changed or removed row breaks the chain
/// (<c>aufsicht audit verify</c> finds the first broken link).
/// </summary>
public sealed class AuditRecord
{
    /// <summary>The position in the chain, from 1 without gaps; the key.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public long? CaseId { get; set; }

    /// <summary>The action's data as JSON (what changed, the deadline set, the measure decided).</summary>
    public required string DataJson { get; set; }

    /// <summary>The previous entry's hash (64 zeros for the first entry).</summary>
    public required string PreviousHash { get; set; }

    /// <summary>SHA-256 (hex) over this entry's fields and <see cref="PreviousHash"/>.</summary>
    public required string Hash { get; set; }
}

/// <summary>
/// A document filed in a case: a letter rendered from a template (ODT and PDF from one model) with its hash, or an
/// upload. Immutable once sent: a corrected letter is a new document.
/// </summary>
public sealed class CaseDocumentRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>The letter kind (<c>hearing</c>, <c>order</c> …) or <c>upload</c>.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>The language of the letter (<c>de</c>, <c>en</c>).</summary>
    public required string Language { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>When it was sent (by e-mail through the outbox, or marked as posted); null while a draft.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary><c>email</c>, <c>post</c> or <c>hand</c> once sent.</summary>
    public string? Channel { get; set; }

    public long? OutboxId { get; set; }

    public byte[]? Odt { get; set; }

    public required byte[] Pdf { get; set; }

    /// <summary>SHA-256 (hex) of the PDF as filed.</summary>
    public required string Sha256 { get; set; }
}

/// <summary>A letter template as the authority edited it; the shipped default applies while there is none.</summary>
public sealed class LetterTemplateRecord
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string Language { get; set; }

    public required string Text { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public int Revision { get; set; }
}

/// <summary>The authority's letterhead: one row.</summary>
public sealed class LetterheadRecord
{
    public int Id { get; set; }

    public required string AuthorityName { get; set; }

    /// <summary>Address lines, one per line.</summary>
    public required string Address { get; set; }

    /// <summary>Contact lines (telephone, e-mail, web), one per line.</summary>
    public required string Contact { get; set; }

    /// <summary>The town of the authority's seat (the letter's place and the court's, § 20(3) BDSG).</summary>
    public string? Seat { get; set; }

    /// <summary>The administrative court at the seat, named in the instruction on legal remedies.</summary>
    public string? Court { get; set; }

    public byte[]? LogoPng { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Revision { get; set; }
}
