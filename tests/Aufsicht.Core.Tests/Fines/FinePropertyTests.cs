using System.Globalization;
using CsCheck;
using Xunit;

namespace Aufsicht.Core.Tests.Fines;

/// <summary>
/// Invariants over random inputs: a worse factor (seriousness percent, turnover factor, adjustment) never lowers a
/// fine; no fine exceeds the legal maximum; a German public body that does not compete is never fined.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FinePropertyTests
{
    private static readonly string[] Tiers = ["83(4)", "83(5)", "83(6)"];

    private static readonly Gen<decimal> GenTurnover = Gen.Long[0, 200_000_000_000].Select(l => l / 100m);

    private static readonly Gen<decimal> GenFraction = Gen.Int[0, 10_000].Select(i => i / 10_000m);

    private static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>EDPB input with the band checks out of the way (reasons given), so any fraction is allowed.</summary>
    private static string Edpb(decimal turnover, string tier, decimal percent, decimal factor, decimal adjustment, string controller = """{"publicBody": false, "country": "DE"}""") =>
        $$"""
        {"method": "edpb-2022", "turnover": "{{D(turnover)}}", "controller": {{controller}}, "tier": "{{tier}}", "seriousness": "high",
         "startingPercent": "{{D(percent)}}", "startingPercentReason": "r", "turnoverFactor": "{{D(factor)}}", "turnoverFactorReason": "r",
         "adjustments": [{"factor": "83(2)(k)", "percent": "{{D(adjustment)}}", "reason": "r"}]}
        """;

    private static decimal Fine(string json)
    {
        var result = FineCalculatorTests.Calculate(json);
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        return result.Value.Fine!.Value;
    }

    [Fact]
    public void Calculate_WorseFactor_NeverLowersTheFine()
    {
        Gen.Select(GenTurnover, Gen.Int[0, 2], Gen.Select(GenFraction, GenFraction), Gen.Select(GenFraction, GenFraction), Gen.Select(Gen.Int[-200, 300], Gen.Int[-200, 300]))
            .Sample((turnover, tier, percents, factors, adjustments) =>
            {
                var (p1, p2) = (Math.Min(percents.Item1, percents.Item2), Math.Max(percents.Item1, percents.Item2));
                var (f1, f2) = (Math.Min(factors.Item1, factors.Item2), Math.Max(factors.Item1, factors.Item2));
                var (a1, a2) = (Math.Min(adjustments.Item1, adjustments.Item2), Math.Max(adjustments.Item1, adjustments.Item2));
                var t = Tiers[tier];
                var base1 = Fine(Edpb(turnover, t, p1, f1, a1));
                return base1 <= Fine(Edpb(turnover, t, p2, f1, a1))
                    && base1 <= Fine(Edpb(turnover, t, p1, f2, a1))
                    && base1 <= Fine(Edpb(turnover, t, p1, f1, a2));
            }, iter: 300);
    }

    [Fact]
    public void Calculate_AnyInput_NeverAboveTheLegalMaximumNorBelowZero()
    {
        Gen.Select(GenTurnover, Gen.Int[0, 2], GenFraction, GenFraction, Gen.Int[-1000, 1000])
            .Sample((turnover, tier, percent, factor, adjustment) =>
            {
                var result = FineCalculatorTests.Calculate(Edpb(turnover, Tiers[tier], percent, factor, adjustment)).Value;
                var conduct = result.Conducts[0];
                return result.Fine >= 0 && result.Fine <= conduct.LegalMaximum && conduct.LegalMaximum >= conduct.Tier.StaticCap;
            }, iter: 500);
    }

    [Fact]
    public void Calculate_GermanPublicBodyNotCompeting_NeverFined()
    {
        var states = Aufsicht.Core.Enforcement.JurisdictionReader.GermanStates;
        Gen.Select(GenTurnover, Gen.Int[0, 2], GenFraction, Gen.Int[0, states.Count])
            .Sample((turnover, tier, percent, state) =>
            {
                var land = state == states.Count ? string.Empty : $", \"state\": \"{states[state]}\"";
                var result = FineCalculatorTests.Calculate(Edpb(turnover, Tiers[tier], percent, 0.01m, 0, $$"""{"publicBody": true, "inCompetition": false, "country": "DE"{{land}}}"""));
                return result.IsOk && !result.Value.FineAdmissible && result.Value.Fine is null && result.Value.Conducts.Count == 0;
            }, iter: 200);
    }
}
