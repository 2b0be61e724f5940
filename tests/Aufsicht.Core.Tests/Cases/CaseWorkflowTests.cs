using Aufsicht.Core.Cases;
using Xunit;

namespace Aufsicht.Core.Tests.Cases;

/// <summary>The case's path through German administrative procedure, as a table: what is allowed when, and what is refused why.</summary>
[Trait("Category", "Unit")]
public sealed class CaseWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 12, 16);

    [Theory]
    [InlineData(CaseState.Opened, CaseAction.StartHearing, "2027-01-04", null, null, null, null, CaseState.Hearing)]
    [InlineData(CaseState.Hearing, CaseAction.RecordStatement, null, null, null, "2026-12-30", null, CaseState.StatementReceived)]
    [InlineData(CaseState.Hearing, CaseAction.RecordHearingLapsed, null, null, null, "2026-12-15", null, CaseState.HearingLapsed)]
    [InlineData(CaseState.HearingLapsed, CaseAction.Decide, "2027-02-01", null, null, "2026-12-15", null, CaseState.Decided)]
    [InlineData(CaseState.StatementReceived, CaseAction.Decide, null, null, null, null, null, CaseState.Decided)]
    [InlineData(CaseState.Opened, CaseAction.Decide, null, null, "§ 28 Abs. 2 Nr. 1 VwVfG: Gefahr im Verzug", null, null, CaseState.Decided)]
    [InlineData(CaseState.Decided, CaseAction.StartFollowUp, null, null, null, null, "2026-12-16", CaseState.FollowUp)]
    [InlineData(CaseState.Decided, CaseAction.Close, null, CaseOutcome.Complied, null, null, null, CaseState.Closed)]
    [InlineData(CaseState.FollowUp, CaseAction.Close, null, CaseOutcome.Remedied, null, null, "2026-12-01", CaseState.Closed)]
    [InlineData(CaseState.FollowUp, CaseAction.Escalate, null, null, null, null, "2026-12-01", CaseState.Escalated)]
    [InlineData(CaseState.Escalated, CaseAction.StartHearing, "2027-01-10", null, null, null, null, CaseState.Hearing)]
    [InlineData(CaseState.Hearing, CaseAction.Close, null, CaseOutcome.Discontinued, null, "2027-01-04", null, CaseState.Closed)]
    public void Apply_AllowedStep_MovesOn(CaseState from, CaseAction action, string? deadline, CaseOutcome? outcome, string? ground, string? hearingEnd, string? complianceEnd, CaseState expected)
    {
        var status = new CaseStatus(from, Date(hearingEnd), Date(complianceEnd));
        var result = CaseWorkflow.Apply(status, new CaseStep(action, Date(deadline), outcome, ground), Today);
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(CaseState.Opened, CaseAction.StartHearing, null, null, null, null, null, "case.deadline.missing")]
    [InlineData(CaseState.Opened, CaseAction.StartHearing, "2026-12-16", null, null, null, null, "case.deadline.past")]
    [InlineData(CaseState.Opened, CaseAction.Decide, null, null, null, null, null, "case.hearing.groundMissing")]
    [InlineData(CaseState.Opened, CaseAction.Decide, null, null, "  ", null, null, "case.hearing.groundMissing")]
    [InlineData(CaseState.Hearing, CaseAction.RecordHearingLapsed, null, null, null, "2026-12-16", null, "case.hearing.running")]
    [InlineData(CaseState.Hearing, CaseAction.Decide, null, null, null, "2027-01-04", null, "case.action.notNow")]
    [InlineData(CaseState.Decided, CaseAction.StartFollowUp, null, null, null, null, "2026-12-17", "case.followUp.early")]
    [InlineData(CaseState.Decided, CaseAction.StartFollowUp, null, null, null, null, null, "case.followUp.noDeadline")]
    [InlineData(CaseState.Opened, CaseAction.Close, null, CaseOutcome.Complied, null, null, null, "case.outcome.noMeasure")]
    [InlineData(CaseState.FollowUp, CaseAction.Close, null, null, null, null, null, "case.outcome.missing")]
    [InlineData(CaseState.Closed, CaseAction.Escalate, null, null, null, null, null, "case.action.notNow")]
    [InlineData(CaseState.Closed, CaseAction.StartHearing, "2027-01-04", null, null, null, null, "case.action.notNow")]
    public void Apply_StepNotAllowedNow_IsRefusedWithTheReason(CaseState from, CaseAction action, string? deadline, CaseOutcome? outcome, string? ground, string? hearingEnd, string? complianceEnd, string key)
    {
        var status = new CaseStatus(from, Date(hearingEnd), Date(complianceEnd));
        var result = CaseWorkflow.Apply(status, new CaseStep(action, Date(deadline), outcome, ground), Today);
        Assert.False(result.IsOk);
        Assert.Equal(key, Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void Allowed_EveryStateButClosed_CanBeClosed()
    {
        foreach (var state in Enum.GetValues<CaseState>())
        {
            Assert.Equal(state != CaseState.Closed, CaseWorkflow.Allowed(state).Contains(CaseAction.Close));
        }
    }

    [Theory]
    [InlineData("LfDI-{year}-{seq:0000}", 2026, 42, "LfDI-2026-0042")]
    [InlineData("{year}/{seq}", 2027, 7, "2027/7")]
    [InlineData("DS-{seq:00}", 2027, 123, "DS-123")]
    public void FileNumbers_Format_FillsThePattern(string pattern, int year, int sequence, string expected)
    {
        Assert.True(FileNumbers.Check(pattern).IsOk);
        Assert.Equal(expected, FileNumbers.Format(pattern, year, sequence));
    }

    [Theory]
    [InlineData("")]
    [InlineData("LfDI-{year}")]
    [InlineData("{seq}-{seq}")]
    [InlineData("{year}-{seq}-{name}")]
    [InlineData("{year}-{seq:00x}")]
    public void FileNumbers_Check_BadPattern_IsRefused(string pattern) =>
        Assert.Equal("case.fileNumber.pattern", Assert.Single(FileNumbers.Check(pattern).Errors).Key);

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
