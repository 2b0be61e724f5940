using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Fines;

/// <summary>
/// One step of a calculation as a case file shows it: what went in, the rule applied, where the method says so, what
/// came out, and why, in German and English. The same shape as the measure recommender's steps.
/// </summary>
/// <param name="Id">The step: <c>conduct</c>, <c>admissibility</c>, <c>legal-maximum</c>, …</param>
/// <param name="Rule">The provision applied, as a reader of the language cites it.</param>
/// <param name="Source">Where the method says so: „EDPB Guidelines 04/2022 v2.1, chapter 4.2“.</param>
/// <param name="SourceUrl">The source's address.</param>
/// <param name="Input">The values the step took, invariant (<c>"0.15"</c>, <c>"20000000"</c>).</param>
/// <param name="Output">What the step gave, invariant: an amount with two decimals, a fraction, a tier, a class.</param>
/// <param name="Explanation">The step in a sentence or two.</param>
public sealed record FineStep(
    string Id,
    LocalizedText Rule,
    string Source,
    string SourceUrl,
    IReadOnlyList<KeyValuePair<string, string>> Input,
    string Output,
    LocalizedText Explanation);

/// <summary>
/// The fine for one conduct (Art. 83(3) GDPR): its tier and, per method, the values of the calculation. Fields a
/// method does not use are null. Values are exact; <see cref="FineFormat"/> rounds them when shown.
/// </summary>
public sealed record ConductFine(
    string Conduct,
    FineTier Tier,
    decimal LegalMaximum,
    decimal? StartingLow,
    decimal? StartingHigh,
    decimal StartingAmount,
    decimal? TurnoverFactorLow,
    decimal? TurnoverFactorHigh,
    bool? TurnoverAdjustmentApplied,
    decimal Adjusted,
    decimal Fine,
    string? SizeClass,
    decimal? DailyRate,
    IReadOnlyList<FineStep> Steps);

/// <summary>
/// A calculated fine: whether one may be imposed at all (and why), the fine of each conduct and their total, and
/// the steps common to them (conduct and concurrence, admissibility, the total). Not admissible: no conduct, no amount.
/// </summary>
public sealed record FineCalculation(
    FineMethodRules Method,
    FineAdmissibility Admissibility,
    IReadOnlyList<ConductFine> Conducts,
    IReadOnlyList<FineStep> Steps)
{
    public bool FineAdmissible => Admissibility.Admissible;

    /// <summary>
    /// The fine; with several conducts the total of their fines, each taken to the cent as it is imposed, so the
    /// total is the sum of the amounts shown. Null when no fine may be imposed.
    /// </summary>
    public decimal? Fine => !FineAdmissible ? null : Conducts.Count == 1 ? Conducts[0].Fine : Conducts.Sum(c => FineFormat.Cents(c.Fine));

    /// <summary>Every step in order: the common ones, each conduct's, then the total when there are several.</summary>
    public IEnumerable<FineStep> AllSteps =>
        Steps.Where(s => s.Id != FineCalculator.TotalStep).Concat(Conducts.SelectMany(c => c.Steps)).Concat(Steps.Where(s => s.Id == FineCalculator.TotalStep));
}
