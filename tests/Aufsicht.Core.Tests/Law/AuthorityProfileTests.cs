using Aufsicht.Core.Law;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Law;

/// <summary>Authorities disagree (domain/assessment.md §3): their profiles change the outcome where they should.</summary>
[Trait("Category", "Unit")]
public sealed class AuthorityProfileTests
{
    private static readonly AuthorityProfile Berlin = AuthorityProfile.BerlinMethod;

    [Theory]
    [InlineData(ThirdCountryAccessRule.Advisory, "normal", Verdict.Green)]
    [InlineData(ThirdCountryAccessRule.Yellow, "normal", Verdict.Yellow)]
    [InlineData(ThirdCountryAccessRule.RedAboveNormal, "normal", Verdict.Yellow)]
    [InlineData(ThirdCountryAccessRule.RedAboveNormal, "high", Verdict.Red)]
    public void ThirdCountryAccess_CountsAsTheProfileSays(ThirdCountryAccessRule rule, string need, Verdict expected)
    {
        var service = new ServiceBuilder().Provider("IE", "US").Build();
        var a = Engine.AssessService(service, D("2024-01-01"), Berlin with { ThirdCountryAccess = rule }, need);
        Assert.Equal(expected, a.Verdict);
    }

    [Fact]
    public void SccAloneSuffices_TurnsInsufficientMeasuresGreen()
    {
        var service = new ServiceBuilder().Countries("DE", "US").Transfer("US", "scc-2021").Build();
        Assert.Equal(Verdict.Red, Engine.AssessService(service, D("2022-01-01"), Berlin).Verdict);
        Assert.Equal(Verdict.Green, Engine.AssessService(service, D("2022-01-01"), Berlin with { SccAloneSuffices = true }).Verdict);
    }

    [Fact]
    public void AcceptDpfFalse_DpfTransferIsRed()
    {
        var service = new ServiceBuilder().Countries("DE", "US").Transfer("US", "dpf", certified: true).Build();
        Assert.Equal(Verdict.Green, Engine.AssessService(service, D("2024-01-01"), Berlin).Verdict);
        Assert.Equal(Verdict.Red, Engine.AssessService(service, D("2024-01-01"), Berlin with { AcceptDpf = false }).Verdict);
    }

    [Fact]
    public void GateTechnicalFalse_AssessesTechnicalEvenWhenLegalFails()
    {
        var service = new ServiceBuilder().Fact("contract.ownPurposes", "reserved").Fact("technical.telemetry", "uncontrollable").Build();
        var gated = Engine.AssessService(service, D("2024-01-01"), Berlin);
        var ungated = Engine.AssessService(service, D("2024-01-01"), Berlin with { GateTechnical = false });
        Assert.Equal(Verdict.NotAssessed, gated.Technical);
        Assert.Equal(Verdict.Red, ungated.Technical);
        Assert.Equal(Verdict.Red, ungated.Verdict);
    }

    [Fact]
    public void ShippedAuthorities_IncludeTheRequiredViews()
    {
        var ids = Data.Catalog.Authorities.Select(a => a.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "blnbdi", "dsk", "lfdi-bw", "baylfd", "baylda", "hbdi", "udz-saarland", "lfdi-mv" }, ids);
        Assert.Equal("blnbdi", Data.Catalog.DefaultAuthority.Id);
    }

    [Theory]
    [InlineData("2020-09-21", "2020-09-22")]
    [InlineData("2021-01-01", "2020-09-22")]
    [InlineData("2025-11-01", "2025-11-01")]
    [InlineData("2026-06-01", "2025-11-01")]
    public void Authority_On_PicksTheViewInForce(string date, string validFrom) =>
        Assert.Equal(D(validFrom), Data.Catalog.FindAuthority("hbdi")!.On(D(date)).ValidFrom);

    [Fact]
    public void MecklenburgVorpommern_IsStricterThanBerlin_OnAUsParentWithDpf()
    {
        var m365 = Data.Catalog.SnapshotOn("microsoft-365", D("2026-01-01"))!;
        var berlin = Engine.AssessService(m365, D("2026-01-01"), Data.Catalog.FindAuthority("blnbdi")!.On(D("2026-01-01")));
        var mv = Engine.AssessService(m365, D("2026-01-01"), Data.Catalog.FindAuthority("lfdi-mv")!.On(D("2026-01-01")));
        Assert.True(mv.Verdict.Severity() > berlin.Verdict.Severity(), $"Berlin {berlin.Verdict}, MV {mv.Verdict}");
    }
}
