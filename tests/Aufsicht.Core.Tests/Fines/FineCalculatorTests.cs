using System.Globalization;
using System.Text;
using Aufsicht.Core.Fines;
using Aufsicht.Core.Law;
using Aufsicht.Core.Tests.Enforcement;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Fines;

/// <summary>The fine calculator (domain/fines.md §§2–5): the worked examples to the cent, real fines inside the band, and bad input.</summary>
[Trait("Category", "Unit")]
public sealed class FineCalculatorTests
{
    internal static readonly FineMethodTable Methods = ShippedMethods();

    internal static readonly FineCalculator Calculator = new(Methods, JurisdictionTests.Shipped());

    private const string Company = """{"publicBody": false, "inCompetition": false, "country": "DE", "state": "MV"}""";

    public static FineMethodTable ShippedMethods()
    {
        var read = FineMethodReader.Read(File.ReadAllBytes(Path.Combine(DataFolder, "enforcement", "fine-methods.json")));
        Assert.True(read.IsOk, string.Join("; ", read.Errors));
        return read.Value;
    }

    internal static Result<FineCalculation> Calculate(string json)
    {
        var input = FineInputReader.Read(Encoding.UTF8.GetBytes(json));
        return input.IsOk ? Calculator.Calculate(input.Value) : Result<FineCalculation>.Fail(input.Errors);
    }

    private static FineCalculation Ok(string json)
    {
        var result = Calculate(json);
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        return result.Value;
    }

    internal static string Edpb(string turnover, string tier, string seriousness, string percent, string? factor = null, string adjustments = "[]", string controller = Company) =>
        $$"""{"method": "edpb-2022", "turnover": "{{turnover}}", "controller": {{controller}}, "tier": "{{tier}}", "seriousness": "{{seriousness}}", "startingPercent": "{{percent}}"{{(factor is null ? "" : $", \"turnoverFactor\": \"{factor}\"")}}, "adjustments": {{adjustments}}}""";

    internal static string Dsk(string turnover, string tier, string kind, string factor) =>
        $$"""{"method": "dsk-2019", "turnover": "{{turnover}}", "controller": {{Company}}, "tier": "{{tier}}", "infringement": "{{kind}}", "factor": "{{factor}}"}""";

    private static decimal Fine(string json) => Ok(json).Fine!.Value;

    [Theory]
    // domain/fines.md §3: 83(5), medium at 15 %, turnover €30m, factor 5 % → maximum €20m, start €3m, fine €150,000.
    [InlineData("30000000", "83(5)", "medium", "0.15", "0.05", "20000000.00", "3000000.00", "150000.00")]
    // §3: 83(4), high at 100 %, turnover €2m → start €10m; the factor band 0.2 %–0.4 % gives €20,000 to €40,000.
    [InlineData("2000000", "83(4)", "high", "1", "0.002", "10000000.00", "10000000.00", "20000.00")]
    [InlineData("2000000", "83(4)", "high", "1", "0.004", "10000000.00", "10000000.00", "40000.00")]
    public void Calculate_EdpbExamples_ExactToTheCent(string turnover, string tier, string seriousness, string percent, string factor, string maximum, string start, string fine)
    {
        var result = Ok(Edpb(turnover, tier, seriousness, percent, factor));
        var conduct = Assert.Single(result.Conducts);
        Assert.Equal(maximum, FineFormat.Json(conduct.LegalMaximum));
        Assert.Equal(start, FineFormat.Json(conduct.StartingAmount));
        Assert.Equal(fine, FineFormat.Json(result.Fine!.Value));
        Assert.True(conduct.TurnoverAdjustmentApplied);
        Assert.Equal(["conduct", "admissibility", "legal-maximum", "seriousness", "starting-amount", "turnover-factor", "clamp"], result.AllSteps.Select(s => s.Id));
    }

