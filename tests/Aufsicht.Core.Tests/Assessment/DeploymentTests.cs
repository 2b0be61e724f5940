using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Assessment;

/// <summary>U01–U06 and the deployment verdict (domain/assessment.md §2, "Use by one body").</summary>
[Trait("Category", "Unit")]
public sealed class DeploymentTests
{
    private static readonly DateOnly Date = D("2024-01-01");

    private static DeploymentProfile Good(string need = "normal") => new(
        null, "test-service", new Body(null, null, "school", true, "MV"), "saas", ["teaching"], ["teachers"], false, need,
        ["art6-1-e"], true, "done", true, "complete", new Safeguards(true, true, true, true));

    private static DeploymentAssessment Assess(DeploymentProfile d, ServiceBuilder? service = null) =>
        Engine.Assess((service ?? new ServiceBuilder()).Build(), d, Date, AuthorityProfile.BerlinMethod).Deployment!;

    private static Finding U(DeploymentAssessment a, string criterion) => a.Findings.Single(f => f.Criterion == criterion);

    [Fact]
    public void Deployment_AllInOrder_IsGreen() => Assert.Equal(Verdict.Green, Assess(Good()).Verdict);

    [Fact]
    public void Deployment_OfRedService_IsRedWhateverTheBodyDoes()
    {
        var a = Assess(Good(), new ServiceBuilder().Fact("contract.ownPurposes", "reserved"));
        Assert.Equal(Verdict.Red, a.Verdict);
    }

    [Theory]
    [InlineData("saas", false, "no-agreement", Level.Red)]
    [InlineData("external-provider", true, "agreement-concluded", Level.Green)]
    [InlineData("self-operated", false, "no-processor", Level.Green)]
    public void U01_ProcessorNeedsAgreement(string model, bool concluded, string reason, Level level)
    {
        var f = U(Assess(Good() with { OperatingModel = model, ProcessorAgreementConcluded = concluded }), "U01");
        Assert.Equal((reason, level), (f.Reason, f.Level));
    }

    [Fact]
    public void U01_SelfOperatedSoftwareThatPhonesHome_NeedsAgreement()
    {
        var service = new ServiceBuilder().Model("self-operated").Receives(true);
        var f = U(Assess(Good() with { OperatingModel = "self-operated", ProcessorAgreementConcluded = false }, service), "U01");
        Assert.Equal("no-agreement", f.Reason);
    }

    [Theory]
    [InlineData(new string[0], false, new[] { "teachers" }, "none", Level.Red)]
    [InlineData(new[] { "art6-1-e" }, true, new[] { "pupils" }, "special-without-art9", Level.Red)]
    [InlineData(new[] { "art6-1-e", "art9-2-g" }, true, new[] { "pupils" }, "clear", Level.Green)]
    [InlineData(new[] { "art6-1-a" }, false, new[] { "employees" }, "consent-not-voluntary", Level.Yellow)]
    [InlineData(new[] { "art6-1-a" }, false, new[] { "pupils" }, "clear", Level.Green)]
    public void U02_LegalBasis(string[] bases, bool special, string[] subjects, string reason, Level level)
    {
        var f = U(Assess(Good() with { LegalBasis = bases, SpecialCategories = special, DataSubjects = subjects }), "U02");
        Assert.Equal((reason, level), (f.Reason, f.Level));
    }

    [Theory]
    [InlineData("done", "normal", new[] { "teachers" }, "done", Level.Green)]
    [InlineData("none", "normal", new[] { "teachers" }, "not-required", Level.Green)]
    [InlineData("none", "normal", new[] { "pupils" }, "required-missing", Level.Red)]
    [InlineData("threshold-only", "high", new[] { "teachers" }, "threshold-only", Level.Yellow)]
    [InlineData("not-required", "high", new[] { "teachers" }, "required-missing", Level.Red)]
    public void U05_DpiaWhereRequired(string dpia, string need, string[] subjects, string reason, Level level)
    {
        var f = U(Assess(Good(need) with { Dpia = dpia, DataSubjects = subjects }), "U05");
        Assert.Equal((reason, level), (f.Reason, f.Level));
    }

    [Fact]
    public void U06_MissingLobbyAndRecordingOn_NamesBoth()
    {
        var f = U(Assess(Good() with { Safeguards = new Safeguards(true, false, false, true) }), "U06");
        Assert.Equal(("some-missing", Level.Yellow), (f.Reason, f.Level));
        Assert.Equal("lobby,recordingOff", f.Arg("missing"));
    }

    [Theory]
    [InlineData("normal", "saas", false, Level.Green)]
    [InlineData("high", "saas", false, Level.Red)]
    [InlineData("high", "self-operated", false, Level.Green)]
    [InlineData("very-high", "self-operated", false, Level.Red)]
    public void U06_EndToEndEncryption_RequiredAboveNormalNeed(string need, string model, bool e2ee, Level level)
    {
        var d = Good(need) with { OperatingModel = model, Safeguards = new Safeguards(e2ee, true, true, true) };
        Assert.Equal(level, U(Assess(d, new ServiceBuilder().Model(model)), "U06").Level);
    }

    [Fact]
    public void U06_OfficeSuite_NeedsNoLobby()
    {
        var d = Good() with { Safeguards = new Safeguards(false, false, false, true) };
        Assert.Equal(Level.Green, U(Assess(d, new ServiceBuilder().Category("office-suite")), "U06").Level);
    }

    [Fact]
    public void HighNeed_WithoutE2eeInService_CountsTechnicalRequirement()
    {
        var service = new ServiceBuilder().Fact("technical.e2ee", "none");
        var a = Assess(Good("high") with { Safeguards = new Safeguards(false, true, true, true) }, service);
        Assert.Equal(Verdict.Red, a.Verdict);
        Assert.Contains(a.Findings, f => f.Criterion == "TE02" && f.Reason == "none-high-need");
    }

    [Fact]
    public void UnknownAnswer_IsNotAssessed_NeverGreen()
    {
        var a = Assess(Good() with { RecordOfProcessing = null });
        Assert.Equal(Verdict.NotAssessed, a.Verdict);
        Assert.Equal("unknown", U(a, "U04").Reason);
    }
}
