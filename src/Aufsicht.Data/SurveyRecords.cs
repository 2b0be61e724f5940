using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Law;
namespace Aufsicht.Data;

/// <summary>One supervised body (Organisation) of the authority's registry. Its external id makes re-imports update instead of duplicate.</summary>
public sealed class BodyRecord
{
    public long Id { get; set; }

    /// <summary>The id the authority knows the body by (school number, municipality key, …); unique.</summary>
    public required string ExternalId { get; set; }

    public required string Name { get; set; }

    /// <summary>school, municipality, district, state-authority, university, company or other (domain/assessment.md §6).</summary>
    public required string Kind { get; set; }

    public string? Region { get; set; }

    /// <summary>The body this one belongs to (a ministry above its offices), for the migration inventory's tree; null at the top. No foreign key: on SQLite adding one rebuilds the table; the bodies feature clears it when the parent goes.</summary>
    public long? ParentId { get; set; }

    /// <summary>The German state as its two-letter code (BE, MV, SH, …).</summary>
    public required string State { get; set; }

    public bool PublicBody { get; set; }

    /// <summary>A public body that takes part in competition (§ 2(5) BDSG): fines apply to it as to a company.</summary>
    public bool PublicUndertaking { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>The language of the e-mails to the body: de or en.</summary>
    public required string Language { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One version of a questionnaire definition; a version never changes once imported, so a campaign can freeze it.</summary>
public sealed class QuestionnaireRecord
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public int Version { get; set; }

    public required string DefinitionJson { get; set; }

    /// <summary>SHA-256 of the definition: importing the same content again creates no new version.</summary>
    public required string Hash { get; set; }

    public DateTime ImportedAt { get; set; }

    public string? ImportedBy { get; set; }
}

/// <summary>Where a campaign stands. Stored as draft, running or closed (<see cref="StoredStates"/>).</summary>
public enum CampaignState
{
    Draft,
    Running,
    Closed,
}

/// <summary>A survey campaign: one frozen questionnaire version sent to a set of bodies, with a deadline and reminders.</summary>
public sealed class CampaignRecord
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public long QuestionnaireId { get; set; }

    public CampaignState State { get; set; }

    public DateOnly Deadline { get; set; }

    /// <summary>Days before the deadline on which a reminder goes to bodies that have not submitted, e.g. "7,1".</summary>
    public required string ReminderDays { get; set; }

    /// <summary>The e-mail templates (Liquid): invitation and reminder, subject and text, German and English, as JSON.</summary>
    public required string TemplatesJson { get; set; }

    /// <summary>The date the answers are assessed on; null: the day of each submission.</summary>
    public DateOnly? EvaluationAsOf { get; set; }

    /// <summary>The authority view the answers are assessed in (an id of data/authorities.json).</summary>
    public required string Authority { get; set; }

    /// <summary>Days after closing after which the contact data of the campaign (addresses, e-mails) are erased.</summary>
    public int RetentionDays { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime? ContactsErasedAt { get; set; }

    /// <summary>Who at the authority answers the bodies' questions about this survey: named in the e-mails and on the portal.</summary>
    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public int Revision { get; set; }
}

/// <summary>A body a campaign asks.</summary>
public sealed class CampaignBodyRecord
{
    public long CampaignId { get; set; }

    public long BodyId { get; set; }
}

/// <summary>
/// An invitation link for one body in one campaign. Only the SHA-256 of its random token is stored; a reissue revokes
/// the old row and adds a new one.
/// </summary>
public sealed class InvitationRecord
{
    public long Id { get; set; }

    public long CampaignId { get; set; }

    public long BodyId { get; set; }

    /// <summary>Hex SHA-256 of the token that the link carries.</summary>
    public required string TokenHash { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>The address the invitation went to (erased with the campaign's contact data).</summary>
    public string? Email { get; set; }

    public required string Language { get; set; }

    /// <summary>
    /// 0 for an invitation (or its reissue); n for the n-th reminder, which carries a link of its own;
    /// <see cref="ManualReminder"/> for a reminder a supervisor sent by hand (any number of them; the scheduled ones still follow).
    /// </summary>
    public int Reminder { get; set; }

    /// <summary>The <see cref="Reminder"/> of a reminder sent by hand: outside the unique index of scheduled reminders (which counts those above 0).</summary>
    public const int ManualReminder = -1;

    /// <summary>
    /// A follow-up link of a case: it accepts a new version of the body's answers until the end of this day (Berlin)
    /// even when the campaign is closed. Null for the campaign's own links.
    /// </summary>
    public DateOnly? OpenUntil { get; set; }

    /// <summary>The case whose follow-up check issued this link; null for the campaign's own links.</summary>
    public long? CaseId { get; set; }
}

/// <summary>A body's answers in one campaign: the draft being edited, and how many versions were submitted.</summary>
public sealed class ResponseRecord
{
    public long Id { get; set; }

    public long CampaignId { get; set; }

    public long BodyId { get; set; }

    /// <summary>The answers as saved (JSON object: answer key → list of strings).</summary>
    public required string DraftJson { get; set; }

    /// <summary>Grows with every save; a save based on an older revision is refused, so no answer is silently lost.</summary>
    public int Revision { get; set; }

    /// <summary>The newest submitted version (0 while nothing was submitted).</summary>
    public int SubmittedVersion { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }
}

/// <summary>One submitted version of a response: never changed, so the history of amendments is kept.</summary>
public sealed class ResponseVersionRecord
{
    public long Id { get; set; }

    public long ResponseId { get; set; }

    public int Version { get; set; }

    public required string AnswersJson { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>The receipt number shown to the respondent.</summary>
    public required string Receipt { get; set; }
}

/// <summary>The evaluation of a body's newest submitted version.</summary>
public sealed class EvaluationRecord
{
    public long Id { get; set; }

    public long CampaignId { get; set; }

    public long BodyId { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// The body's standing, stored as compliant, deficient or unclear. A body without a row has not answered
    /// (<see cref="StoredStates.NotAnswered"/>).
    /// </summary>
    public Compliance Status { get; set; }

    /// <summary>The criteria of the red and yellow findings, worst first, e.g. "L03,U06" (for lists and filters).</summary>
    public required string MainFindings { get; set; }

    /// <summary>Per service: verdict and findings (JSON), for the body's page.</summary>
    public required string ResultJson { get; set; }

    public DateOnly AsOf { get; set; }

    public required string Authority { get; set; }

    public DateTime EvaluatedAt { get; set; }
}

/// <summary>One service a body said it uses, with its deployment verdict: the dashboard counts these.</summary>
public sealed class EvaluationServiceRecord
{
    public long Id { get; set; }

    public long CampaignId { get; set; }

    public long BodyId { get; set; }

    /// <summary>A catalogue id, or "other:" and the normalised free text while it awaits a link.</summary>
    public required string Service { get; set; }

    /// <summary>Stored as the verdict's wire name: green, yellow, red or not-assessed.</summary>
    public Verdict Verdict { get; set; }
}

/// <summary>A service named in free text ("other, namely …") in a campaign, and the catalogue entry a supervisor linked it to.</summary>
public sealed class OtherServiceRecord
{
    public long Id { get; set; }

    public long CampaignId { get; set; }

    /// <summary>The text as normalised for matching: trimmed, single spaces, lower case.</summary>
    public required string Text { get; set; }

    public string? LinkedService { get; set; }

    public string? LinkedBy { get; set; }

    public DateTime? LinkedAt { get; set; }
}

/// <summary>What happened to an outgoing message. Stored as pending, sent, rejected or failed (<see cref="StoredStates"/>).</summary>
public enum OutboxState
{
    Pending,
    Sent,

    /// <summary>The server refused the address for good (5xx): shown to supervisors, not retried.</summary>
    Rejected,

    /// <summary>Gave up after the last retry.</summary>
    Failed,
}

/// <summary>
/// An e-mail waiting to go out, or gone. A worker claims a row for a while before sending, so two instances never send
/// the same row; the row is marked sent in the same breath as the SMTP server accepts it.
/// </summary>
public sealed class OutboxRecord
{
    public long Id { get; set; }

    /// <summary>invitation or reminder.</summary>
    public required string Kind { get; set; }

    public long? CampaignId { get; set; }

    public long? InvitationId { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    /// <summary>The plain-text body; emptied once sent (it may hold an invitation link).</summary>
    public required string Body { get; set; }

    /// <summary>The Message-ID header, fixed when the row is made, so a receiver can recognise a repeat.</summary>
    public required string MessageId { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NotBefore { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>A filed case document whose PDF goes with the message as an attachment (a letter sent by e-mail); null for none.</summary>
    public long? CaseDocumentId { get; set; }
}
