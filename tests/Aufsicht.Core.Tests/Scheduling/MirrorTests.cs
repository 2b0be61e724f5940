using Aufsicht.Core.Scheduling;
using Xunit;
using static Aufsicht.Core.Tests.Scheduling.ProblemCheckTests;

namespace Aufsicht.Core.Tests.Scheduling;

/// <summary>The project backwards, for the heuristic's second search: its schedules turned round keep every constraint.</summary>
[Trait("Category", "Unit")]
public sealed class MirrorTests
{
    [Fact]
    public void Of_Chain_TurnsEveryPrecedenceRound()
    {
        var problem = P([T("a", 2), T("b", 1, ["a"]), T("c", 3, ["a", "b"])]);

        var mirror = Mirror.Of(problem)!;

        Assert.Equal(["b", "c"], mirror.Tasks[0].After);
        Assert.Equal(["c"], mirror.Tasks[1].After);
        Assert.Empty(mirror.Tasks[2].After);
        Assert.Equal(problem.Tasks.Select(t => t.After.Order()), Mirror.Of(mirror)!.Tasks.Select(t => t.After.Order()));
    }

    [Fact]
    public void Back_Chain_EachTaskEndsWhereItsImageStarts()
    {
        // Mirror of a → b → c: c first (0–3), b (3–4), a (4–6); back: a 0–2, b 2–3, c 3–6.
        var back = Mirror.Back([new("a", 4, 6), new("b", 3, 4), new("c", 0, 3)]);

        Assert.Equal([new ScheduledTask("a", 0, 2), new ScheduledTask("b", 2, 3), new ScheduledTask("c", 3, 6)], back);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Back_ImprovedScheduleOfTheMirror_KeepsEveryConstraintOfTheProjectWithTheSameMakespan(int seed)
    {
        var problem = JustificationTests.Project(seed);
        var mirror = Mirror.Of(problem)!;
        var windows = TimeWindows.Compute(mirror);
        var first = SerialSchedule.LatestEndFirst(mirror, windows, windows.Horizon)!;
        var improved = Justification.Improve(mirror, windows, windows.Horizon, first, 200_000);

        var back = Mirror.Back(improved);

        Assert.Empty(ScheduleChecker.Check(mirror, improved));
        Assert.Empty(ScheduleChecker.Check(problem, back));
        Assert.Equal(improved.Max(t => t.End), back.Max(t => t.End));
        Assert.Equal(0, back.Min(t => t.Start));
    }

    public static TheoryData<string, SchedulingProblem> NotTheSameBackwards => new()
    {
        { "release", P([T("a", 2), T("b", 1, ["a"]) with { Release = 3 }]) },
        { "deadline", P([T("a", 2) with { Deadline = 5 }]) },
        { "fixed start", P([T("a", 2) with { FixedStart = 1 }]) },
        { "allowed starts", P([T("a", 2) with { AllowedStarts = [0, 12] }]) },
        { "cost", P([T("a", 2) with { CostPerPeriod = 100 }]) },
        { "calendar", P([T("a", 2, null, new() { ["team"] = 1 })], new Resource("team", 2, [new CapacityWindow(0, 2, 0)])) },
    };

    [Theory]
    [MemberData(nameof(NotTheSameBackwards))]
    public void Of_DatesCostsOrCalendars_None(string what, SchedulingProblem problem)
    {
        Assert.True(Mirror.Of(problem) is null, what);
    }
}
