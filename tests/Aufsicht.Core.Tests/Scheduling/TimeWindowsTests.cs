using Aufsicht.Core.Scheduling;
using Xunit;
using static Aufsicht.Core.Tests.Scheduling.ProblemCheckTests;

namespace Aufsicht.Core.Tests.Scheduling;

/// <summary>The pure check of time windows along the precedences, before solving, and the heuristic built on it.</summary>
[Trait("Category", "Unit")]
public sealed class TimeWindowsTests
{
    [Fact]
    public void Compute_ChainMissesDeadline_NamesTheTaskAndTheChain()
    {
        var problem = P([T("a", 3) with { Release = 2 }, T("b", 4, ["a"]), T("x", 1), T("c", 2, ["b", "x"]) with { Deadline = 10 }]);
        var windows = TimeWindows.Compute(problem);
        var conflict = Assert.Single(windows.Conflicts);
        Assert.Equal((ConflictKind.Deadline, "c", (int?)11, (int?)10), (conflict.Kind, conflict.Task, conflict.Earliest, conflict.Limit));
        Assert.Equal(["a", "b", "c"], conflict.Chain);
    }

    [Fact]
    public void Compute_NoAllowedStartAfterTheChain_IsAConflict()
    {
        var problem = P([T("a", 5), T("b", 1, ["a"]) with { AllowedStarts = [0, 3] }]);
        var conflict = Assert.Single(TimeWindows.Compute(problem).Conflicts);
        Assert.Equal((ConflictKind.AllowedStart, "b"), (conflict.Kind, conflict.Task));
        Assert.Equal(["a", "b"], conflict.Chain);
    }

    [Fact]
    public void Compute_FixedStartBeforeItsPredecessorEnds_IsAConflict()
    {
        var problem = P([T("a", 5), T("b", 1, ["a"]) with { FixedStart = 2 }]);
        Assert.Equal(ConflictKind.FixedStart, Assert.Single(TimeWindows.Compute(problem).Conflicts).Kind);
    }

    [Fact]
    public void Compute_Feasible_GivesEarliestStartsAndCriticalPath()
    {
        var problem = P([T("a", 3), T("b", 4, ["a"]), T("c", 1) with { AllowedStarts = [5, 9] }, T("d", 2, ["b", "c"])]);
        var windows = TimeWindows.Compute(problem);
        Assert.Empty(windows.Conflicts);
        Assert.Equal([0, 3, 5, 7], windows.EarliestStart);
        Assert.Equal(9, windows.CriticalPath(problem));
    }

    [Fact]
    public void SerialSchedule_SharedResource_KeepsEveryConstraint()
    {
        var problem = P(
            [T("a", 2, uses: new() { ["r"] = 1 }), T("b", 2, uses: new() { ["r"] = 1 }), T("c", 1, ["a"], new() { ["r"] = 1 }) with { Deadline = 3 }],
            new Resource("r", 1, [new CapacityWindow(6, 7, 0)]));
        var schedule = SerialSchedule.Build(problem, TimeWindows.Compute(problem), 20);
        Assert.NotNull(schedule);
        Assert.Empty(ScheduleChecker.Check(problem, schedule));
    }
}
