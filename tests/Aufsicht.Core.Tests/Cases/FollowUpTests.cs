using Aufsicht.Core.Cases;
using Aufsicht.Core.Evaluation;
using Xunit;

namespace Aufsicht.Core.Tests.Cases;

/// <summary>The follow-up check's proposal as a table: asked or not, and what the new answers came to.</summary>
[Trait("Category", "Unit")]
public sealed class FollowUpTests
{
    [Theory]
    [InlineData(true, null, FollowUpProposal.Wait)]
    [InlineData(true, Compliance.Compliant, FollowUpProposal.CloseRemedied)]
    [InlineData(true, Compliance.Deficient, FollowUpProposal.Escalate)]
    [InlineData(true, Compliance.Unclear, FollowUpProposal.CheckByHand)]
    [InlineData(false, null, FollowUpProposal.CheckByHand)]
    [InlineData(false, Compliance.Compliant, FollowUpProposal.CheckByHand)]
    public void Propose_Answer_GivesProposal(bool asked, Compliance? answered, FollowUpProposal expected) =>
        Assert.Equal(expected, FollowUp.Propose(asked, answered));

    [Theory]
    [InlineData("2026-12-16", 14, "2026-12-30")]
    [InlineData("2026-12-20", 14, "2027-01-03")]
    [InlineData("2027-02-15", 14, "2027-03-01")]
    public void OpenUntil_Days_CountsCalendarDays(string issued, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FollowUp.OpenUntil(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), days));

    [Theory]
    [InlineData(0)]
    [InlineData(367)]
    public void OpenUntil_DaysOutOfRange_Throws(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FollowUp.OpenUntil(new DateOnly(2026, 12, 16), days));
}
