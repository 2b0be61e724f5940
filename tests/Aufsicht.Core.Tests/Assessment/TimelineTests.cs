using Aufsicht.Core.Assessment;
using Aufsicht.Core.Law;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Assessment;

/// <summary>T01/T02 follow the legal timeline (domain/assessment.md §4): the same facts, judged the day before and the day of each event.</summary>
[Trait("Category", "Unit")]
public sealed class TimelineTests
{
    private static ServiceAssessment Assess(ServiceBuilder b, string date, AuthorityProfile? authority = null) =>
        Engine.AssessService(b.Build(), D(date), authority ?? AuthorityProfile.BerlinMethod);

    private static Finding T02(ServiceAssessment a) => a.Findings.First(f => f.Criterion == "T02" && f.Level != Level.Note);

    [Theory]
    [InlineData("2020-07-15", Verdict.Green, "privacy-shield-valid")]
    [InlineData("2020-07-16", Verdict.Red, "privacy-shield-invalid")]
    [InlineData("2016-07-31", Verdict.Red, "privacy-shield-invalid")]
    [InlineData("2016-08-01", Verdict.Green, "privacy-shield-valid")]
    public void PrivacyShield_AroundSchremsII_TurnsRed(string date, Verdict expected, string reason)
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "US").Transfer("US", "privacy-shield"), date);
        Assert.Equal(expected, a.Verdict);
        Assert.Equal(reason, T02(a).Reason);
    }

    [Theory]
    [InlineData("2020-07-15", Verdict.Green, "before-schrems-ii")]
    [InlineData("2020-07-16", Verdict.Red, "insufficient-measures")]
    public void Scc_ReadableUsRecipientWithoutMeasures_RedFromSchremsII(string date, Verdict expected, string reason)
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "US").Transfer("US", "scc-2010"), date);
        Assert.Equal(expected, a.Verdict);
        Assert.Equal(reason, T02(a).Reason);
    }

    [Theory]
    [InlineData("effective", false, false, Verdict.Green, "no-clear-text")]
    [InlineData("effective", false, true, Verdict.Green, "effective-measures")]
    [InlineData("contestable", true, true, Verdict.Yellow, "contestable-measures")]
    [InlineData("contestable", false, true, Verdict.Red, "insufficient-measures")]
    [InlineData("none", true, true, Verdict.Red, "insufficient-measures")]
    public void Scc2021_AfterSchremsII_DependsOnMeasures(string measures, bool tia, bool canRead, Verdict expected, string reason)
    {
        var b = new ServiceBuilder().Countries("DE", "US").Transfer("US", "scc-2021", tia: tia, measures: measures).CanRead(canRead);
        var a = Assess(b, "2022-01-01");
        Assert.Equal(expected, a.Verdict);
        Assert.Equal(reason, T02(a).Reason);
    }

    [Theory]
    [InlineData("2021-06-26", "scc-2021-not-in-force")]
    [InlineData("2021-06-27", "no-clear-text")]
    public void Scc2021_BeforeItExists_IsRed(string date, string reason)
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "IN").Transfer("IN", "scc-2021").CanRead(false), date);
        Assert.Equal(reason, T02(a).Reason);
    }

    [Theory]
    [InlineData("2022-12-26", "no-clear-text")]
    [InlineData("2022-12-27", "scc-2010-expired")]
    public void OldScc_ExpireForAllContracts(string date, string reason)
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "IN").Transfer("IN", "scc-2010").CanRead(false), date);
        Assert.Equal(reason, T02(a).Reason);
    }

    [Theory]
    [InlineData("2021-09-26", "2021-09-26", "no-clear-text")]
    [InlineData("2021-10-01", "2021-09-27", "scc-2010-new-contract")]
    [InlineData("2021-10-01", "2021-09-26", "no-clear-text")]
    public void OldScc_NotForContractsConcludedFromCutOff(string asOf, string concluded, string reason)
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "IN").Transfer("IN", "scc-2010", concluded: D(concluded)).CanRead(false), asOf);
        Assert.Equal(reason, T02(a).Reason);
    }

    [Theory]
    [InlineData("2023-07-09", Verdict.Red, "dpf-not-in-force")]
    [InlineData("2023-07-10", Verdict.Green, "dpf-certified")]
    public void Dpf_CertifiedRecipient_GreenFromAdequacyDecision(string date, Verdict expected, string reason)
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "US").Transfer("US", "dpf", certified: true), date);
        Assert.Equal(expected, a.Verdict);
        Assert.Equal(reason, T02(a).Reason);
    }

    [Fact]
    public void Dpf_NotCertifiedRecipient_Red()
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "US").Transfer("US", "dpf", certified: false), "2024-01-01");
        Assert.Equal(Verdict.Red, a.Verdict);
        Assert.Equal("dpf-not-certified", T02(a).Reason);
    }

    [Theory]
    [InlineData("2025-09-02", false)]
    [InlineData("2025-09-03", true)]
    public void Dpf_AfterLatombe_CarriesPendingLitigationNote(string date, bool note)
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "US").Transfer("US", "dpf", certified: true), date);
        Assert.Equal(Verdict.Green, a.Verdict);
        Assert.Equal(note, a.Findings.Any(f => f.Reason == "dpf-pending-litigation" && f.Level == Level.Note));
    }

    [Theory]
    [InlineData("2021-12-16", Verdict.Red, "uncovered")]
    [InlineData("2021-12-17", Verdict.Green, "eea-or-adequate")]
    public void Korea_AdequateFromDecember2021(string date, Verdict expected, string reason)
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "KR"), date);
        Assert.Equal(expected, a.Verdict);
        Assert.Equal(reason, a.Findings.Single(f => f.Criterion == "T01").Reason);
    }

    [Theory]
    [InlineData("2019-06-01")]
    [InlineData("2021-06-27")]
    [InlineData("2021-06-28")]
    [InlineData("2024-01-01")]
    public void UnitedKingdom_NeverAThirdCountryWithoutCover(string date)
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "GB"), date);
        Assert.Equal(Verdict.Green, a.Verdict);
    }

    [Fact]
    public void Art49_ForSystematicTransfers_IsRed() =>
        Assert.Equal("art49-systematic", T02(Assess(new ServiceBuilder().Countries("DE", "US").Transfer("US", "art49"), "2019-01-01")).Reason);

    [Fact]
    public void AlteredScc_AreRedEvenBeforeSchremsII()
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "US").Transfer("US", "scc-2010", altered: true), "2020-07-03");
        Assert.Equal(Verdict.Red, a.Verdict);
        Assert.Equal("scc-altered", T02(a).Reason);
    }

    [Fact]
    public void ThirdCountryWithoutTransferEntry_IsRedInT01AndT02()
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "IN"), "2019-01-01");
        Assert.Equal("uncovered", a.Findings.Single(f => f.Criterion == "T01").Reason);
        Assert.Equal("no-tool", T02(a).Reason);
    }

    [Fact]
    public void TransferEntryToAnEeaCountry_IsNoTransfer() =>
        Assert.Equal("no-transfer", T02(Assess(new ServiceBuilder().Countries("DE", "NL").Transfer("NL", "scc-2010"), "2024-01-01")).Reason);

    [Fact]
    public void WorldwideSupport_IsYellow()
    {
        var a = Assess(new ServiceBuilder().Countries("DE", "worldwide"), "2019-01-01");
        Assert.Equal(Verdict.Yellow, a.Verdict);
    }

    [Fact]
    public void ShippedTimeline_HasTheEventsOfTheDomainDocument()
    {
        var law = Data.Law;
        Assert.Equal(D("2020-07-16"), law.SchremsII);
        Assert.Equal(D("2021-06-27"), law.Scc2021Available);
        Assert.Equal(D("2021-09-27"), law.Scc2010NoNewContracts);
        Assert.Equal(D("2022-12-27"), law.Scc2010Expired);
        Assert.Equal(D("2023-07-10"), law.DpfAdequacy);
        Assert.Equal(D("2025-09-03"), law.DpfLatombe);
        Assert.Equal(AdequacyScope.Full, law.AdequacyOn("JP", D("2019-01-23")));
        Assert.Null(law.AdequacyOn("JP", D("2019-01-22")));
        Assert.Equal(AdequacyScope.DpfCertified, law.AdequacyOn("US", D("2023-07-10")));
    }
}