    [Fact]
    public void Calculate_DskExample_ExactToTheCent()
    {
        // domain/fines.md §4: €250m is D.IV (mean €250m), daily rate €694,444.44…, material, factor 8.
        var result = Ok(Dsk("250000000", "83(5)", "material", "8"));
        var conduct = Assert.Single(result.Conducts);
        Assert.Equal("D.IV", conduct.SizeClass);
        Assert.Equal("694444.44", FineFormat.Json(conduct.DailyRate!.Value));
        // Exact: rounding the daily rate first would give 5,555,555.52.
        Assert.Equal("5555555.56", FineFormat.Json(result.Fine!.Value));
        Assert.Equal("5.555.555,56 €", FineFormat.Money(result.Fine.Value, Language.De));
        Assert.Equal("€5,555,555.56", FineFormat.Money(result.Fine.Value, Language.En));
    }

    [Theory]
    [InlineData("700000", "A.I", "350000")]
    [InlineData("700000.01", "A.II", "1050000")]
    [InlineData("500000000", "D.VI", "450000000")]
    [InlineData("500000001", "D.VII", "500000001")]
    public void Calculate_DskSizeClass_UpperBoundsInclusive_ActualTurnoverAbove500m(string turnover, string sizeClass, string mean)
    {
        var conduct = Ok(Dsk(turnover, "83(4)", "formal", "2")).Conducts[0];
        Assert.Equal(sizeClass, conduct.SizeClass);
        Assert.Equal(decimal.Parse(mean, CultureInfo.InvariantCulture) / 360m, conduct.DailyRate);
    }

    [Theory]
    [InlineData("2000000", "0.002", "0.004")]
    [InlineData("2000000.01", "0.003", "0.02")]
    [InlineData("50000000", "0.015", "0.10")]
    [InlineData("500000000", "0.40", "1")]
    public void Calculate_TurnoverFactorBand_UpperBoundsInclusive(string turnover, string low, string high)
    {
        var conduct = Ok(Edpb(turnover, "83(5)", "low", "0.05", low)).Conducts[0];
        Assert.Equal(decimal.Parse(low, CultureInfo.InvariantCulture), conduct.TurnoverFactorLow);
        Assert.Equal(decimal.Parse(high, CultureInfo.InvariantCulture), conduct.TurnoverFactorHigh);
    }

    [Fact]
    public void Calculate_TurnoverAbove500m_NoTurnoverAdjustment()
    {
        var result = Ok(Edpb("600000000", "83(5)", "medium", "0.1"));
        var conduct = result.Conducts[0];
        Assert.False(conduct.TurnoverAdjustmentApplied);
        Assert.Null(conduct.TurnoverFactorLow);
        Assert.Equal(24_000_000m * 0.1m, result.Fine);
    }

    /// <summary>
    /// domain/fines.md §5: authorities publish no step inputs, so each real fine must fall between the fines the
    /// calculator gives for the lowest and highest plausible inputs. Turnover figures and their sources:
    /// Meta: about €108.6bn (domain/fines.md §5). Uber: revenue about US$37.3bn for 2023 ≈ €34.5bn (Uber's 2023
    /// annual report; from memory, not re-checked here). H&amp;M: net sales SEK 232.8bn for 2019 ≈ €22bn (H&amp;M annual
    /// report 2019; from memory). Vodafone Group: revenue about €36.7bn for FY 2024 (Vodafone results; from memory);
    /// two separate fines, Art. 28 and Art. 32, two conducts. notebooksbilliger.de: "upper three-digit millions"
    /// (https://winfuture.de/news,120461.html, seen 2026-12-05), taken as €600m–€900m; LfD Niedersachsen used the DSK
    /// concept. Bocconi: no turnover found; assumed €100m–€500m (a large private university), marked as an
    /// assumption. Tele2: revenue about SEK 28.8bn for 2022 ≈ €2.7bn (Tele2 annual report; from memory); SEK 12m ≈ €1.05m.
    /// </summary>
    [Theory]
    // name, method, turnover, articles (one conduct) or tier, seriousness, starting % low/high, factor low/high, real fine
    [InlineData("Meta 2023", "108600000000", "83(5)", "high", "0.2", "0.4", null, null, "1200000000")]
    [InlineData("Uber 2024", "34500000000", "83(5)", "high", "0.2", "0.3", null, null, "290000000")]
    [InlineData("H&M 2020", "22000000000", "83(5)", "low", "0.03", "0.1", null, null, "35300000")]
    [InlineData("notebooksbilliger low turnover", "600000000", "83(5)", "high", "0.2", "0.5", null, null, "10400000")]
    [InlineData("notebooksbilliger high turnover", "900000000", "83(5)", "high", "0.2", "0.5", null, null, "10400000")]
    [InlineData("Bocconi, small", "100000000", "83(5)", "low", "0.02", "0.1", "0.08", "0.2", "200000")]
    [InlineData("Bocconi, large", "500000000", "83(5)", "low", "0.01", "0.05", "0.4", "1", "200000")]
    [InlineData("Tele2 2023", "2700000000", "83(5)", "low", "0.005", "0.05", null, null, "1050000")]
    public void Calculate_RealFines_FallInsideTheBandOfPlausibleInputs(string name, string turnover, string tier, string seriousness, string low, string high, string? factorLow, string? factorHigh, string real)
    {
        var lowest = Fine(Edpb(turnover, tier, seriousness, low, factorLow));
        var highest = Fine(Edpb(turnover, tier, seriousness, high, factorHigh));
        var fine = decimal.Parse(real, CultureInfo.InvariantCulture);
        Assert.True(lowest <= fine && fine <= highest, $"{name}: {fine} outside {lowest}–{highest}");
    }

