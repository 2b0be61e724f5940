using Aufsicht.Core.Migration;
using Xunit;

namespace Aufsicht.Core.Tests.Migration;

/// <summary>Planned against actual: which package counts as done, running or late in a given month, and by how much.</summary>
[Trait("Category", "Unit")]
public sealed class PlanProgressSummaryTests
{
    private static YearMonth? M(string? text) => text is null ? null : new YearMonth(int.Parse(text[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(text[5..], System.Globalization.CultureInfo.InvariantCulture));

    // Planned end is exclusive (as stored): 2027-01 … 2027-04 means due in 03/2027.
    [Theory]
    [InlineData("2027-01", "2027-04", null, null, "2027-03", "none")] // due this month: not late yet
    [InlineData("2027-01", "2027-04", null, null, "2027-04", "late 1 not-begun")]
    [InlineData("2027-01", "2027-04", "2027-02", null, "2027-06", "late 3 running")]
    [InlineData("2027-01", "2027-04", "2027-02", "2027-05", "2027-09", "done")] // ended late, but ended: not late
    [InlineData("2027-05", "2027-05", null, null, "2027-06", "late 1 not-begun")] // no duration: due in its month
    [InlineData("2027-05", "2027-05", null, null, "2027-05", "none")]
    [InlineData(null, null, null, null, "2030-01", "none")] // not computed: never late
    [InlineData(null, null, "2027-01", null, "2030-01", "running")]
    public void Summarise_OnePackage_CountsAsExpected(string? plannedStart, string? plannedEnd, string? actualStart, string? actualEnd, string today, string expected)
    {
        var summary = PlanProgressSummary.Summarise([new ProgressLine("p", Pillar.Office, M(plannedStart), M(plannedEnd), M(actualStart), M(actualEnd))], M(today)!.Value);
        var pillar = Assert.Single(summary.Pillars);
        var state = summary.Late.Count == 1
            ? $"late {summary.Late[0].MonthsLate} {(summary.Late[0].Begun ? "running" : "not-begun")}"
            : pillar.Done == 1 ? "done" : pillar.Running == 1 ? "running" : "none";
        Assert.Equal(expected, state);
        Assert.Equal(summary.Late.Count, pillar.Late);
        Assert.Equal(state.EndsWith("running", StringComparison.Ordinal) ? 1 : 0, pillar.Running);
    }

    [Fact]
    public void Summarise_SeveralPillars_CountsPerPillar_MostLateFirst()
    {
        var today = new YearMonth(2027, 10);
        var summary = PlanProgressSummary.Summarise(
        [
            new ProgressLine("o1", Pillar.Office, new(2027, 1), new(2027, 3), new(2027, 1), new(2027, 2)),
            new ProgressLine("o2", Pillar.Office, new(2027, 3), new(2027, 6), new(2027, 4), null),
            new ProgressLine("o3", Pillar.Office, new(2027, 8), new(2027, 12), null, null),
            new ProgressLine("m1", Pillar.Mail, new(2027, 1), new(2027, 2), null, null),
        ], today);
        Assert.Equal([Pillar.Office, Pillar.Mail], summary.Pillars.Select(p => p.Pillar));
        Assert.Equal(new PillarProgress(Pillar.Office, 3, 1, 1, 1), summary.Pillars[0]);
        Assert.Equal(new PillarProgress(Pillar.Mail, 1, 0, 0, 1), summary.Pillars[1]);
        Assert.Equal([("m1", 9), ("o2", 5)], summary.Late.Select(l => (l.Key, l.MonthsLate)));
    }
}
