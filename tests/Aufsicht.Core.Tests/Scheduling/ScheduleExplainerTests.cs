using Aufsicht.Core.Scheduling;
using Xunit;
using static Aufsicht.Core.Tests.Scheduling.ProblemCheckTests;

namespace Aufsicht.Core.Tests.Scheduling;

/// <summary>Why each task starts where it does: what breaks one period earlier.</summary>
[Trait("Category", "Unit")]
public sealed class ScheduleExplainerTests
{
    private static readonly SchedulingProblem Problem = P(
        [
            T("a", 2, uses: new() { ["team"] = 2 }),
            T("b", 1, ["a"]),
            T("c", 1, uses: new() { ["team"] = 1 }),
            T("d", 1) with { Release = 3 },
            T("e", 1) with { FixedStart = 4 },
            T("f", 1) with { AllowedStarts = [2, 6] },
            T("g", 1),
        ],
        new Resource("team", 2, []));

    private static readonly Schedule Placed = new(ScheduleStatus.Feasible,
        [new("a", 0, 2), new("b", 2, 3), new("c", 2, 3), new("d", 3, 4), new("e", 4, 5), new("f", 2, 3), new("g", 5, 6)], 6, 0, 0, 6, 0, []);

    [Theory]
    [InlineData("a", HoldKind.ProjectStart, null, 0)]
    [InlineData("b", HoldKind.Predecessor, "a", 2)]
    [InlineData("c", HoldKind.Capacity, "team", 1)]
    [InlineData("d", HoldKind.Release, null, 3)]
    [InlineData("e", HoldKind.Fixed, null, 4)]
    [InlineData("f", HoldKind.AllowedStart, null, 2)]
    [InlineData("g", HoldKind.Slack, null, 5)]
    public void Explain_EachTask_NamesWhatHoldsIt(string task, HoldKind kind, string? other, int period)
    {
        var holds = ScheduleExplainer.Explain(Problem, Placed);
        Assert.Equal([new Hold(task, kind, other, period)], holds.Where(h => h.Task == task));
    }
}