    [Fact]
    public void Calculate_Vodafone_TwoConductsFinedSeparately_TotalInsideTheBand()
    {
        // BfDI, June 2025: €15m (Art. 28) + €30m (Art. 32), both 83(4); turnover about €36.7bn (see above).
        string Input(string percent) => $$"""
            {"method": "edpb-2022", "turnover": "36700000000", "controller": {{Company}},
             "infringements": [{"articles": ["Art. 28(3)"], "conduct": "processors"}, {"articles": ["Art. 32(1)"], "conduct": "security"}],
             "seriousness": "low", "startingPercent": "{{percent}}"}
            """;
        var low = Ok(Input("0.015"));
        var high = Ok(Input("0.05"));
        Assert.Equal(2, low.Conducts.Count);
        Assert.All(low.Conducts, c => Assert.Equal("83(4)", c.Tier.Id));
        Assert.InRange(15_000_000m, low.Conducts[0].Fine, high.Conducts[0].Fine);
        Assert.InRange(30_000_000m, low.Conducts[1].Fine, high.Conducts[1].Fine);
        Assert.InRange(45_000_000m, low.Fine!.Value, high.Fine!.Value);
        Assert.Equal(low.Conducts.Sum(c => c.Fine), low.Fine);
        Assert.Equal(FineFormat.Json(low.Fine.Value), low.Steps.Single(s => s.Id == FineCalculator.TotalStep).Output);
        Assert.Contains(low.Steps, s => s.Id == FineCalculator.TotalStep);
    }

    [Fact]
    public void Calculate_NotebooksbilligerByDsk_FallsInsideTheMediumMaterialBand()
    {
        // The LfD Niedersachsen applied the DSK concept: material, medium severity (factor 4–8), turnover €700m (D.VII).
        Assert.InRange(10_400_000m, Fine(Dsk("700000000", "83(5)", "material", "4")), Fine(Dsk("700000000", "83(5)", "material", "8")));
    }

    [Fact]
    public void Calculate_SeveralConducts_TotalIsTheSumOfTheFinesInCents()
    {
        // DSK, €250m, factor 8 with −20 %: 4,444,444.444… per conduct; the total adds the imposed 4,444,444.44 twice.
        var result = Ok("""{"method": "dsk-2019", "turnover": "250000000", "controller": {"publicBody": false, "country": "DE"}, "infringements": [{"articles": ["Art. 6"], "conduct": "a"}, {"articles": ["Art. 33"], "conduct": "b"}], "factor": "8", "adjustments": [{"factor": "83(2)(f)", "percent": "-20", "reason": "r"}]}""");
        Assert.Equal(["83(5)", "83(4)"], result.Conducts.Select(c => c.Tier.Id));
        Assert.Equal(8_888_888.88m, result.Fine);
    }

