namespace Aufsicht.Core.Cases;

/// <summary>
/// Where a case (Verfahren) stands, after German administrative procedure: opened → hearing with a deadline (§ 28
/// VwVfG) → a statement received or the deadline passed → a decision on a measure (with a compliance deadline where the
/// measure orders something) → the follow-up check when that deadline comes → closed, or escalated to the next rung.
/// </summary>
public enum CaseState
{
    Opened,
    Hearing,
    StatementReceived,
    HearingLapsed,
    Decided,
    FollowUp,
    Escalated,
    Closed,
}

/// <summary>How a closed case ended.</summary>
public enum CaseOutcome
{
    /// <summary>The body remedied the deficiency (e.g. its new answers were compliant).</summary>
    Remedied,

    /// <summary>The body complied with the measure, or the measure needed nothing further (a reprimand).</summary>
    Complied,

    /// <summary>The authority discontinued the procedure (Einstellung).</summary>
    Discontinued,
}

/// <summary>What a case handler (or the follow-up) does to a case; each is one use case of the application.</summary>
public enum CaseAction
{
    /// <summary>Send the hearing letter (Anhörung) with a deadline for a statement.</summary>
    StartHearing,

    /// <summary>Record the body's statement.</summary>
    RecordStatement,

    /// <summary>Record that the hearing deadline passed without a statement.</summary>
    RecordHearingLapsed,

    /// <summary>Decide the measure (with a compliance deadline where it orders something).</summary>
    Decide,

    /// <summary>Start the follow-up check: the compliance deadline has come.</summary>
    StartFollowUp,

    /// <summary>Escalate to the next rung of the ladder after non-compliance.</summary>
    Escalate,

    /// <summary>Close the case with an outcome.</summary>
    Close,
}

/// <summary>The facts of a case that decide which action is allowed when.</summary>
/// <param name="State">Where the case stands.</param>
/// <param name="HearingDeadline">The end of the hearing period (after § 31 VwVfG), once a hearing was started.</param>
/// <param name="ComplianceDeadline">The end of the period to comply with the decided measure, if it sets one.</param>
public sealed record CaseStatus(CaseState State, DateOnly? HearingDeadline, DateOnly? ComplianceDeadline);

/// <summary>An action with what it needs: the deadline a hearing or decision sets, the outcome of a closing, the § 28(2) ground of a decision without hearing.</summary>
public sealed record CaseStep(CaseAction Action, DateOnly? Deadline = null, CaseOutcome? Outcome = null, string? HearingOmittedGround = null);

/// <summary>
/// The case's state machine, pure: which action is allowed in which state, on which day. Decisions without a hearing
/// need a recorded ground under § 28(2) VwVfG; a lapsed hearing and a follow-up wait for their deadlines to pass.
/// </summary>
public static class CaseWorkflow
{
    /// <summary>The actions allowed in each state, whatever the date.</summary>
    public static IReadOnlyList<CaseAction> Allowed(CaseState state) => state switch
    {
        CaseState.Opened => [CaseAction.StartHearing, CaseAction.Decide, CaseAction.Close],
        CaseState.Hearing => [CaseAction.RecordStatement, CaseAction.RecordHearingLapsed, CaseAction.Close],
        CaseState.StatementReceived or CaseState.HearingLapsed => [CaseAction.Decide, CaseAction.Close],
        CaseState.Decided => [CaseAction.StartFollowUp, CaseAction.Close],
        CaseState.FollowUp => [CaseAction.Escalate, CaseAction.Close],
        CaseState.Escalated => [CaseAction.StartHearing, CaseAction.Decide, CaseAction.Close],
        CaseState.Closed => [],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The state after the step, or why the step is not allowed now (errors name the field of the step).</summary>
    public static Result<CaseState> Apply(CaseStatus status, CaseStep step, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(step);
        if (!Allowed(status.State).Contains(step.Action))
        {
            return Error.Conflict("action", "case.action.notNow", Stored(step.Action), Stored(status.State));
        }

        return step.Action switch
        {
            CaseAction.StartHearing => step.Deadline is not { } d ? Error.Invalid("deadline", "case.deadline.missing")
                : d <= today ? Error.Invalid("deadline", "case.deadline.past", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                : Ok(CaseState.Hearing),
            CaseAction.RecordStatement => Ok(CaseState.StatementReceived),
            CaseAction.RecordHearingLapsed => status.HearingDeadline is { } h && today > h ? Ok(CaseState.HearingLapsed)
                : Error.Conflict("action", "case.hearing.running", (status.HearingDeadline ?? today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            CaseAction.Decide => Decide(status, step, today),
            CaseAction.StartFollowUp => status.ComplianceDeadline is { } c && today >= c ? Ok(CaseState.FollowUp)
                : status.ComplianceDeadline is null ? Error.Conflict("action", "case.followUp.noDeadline")
                : Error.Conflict("action", "case.followUp.early", status.ComplianceDeadline.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            CaseAction.Escalate => Ok(CaseState.Escalated),
            CaseAction.Close => step.Outcome is null ? Error.Invalid("outcome", "case.outcome.missing")
                : step.Outcome == CaseOutcome.Complied && status.State is not (CaseState.Decided or CaseState.FollowUp) ? Error.Invalid("outcome", "case.outcome.noMeasure")
                : Ok(CaseState.Closed),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.Action, null),
        };
    }

    private static Result<CaseState> Ok(CaseState state) => Result<CaseState>.Ok(state);

    private static Result<CaseState> Decide(CaseStatus status, CaseStep step, DateOnly today)
    {
        // Straight from opened (or after an escalation) the hearing was skipped: § 28(2) VwVfG wants the ground on file.
        if (status.State is CaseState.Opened or CaseState.Escalated && string.IsNullOrWhiteSpace(step.HearingOmittedGround))
        {
            return Error.Invalid("hearingOmittedGround", "case.hearing.groundMissing");
        }

        return step.Deadline is { } d && d <= today
            ? Error.Invalid("deadline", "case.deadline.past", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            : Ok(CaseState.Decided);
    }

    /// <summary>The stored name of a state: kebab-case, as the columns, exports and text keys use it.</summary>
    public static string Stored(CaseState state) => state switch
    {
        CaseState.Opened => "opened",
        CaseState.Hearing => "hearing",
        CaseState.StatementReceived => "statement-received",
        CaseState.HearingLapsed => "hearing-lapsed",
        CaseState.Decided => "decided",
        CaseState.FollowUp => "follow-up",
        CaseState.Escalated => "escalated",
        CaseState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Stored(CaseAction action) => action switch
    {
        CaseAction.StartHearing => "start-hearing",
        CaseAction.RecordStatement => "record-statement",
        CaseAction.RecordHearingLapsed => "record-hearing-lapsed",
        CaseAction.Decide => "decide",
        CaseAction.StartFollowUp => "start-follow-up",
        CaseAction.Escalate => "escalate",
        CaseAction.Close => "close",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string Stored(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Remedied => "remedied",
        CaseOutcome.Complied => "complied",
        CaseOutcome.Discontinued => "discontinued",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
