using Aufsicht.Core.Scheduling;
using Xunit;
using static Aufsicht.Core.Tests.Scheduling.ProblemCheckTests;

namespace Aufsicht.Core.Tests.Scheduling;

/// <summary>The heuristic's improvement (priority rules, sampling, local search, forward–backward justification).</summary>
[Trait("Category", "Unit")]
public sealed class JustificationTests
{
    /// <summary>A random-looking project from a seed: 30 tasks, two resources of 4 units, precedences to earlier tasks.</summary>
    internal static SchedulingProblem Project(int seed)
    {
        var state = (uint)seed * 2654435761u + 1;
        int Next(int below)
        {
            state = (state * 1664525u) + 1013904223u;
            return (int)((state >> 8) % (uint)below);
        }

        var tasks = new List<SchedulingTask>();
        for (var i = 0; i < 30; i++)
        {
            var after = i == 0 ? [] : Enumerable.Range(0, Next(3)).Select(_ => "t" + Next(i)).Distinct().ToArray();
            tasks.Add(T("t" + i, 1 + Next(6), after, new() { ["r1"] = Next(4), ["r2"] = 1 + Next(3) }));
        }

        return P(tasks, new Resource("r1", 4, []), new Resource("r2", 4, []));
    }

    private static int Makespan(IReadOnlyList<ScheduledTask> schedule) => schedule.Max(t => t.End);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Build_GeneratedProject_ValidNoLongerThanOnePassAndTheSameTwice(int seed)
    {
        var problem = Project(seed);
        var windows = TimeWindows.Compute(problem);
        var one = SerialSchedule.LatestEndFirst(problem, windows, windows.Horizon);
        var best = SerialSchedule.Build(problem, windows, windows.Horizon);
        Assert.NotNull(one);
        Assert.NotNull(best);
        Assert.Empty(ScheduleChecker.Check(problem, best));
        Assert.True(Makespan(best) <= Makespan(one), $"{Makespan(best)} > {Makespan(one)}");
        Assert.Equal(best, SerialSchedule.Build(problem, windows, windows.Horizon));
    }

    [Fact]
    public void Build_GeneratedProjects_ShorterThanOnePassSomewhere()
    {
        var shorter = 0;
        for (var seed = 1; seed <= 5; seed++)
        {
            var problem = Project(seed);
            var windows = TimeWindows.Compute(problem);
            shorter += Makespan(SerialSchedule.LatestEndFirst(problem, windows, windows.Horizon)!) - Makespan(SerialSchedule.Build(problem, windows, windows.Horizon)!);
        }

        Assert.True(shorter > 0);
    }

    [Fact]
    public void Build_CostObjective_KeepsTheOnePassSchedule()
    {
        var problem = Project(1) with { Objective = Objective.Cost };
        var windows = TimeWindows.Compute(problem);
        Assert.Equal(SerialSchedule.LatestEndFirst(problem, windows, windows.Horizon), SerialSchedule.Build(problem, windows, windows.Horizon));
    }

    [Fact]
    public void Improve_OtherSeed_ValidAndTheSameTwice()
    {
        var problem = Project(3);
        var windows = TimeWindows.Compute(problem);
        var first = SerialSchedule.LatestEndFirst(problem, windows, windows.Horizon)!;
        var other = Justification.Improve(problem, windows, windows.Horizon, first, seed: 7);
        Assert.Empty(ScheduleChecker.Check(problem, other));
        Assert.True(Makespan(other) <= Makespan(first));
        Assert.Equal(other, Justification.Improve(problem, windows, windows.Horizon, first, seed: 7));
    }

    [Fact]
    public void Improve_StopAsked_EndsBeforeTheBudgetAndKeepsEveryConstraint()
    {
        var problem = Project(2);
        var windows = TimeWindows.Compute(problem);
        var first = SerialSchedule.LatestEndFirst(problem, windows, windows.Horizon)!;
        var asked = 0;
        var stopped = Justification.Improve(problem, windows, windows.Horizon, first, placements: 50_000_000, stop: () => ++asked > 2);
        Assert.Empty(ScheduleChecker.Check(problem, stopped));
        Assert.True(Makespan(stopped) <= Makespan(first));
        Assert.InRange(asked, 3, 4); // asked every 64 passes: stopped at the first "yes" in the sampling and in the local search, not after the 50 million placements
    }
}