    [Theory]
    [InlineData("""["Art. 6"]""", "83(5)")]
    [InlineData("""["Art. 32", "Art. 5(1)(f)"]""", "83(5)")] // one conduct: the gravest tier
    [InlineData("""["Art. 32(1)"]""", "83(4)")]
    [InlineData("""["Art. 41(4)"]""", "83(4)")]
    [InlineData("""["Art. 58(2)"]""", "83(6)")]
    [InlineData("""["Art. 58(1)"]""", "83(5)")]
    [InlineData("""["§ 26 BDSG"]""", "83(5)")]
    [InlineData("""["Art. 46(1) GDPR"]""", "83(5)")]
    public void Calculate_Infringements_TierDerivedFromTheArticles(string articles, string tier)
    {
        var result = Ok($$"""{"method": "edpb-2022", "turnover": "600000000", "controller": {{Company}}, "infringements": [{"articles": {{articles}}}], "seriousness": "low", "startingPercent": "0.05"}""");
        Assert.Equal(tier, Assert.Single(result.Conducts).Tier.Id);
    }

    [Theory]
    [InlineData(true, false, "DE", "MV", false)]
    [InlineData(true, false, "DE", null, false)]
    [InlineData(true, true, "DE", "MV", true)]
    [InlineData(true, false, "NL", null, true)]
    public void Calculate_PublicBody_AsTheJurisdictionSays(bool publicBody, bool competing, string country, string? state, bool admissible)
    {
        var controller = $$"""{"publicBody": {{(publicBody ? "true" : "false")}}, "inCompetition": {{(competing ? "true" : "false")}}, "country": "{{country}}"{{(state is null ? "" : $", \"state\": \"{state}\"")}}}""";
        var result = Ok(Edpb("30000000", "83(5)", "medium", "0.15", "0.05", controller: controller));
        Assert.Equal(admissible, result.FineAdmissible);
        Assert.Equal(admissible, result.Fine is not null);
        Assert.Equal(admissible ? 1 : 0, result.Conducts.Count);
    }

