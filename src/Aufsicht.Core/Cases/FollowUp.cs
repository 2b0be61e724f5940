using Aufsicht.Core.Evaluation;

namespace Aufsicht.Core.Cases;

/// <summary>What the follow-up check proposes to the handler once the body has answered again.</summary>
public enum FollowUpProposal
{
    /// <summary>No new answers since the body was asked: wait for them, or for the link to lapse.</summary>
    Wait,

    /// <summary>The new answers are compliant: close the case as remedied.</summary>
    CloseRemedied,

    /// <summary>The new answers are still deficient: the measure was not complied with; escalate to the next rung.</summary>
    Escalate,

    /// <summary>The new answers cannot be assessed (an unknown answer, an unlinked service): the handler checks by hand.</summary>
    CheckByHand,
}

/// <summary>
/// The follow-up check (issue 13 item 7): when the compliance deadline has come, the body is asked again through its
/// survey link; the engine re-evaluates the new answers; a compliant answer proposes closing the case as remedied, a
/// deficient one the next rung of the ladder (the recommender, told that the measure was not complied with).
/// </summary>
public static class FollowUp
{
    /// <summary>
    /// The proposal for the newest evaluation made after the body was asked (<paramref name="answered"/>), or
    /// <see cref="FollowUpProposal.Wait"/> without one. A body that was never asked (a case opened by hand) is checked
    /// by hand.
    /// </summary>
    public static FollowUpProposal Propose(bool asked, Compliance? answered) => (asked, answered) switch
    {
        (false, _) => FollowUpProposal.CheckByHand,
        (true, null) => FollowUpProposal.Wait,
        (true, Compliance.Compliant) => FollowUpProposal.CloseRemedied,
        (true, Compliance.Deficient) => FollowUpProposal.Escalate,
        (true, Compliance.Unclear) => FollowUpProposal.CheckByHand,
        _ => throw new ArgumentOutOfRangeException(nameof(answered), answered, null),
    };

    /// <summary>The last day a follow-up link accepts answers: <paramref name="days"/> calendar days from the day it is issued.</summary>
    public static DateOnly OpenUntil(DateOnly issued, int days) =>
        days is < 1 or > 366 ? throw new ArgumentOutOfRangeException(nameof(days), days, "1..366") : issued.AddDays(days);
}
