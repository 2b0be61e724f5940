using Aufsicht.Core.Scheduling;
using Xunit;
using static Aufsicht.Core.Tests.Scheduling.ProblemCheckTests;

namespace Aufsicht.Core.Tests.Scheduling;

/// <summary>The independent checker every solver answer must pass, on hand-made schedules.</summary>
[Trait("Category", "Unit")]
public sealed class ScheduleCheckerTests
{
    // team: 2 units, none in periods 3 and 4.
    private static readonly SchedulingProblem Problem = P(
        [
            T("a", 2, uses: new() { ["team"] = 1 }),
            T("b", 1, ["a"], new() { ["team"] = 2 }) with { Deadline = 6 },
            T("c", 1, uses: new() { ["team"] = 1 }) with { Release = 1, AllowedStarts = [1, 5] },
            T("d", 0, ["b", "c"]) with { FixedStart = 6 },
        ],
        new Resource("team", 2, [new CapacityWindow(3, 5, 0)]));

    private static ScheduledTask[] Good() => [new("a", 0, 2), new("b", 2, 3), new("c", 1, 2), new("d", 6, 6)];

    [Fact]
    public void Check_GoodSchedule_HasNoViolation() => Assert.Empty(ScheduleChecker.Check(Problem, Good()));

    public static TheoryData<string, int, int, ViolationKind, string?> Bad => new()
    {
        { "b", 1, 2, ViolationKind.Precedence, "a" },
        { "b", 3, 4, ViolationKind.Capacity, "team" },
        { "b", 6, 7, ViolationKind.Deadline, null },
        { "c", 0, 1, ViolationKind.Release, null },
        { "c", 2, 3, ViolationKind.AllowedStart, null },
        { "d", 7, 7, ViolationKind.Fixed, null },
        { "a", 0, 3, ViolationKind.Duration, null },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Check_OneTaskMoved_FindsTheViolation(string task, int start, int end, ViolationKind kind, string? other)
    {
        var schedule = Good().Select(t => t.Id == task ? new ScheduledTask(task, start, end) : t).ToArray();
        var violations = ScheduleChecker.Check(Problem, schedule);
        Assert.Contains(violations, v => v.Kind == kind && (other is null || v.Other == other));
    }

    [Fact]
    public void Check_TwoTasksOverlapBeyondCapacity_NamesResourceAndPeriod()
    {
        var schedule = new ScheduledTask[] { new("a", 0, 2), new("b", 2, 3), new("c", 1, 2), new("d", 6, 6) };
        var overloaded = P([T("x", 2, uses: new() { ["team"] = 2 }), T("y", 2, uses: new() { ["team"] = 1 })], new Resource("team", 2, []));
        var violations = ScheduleChecker.Check(overloaded, [new("x", 0, 2), new("y", 1, 3)]);
        Assert.Equal([new Violation(ViolationKind.Capacity, string.Empty, "team", 1)], violations);
        Assert.Empty(ScheduleChecker.Check(Problem, schedule));
    }

    [Fact]
    public void Check_MissingAndExtraTasks_AreBothListed()
    {
        var violations = ScheduleChecker.Check(Problem, [new("a", 0, 2), new("b", 2, 3), new("c", 1, 2), new("zz", 0, 1)]);
        Assert.Contains(new Violation(ViolationKind.Missing, "d"), violations);
        Assert.Contains(new Violation(ViolationKind.Extra, "zz"), violations);
    }
}
