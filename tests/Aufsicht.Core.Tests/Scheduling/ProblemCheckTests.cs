using Aufsicht.Core.Scheduling;
using Xunit;

namespace Aufsicht.Core.Tests.Scheduling;

/// <summary>The semantic checks: each error names the task, its field, and what is wrong.</summary>
[Trait("Category", "Unit")]
public sealed class ProblemCheckTests
{
    internal static SchedulingTask T(string id, int duration, string[]? after = null, Dictionary<string, int>? uses = null) =>
        new(id, duration, uses ?? [], after ?? []);

    internal static SchedulingProblem P(IReadOnlyList<SchedulingTask> tasks, params Resource[] resources) =>
        new(resources, tasks, Objective.Makespan, ObjectiveWeights.Default);

    private static readonly Resource Team = new("team", 2, [new CapacityWindow(4, 6, 3)]);

    public static TheoryData<string, SchedulingProblem, string, string, string> Bad => new()
    {
        { "duplicate id", P([T("a", 1), T("a", 2)]), "tasks[1].id", "plan.duplicateTask", "a" },
        { "unknown predecessor", P([T("a", 1, ["zz"])]), "tasks[0].after[0]", "plan.unknownTask", "a" },
        { "unknown resource", P([T("a", 1, uses: new() { ["crew"] = 1 })], Team), "tasks[0].uses.crew", "plan.unknownResource", "a" },
        { "demand above the highest capacity", P([T("a", 1, uses: new() { ["team"] = 4 })], Team), "tasks[0].uses.team", "plan.demandAboveCapacity", "a" },
        { "negative duration", P([T("a", -1)]), "tasks[0].duration", "plan.negative", "a" },
        { "negative capacity", P([T("a", 1)], new Resource("r", -1, [])), "resources[0].capacity", "plan.negative", "r" },
        { "release after deadline", P([T("a", 1) with { Release = 9, Deadline = 5 }]), "tasks[0].release", "plan.releaseAfterDeadline", "a" },
        { "duration does not fit", P([T("a", 5) with { Release = 2, Deadline = 6 }]), "tasks[0].deadline", "plan.durationDoesNotFit", "a" },
        { "empty allowed starts", P([T("a", 1) with { AllowedStarts = [] }]), "tasks[0].allowedStarts", "plan.noAllowedStart", "a" },
        { "fixed start not allowed", P([T("a", 1) with { FixedStart = 3, AllowedStarts = [2, 4] }]), "tasks[0].fixedStart", "plan.fixedNotAllowed", "a" },
        { "fixed start before release", P([T("a", 1) with { FixedStart = 3, Release = 4 }]), "tasks[0].fixedStart", "plan.fixedBeforeRelease", "a" },
        { "self cycle", P([T("a", 1, ["a"])]), "tasks[0].after[0]", "plan.cycle", "a" },
        { "overlapping windows", P([T("a", 1)], new Resource("r", 1, [new(0, 5, 0), new(3, 8, 0)])), "resources[0].calendar[1]", "plan.overlappingWindows", "r" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Check_BadProblem_NamesTheTaskAndField(string scenario, SchedulingProblem problem, string field, string key, string id)
    {
        var errors = ProblemCheck.Check(problem);
        var error = Assert.Single(errors);
        Assert.True(error.Field == field && error.Key == key && error.Args[0] == id, $"{scenario}: {error}");
        Assert.Equal(ErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void Check_CycleOfThree_NamesAllThreeInOrder()
    {
        var errors = ProblemCheck.Check(P([T("a", 1, ["c"]), T("b", 1, ["a"]), T("c", 1, ["b"]), T("d", 1, ["a"])]));
        var error = Assert.Single(errors);
        Assert.Equal("plan.cycle", error.Key);
        Assert.Equal("a → b → c → a", error.Args[1]);
        Assert.Equal("tasks[1].after[0]", error.Field);
    }

    [Fact]
    public void Check_GoodProblem_HasNoError()
    {
        var problem = P([T("a", 2, uses: new() { ["team"] = 3 }) with { Release = 1, Deadline = 9, AllowedStarts = [1, 4] }, T("b", 0, ["a"])], Team);
        Assert.Empty(ProblemCheck.Check(problem));
    }
}
