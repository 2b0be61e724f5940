using Aufsicht.Core.Enforcement;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Enforcement;

/// <summary>Who may be fined (domain/fines.md §1): the shipped table of jurisdictions, country and Land rows together.</summary>
[Trait("Category", "Unit")]
public sealed class JurisdictionTests
{
    private static readonly JurisdictionTable Table = Shipped();

    public static JurisdictionTable Shipped()
    {
        var read = JurisdictionReader.Read(File.ReadAllBytes(Path.Combine(DataFolder, "enforcement", "jurisdictions.json")));
        Assert.True(read.IsOk, string.Join("; ", read.Errors));
        return read.Value;
    }

    [Theory]
    [InlineData(false, false, "DE", "MV", true, "Art. 83")]        // a company in M-V
    [InlineData(true, false, "DE", null, false, "§ 43 Abs. 3 BDSG")] // a federal authority
    [InlineData(true, false, "DE", "MV", false, "§ 43 Abs. 3 BDSG")] // a school in M-V: the country row's rule
    [InlineData(true, true, "DE", "MV", true, "§ 2 Abs. 5 DSG M-V")] // a competing public undertaking in M-V
    [InlineData(true, true, "DE", "BY", true, "§ 2 Abs. 5 BDSG")]   // competing, Land without a row of its own
    [InlineData(true, false, "DE", "SH", false, "§ 19 Abs. 1 LDSG SH")]
    [InlineData(true, false, "DE", "HH", false, "§ 2 Abs. 3 HmbDSG")]
    [InlineData(true, false, "NL", null, true, "Art. 83 Abs. 7 DSGVO")] // Belastingdienst
    [InlineData(true, false, "FR", null, false, "Art. 83 Abs. 7 DSGVO")] // not on record: no fine without a known basis
    public void FineAdmissibility_FollowsTheJurisdictionsLaw(bool publicBody, bool competing, string country, string? state, bool admissible, string basis)
    {
        var result = Table.FineAdmissibility(new Controller(publicBody, competing, country, state));
        Assert.Equal(admissible, result.Admissible);
        Assert.StartsWith(basis, result.Basis.De, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason.En));
    }

    [Fact]
    public void FederalHearing_PrecedesEveryPowerBut_AAndH()
    {
        var (_, germany) = Table.For("DE", "MV");
        Assert.NotNull(germany);
        Assert.Equal([Power.B, Power.C, Power.D, Power.E, Power.F, Power.G, Power.I, Power.J], germany.HearingPowers);
        Assert.Equal(true, Table.Rule(new Controller(true, false, "DE", "MV"), j => j.SupervisoryHearing)?.Holds);
        Assert.Equal(false, Table.Rule(new Controller(true, false, "DE", "MV"), j => j.CoerciveEnforcement)?.Holds);
    }

    [Theory]
    [InlineData("""{"jurisdictions": [{"country": "DE", "state": "MV", "name": {"de": "x", "en": "x"}}]}""", "noCountry")]
    [InlineData("""{"jurisdictions": [{"country": "DE", "name": {"de": "x", "en": "x"}}, {"country": "DE", "name": {"de": "y", "en": "y"}}]}""", "twice")]
    [InlineData("""{"jurisdictions": [{"country": "DE", "state": "XX", "name": {"de": "x", "en": "x"}}]}""", "datafile.")]
    [InlineData("""{"jurisdictions": [{"country": "DE", "name": {"de": "x", "en": "x"}, "publicBodyFines": {"holds": false, "basis": {"de": "b", "en": "b"}, "explanation": {"de": "e", "en": "e"}}}]}""", "datafile.missing")]
    public void Read_BadTable_NamesTheProblem(string json, string key)
    {
        var read = JurisdictionReader.Read(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.False(read.IsOk);
        Assert.Contains(read.Errors, e => e.Key.Contains(key, StringComparison.Ordinal) && e.Field.StartsWith(JurisdictionReader.File, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("58(2)(a)", Power.A)]
    [InlineData("58(2)(j)", Power.J)]
    public void Powers_WireNamesRoundTrip(string wire, Power power)
    {
        Assert.True(Powers.TryParse(wire, out var parsed));
        Assert.Equal(power, parsed);
        Assert.Equal(wire, power.WireName());
        Assert.False(Powers.TryParse("58(2)(k)", out _));
        Assert.False(Powers.TryParse("b", out _));
    }

    [Fact]
    public void Powers_Article_InLegalNotation()
    {
        Assert.Equal("Art. 58 Abs. 2 lit. d DSGVO", Power.D.Article(Aufsicht.Core.Law.Language.De));
        Assert.Equal("Art. 58(2)(d) GDPR", Power.D.Article(Aufsicht.Core.Law.Language.En));
        Assert.Equal("Verwarnung", Power.B.Term().De);
    }
}
