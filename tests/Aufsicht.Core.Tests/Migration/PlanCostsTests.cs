using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;
using Xunit;

namespace Aufsicht.Core.Tests.Migration;

/// <summary>Costs per year on a hand-computed example: licences paid until the cancellation takes effect and saved after, one-off and staff spread over a package's months, running costs from go-live.</summary>
[Trait("Category", "Unit")]
public sealed class PlanCostsTests
{
    private static readonly YearMonth Start = new(2027, 7);

    private static WorkPackage P(string id, Phase phase, long staff = 0, long oneOff = 0, long running = 0, long licence = 0) =>
        new(id, 1, Pillar.Office, phase, 0, new Dictionary<string, int>(), [], 0, 0m, staff, oneOff, running, licence);

    // Periods from July 2027: the cancellation takes effect in December 2027 (period 5); the pilot runs August to
    // October 2027; the cohort January to March 2028; the training November 2027 to January 2028.
    private static readonly IReadOnlyList<WorkPackage> Packages =
    [
        P("cancel", Phase.Cancellation, licence: 1_200_000),
        P("pilot", Phase.Pilot, staff: 90_000, oneOff: 300_000, running: 10_000),
        P("cohort", Phase.Cohort, oneOff: 100_000, running: 5_000),
        P("training", Phase.Training, staff: 30_000),
    ];

    private static readonly Schedule Schedule = new(ScheduleStatus.Optimal,
        [new("cancel", 5, 5), new("pilot", 1, 4), new("cohort", 6, 9), new("training", 4, 7)], 9, 9, null, null, null, []);

    [Theory]
    // 2027: licences 5 months × €1,000 paid, 1 month saved; pilot €3,000 one-off, €900 + ⅔ of €300 staff; running Nov and Dec × €100.
    [InlineData(2027, "5000", "1000", "3000", "1100", "200")]
    // 2028: 12 months saved; cohort €1,000; ⅓ of the training; running 12 × €100 + 9 × €50 (April to December).
    [InlineData(2028, "0", "12000", "1000", "100", "1650")]
    public void PerYear_HandExample_Exact(int year, string paid, string saved, string oneOff, string staff, string running)
    {
        var costs = PlanCosts.PerYear(Packages, Schedule, Start).Single(c => c.Year == year);
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((D(paid), D(saved), D(oneOff), D(staff), D(running)), (costs.LicencesPaid, costs.LicencesSaved, costs.OneOff, costs.Staff, costs.Running));
        Assert.Equal(costs.LicencesPaid + costs.OneOff + costs.Staff + costs.Running, costs.Spent);
    }

    [Fact]
    public void PerYear_DefaultUntil_TheScheduleLastYear_LaterYearsOnRequest()
    {
        Assert.Equal([2027, 2028], PlanCosts.PerYear(Packages, Schedule, Start).Select(c => c.Year));
        var y2030 = PlanCosts.PerYear(Packages, Schedule, Start, untilYear: 2030)[^1];
        Assert.Equal((2030, 12_000m, 1_800m, 12_000m - 1_800m), (y2030.Year, y2030.LicencesSaved, y2030.Running, y2030.Net));
    }

    [Fact]
    public void PerYear_LicencesPaidAndSaved_AddUpToAYearlyLicenceEveryYear()
    {
        Assert.All(PlanCosts.PerYear(Packages, Schedule, new YearMonth(2027, 1), untilYear: 2029), c => Assert.Equal(12_000m, c.LicencesPaid + c.LicencesSaved));
    }
}