    [Fact]
    public void Calculate_NotAdmissible_NeedsNoTurnover()
    {
        var result = Ok("""{"method": "edpb-2022", "controller": {"publicBody": true, "country": "DE", "state": "SH"}}""");
        Assert.False(result.FineAdmissible);
        Assert.Null(result.Fine);
        Assert.Contains("§ 19", result.Admissibility.Basis.De, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"method": "edpb-2022", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.05"}""", "turnover", "datafile.missing")]
    [InlineData("""{"method": "edpb-2022", "turnover": "-1", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)"}""", "turnover", "fines.negative")]
    [InlineData("""{"method": "edpb-2022", "turnover": "abc", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)"}""", "turnover", "datafile.fines.notDecimal")]
    [InlineData("""{"method": "edpb", "turnover": "1", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)"}""", "method", "datafile.notOneOf")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "seriousness": "low", "startingPercent": "0.05", "turnoverFactor": "0.05"}""", "tier", "datafile.missing")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.15", "turnoverFactor": "0.05"}""", "startingPercentReason", "fines.reasonNeeded")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.05", "turnoverFactor": "0.5"}""", "turnoverFactorReason", "fines.reasonNeeded")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.05"}""", "turnoverFactor", "fines.turnoverFactorNeeded")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "15", "turnoverFactor": "0.05"}""", "startingPercent", "fines.fraction")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.05", "turnoverFactor": "0.05", "adjustments": [{"factor": "83(2)(c)", "percent": "-10"}]}""", "adjustments[0].reason", "datafile.missing")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.05", "turnoverFactor": "0.05", "adjustments": [{"factor": "83(2)(b)", "percent": "10", "reason": "intent"}]}""", "adjustments[0].factor", "fines.usedForSeriousness")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.05", "turnoverFactor": "0.05", "adjustments": [{"factor": "83(2)(c)", "percent": "10", "reason": "r"}, {"factor": "83(2)(c)", "percent": "10", "reason": "r"}]}""", "adjustments[1].factor", "fines.countedTwice")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "infringements": [{"articles": ["Art. 99"]}], "seriousness": "low", "startingPercent": "0.05", "turnoverFactor": "0.05"}""", "infringements[0].articles[0]", "fines.noTier")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "infringements": [{"articles": ["Art. 6"]}]}""", "infringements", "fines.tierAndInfringements")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "inCompetition": true, "country": "DE"}, "tier": "83(5)"}""", "controller.inCompetition", "fines.competingNonPublic")]
    [InlineData("""{"method": "dsk-2019", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)"}""", "factor", "datafile.missing")]
    [InlineData("""{"method": "dsk-2019", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "factor": "0.5"}""", "factorReason", "fines.factorBelow")]
    [InlineData("""{"method": "edpb-2022", "turnover": "1", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "turnovr": "1"}""", "turnovr", "datafile.unknownFieldSuggest")]
    public void Calculate_BadInput_ErrorNamesTheField(string json, string field, string key)
    {
        var result = Calculate(json);
        Assert.False(result.IsOk);
        Assert.Contains(result.Errors, e => e.Field == field && e.Key.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_ValueOutsideBandWithReason_IsAcceptedAndTheReasonRecorded()
    {
        var result = Ok("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.15", "startingPercentReason": "many data subjects", "turnoverFactor": "0.05"}""");
        var step = result.AllSteps.Single(s => s.Id == "starting-amount");
        Assert.Contains(step.Input, p => p.Key == "startingPercentReason" && p.Value == "many data subjects");
        Assert.Contains("many data subjects", step.Explanation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_Adjustments_SignedAndReasoned_ThenClamped()
    {
        var result = Ok(Edpb("30000000", "83(5)", "medium", "0.15", "0.05", """[{"factor": "83(2)(c)", "percent": "-10", "reason": "damage mitigated"}, {"factor": "83(2)(e)", "percent": "25", "reason": "earlier infringement"}]"""));
        // 150,000 − 15,000 + 37,500
        Assert.Equal(172_500m, result.Fine);
        Assert.Equal(2, result.AllSteps.Count(s => s.Id == "adjustment"));
        var capped = Ok(Edpb("30000000", "83(5)", "high", "1", "0.10", """[{"factor": "83(2)(k)", "percent": "1000", "reason": "profit"}]"""));
        Assert.Equal(20_000_000m, capped.Fine);
        var zero = Ok(Edpb("30000000", "83(5)", "medium", "0.15", "0.05", """[{"factor": "83(2)(f)", "percent": "-200", "reason": "cooperation"}]"""));
        Assert.Equal(0m, zero.Fine);
    }

    [Fact]
    public void Calculate_EveryStep_ExplainedInBothLanguagesWithRuleAndSource()
    {
        foreach (var json in new[] { Edpb("30000000", "83(5)", "medium", "0.15", "0.05", """[{"factor": "83(2)(c)", "percent": "-10", "reason": "r"}]"""), Dsk("250000000", "83(4)", "formal", "3") })
        {
            foreach (var step in Ok(json).AllSteps)
            {
                Assert.False(string.IsNullOrWhiteSpace(step.Explanation.De), step.Id);
                Assert.False(string.IsNullOrWhiteSpace(step.Explanation.En), step.Id);
                Assert.False(string.IsNullOrWhiteSpace(step.Rule.De), step.Id);
                Assert.False(string.IsNullOrWhiteSpace(step.Source), step.Id);
                Assert.False(string.IsNullOrWhiteSpace(step.Output), step.Id);
                Assert.DoesNotContain("GDPR", step.Explanation.De, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("""{"tiers": [], "methods": []}""", "datafile.fines.tier")]
    [InlineData("""{"tiers": [{"id": "83(4)", "staticCap": "x", "turnoverPercent": "0.02", "articles": ["8"], "source": "https://e", "seen": "2026-12-02"}], "methods": []}""", "datafile.fines.notDecimal")]
    public void Read_BadMethodsFile_NamesTheProblem(string json, string key)
    {
        var result = FineMethodReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.False(result.IsOk);
        Assert.Contains(result.Errors, e => e.Key == key && e.Field.StartsWith(FineMethodReader.File, StringComparison.Ordinal));
    }
}
