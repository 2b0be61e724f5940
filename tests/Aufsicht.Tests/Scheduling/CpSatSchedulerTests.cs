using System.Text;
using System.Text.Json;
using Aufsicht.Core.Scheduling;
using Aufsicht.Features.Scheduling;
using Aufsicht.Scheduling;
using CsCheck;
using Xunit;
using static Aufsicht.Tests.Scheduling.SchedulingSamples;

namespace Aufsicht.Tests.Scheduling;

/// <summary>The CP-SAT scheduler on problems with known optima; every answer also passes the independent checker.</summary>
[Trait("Category", "Unit")]
public sealed class CpSatSchedulerTests
{
    private static readonly SolveOptions Quick = new(TimeSpan.FromSeconds(5));

    private static Schedule Solve(SchedulingProblem problem)
    {
        var schedule = CpSatScheduler.Solve(problem, Quick);
        if (schedule.Status is ScheduleStatus.Optimal or ScheduleStatus.Feasible)
        {
            Assert.Empty(ScheduleChecker.Check(problem, schedule.Tasks));
            Assert.True(schedule.LowerBound <= schedule.Makespan, $"bound {schedule.LowerBound} above makespan {schedule.Makespan}");
        }

        return schedule;
    }

    private static int StartOf(Schedule schedule, string id) => schedule.Tasks.Single(t => t.Id == id).Start;

    [Fact]
    public void Solve_FullWidthTaskAndThreeHalves_MakespanSeven()
    {
        // a takes the whole team for 3 periods; b, c, d take half for 2 each, d after a. Energy says 6, but two
        // lanes of 3 periods cannot hold three tasks of 2: 7 is optimal.
        var problem = P([T("a", 3, uses: Uses("r", 2)), T("b", 2, uses: Uses("r", 1)), T("c", 2, uses: Uses("r", 1)), T("d", 2, ["a"], Uses("r", 1))], new Resource("r", 2, []));
        var schedule = Solve(problem);
        Assert.Equal((ScheduleStatus.Optimal, (int?)7, (int?)7), (schedule.Status, schedule.Makespan, schedule.LowerBound));
    }

    [Fact]
    public void Solve_OneResourceForAll_SequencesThem()
    {
        var problem = P([T("a", 3, uses: Uses("r", 1)), T("b", 2, ["a"], Uses("r", 1)), T("c", 4, uses: Uses("r", 1))], new Resource("r", 1, []));
        var schedule = Solve(problem);
        Assert.Equal((ScheduleStatus.Optimal, (int?)9), (schedule.Status, schedule.Makespan));
    }

    [Fact]
    public void Solve_ZeroDurationMilestone_SitsBetweenItsNeighbours()
    {
        var problem = P([T("a", 2), T("m", 0, ["a"]), T("b", 1, ["m"])]);
        var schedule = Solve(problem);
        Assert.Equal(new ScheduledTask("m", 2, 2), schedule.Tasks.Single(t => t.Id == "m"));
        Assert.Equal(3, schedule.Makespan);
    }

    [Fact]
    public void Solve_Blackout_MovesTheTaskAfterIt()
    {
        var problem = P([T("a", 2, uses: Uses("r", 1))], new Resource("r", 1, [new CapacityWindow(1, 3, 0)]));
        var schedule = Solve(problem);
        Assert.Equal(3, StartOf(schedule, "a"));
        Assert.Contains(new Hold("a", HoldKind.Capacity, "r", 2), schedule.Holds);
    }

    [Fact]
    public void Solve_AllowedStarts_TakesTheFirstReachable()
    {
        var problem = P([T("p", 5), T("a", 1, ["p"]) with { AllowedStarts = [4, 7, 9] }]);
        var schedule = Solve(problem);
        Assert.Equal((7, 8), (StartOf(schedule, "a"), schedule.Makespan!.Value));
        Assert.Contains(schedule.Holds, h => h is { Task: "a", Kind: HoldKind.AllowedStart });
    }

    [Fact]
    public void Solve_FixedStartWhenReplanning_KeepsItAndPlansAround()
    {
        // b has begun at 2; a cannot fit before it (3 periods), so it follows.
        var problem = P([T("a", 3, uses: Uses("r", 1)), T("b", 3, uses: Uses("r", 1)) with { FixedStart = 2 }], new Resource("r", 1, []));
        var schedule = Solve(problem);
        Assert.Equal((2, 5, 8), (StartOf(schedule, "b"), StartOf(schedule, "a"), schedule.Makespan!.Value));
        Assert.Contains(new Hold("b", HoldKind.Fixed, null, 2), schedule.Holds);
    }

    [Fact]
    public void Solve_CostObjective_LetsTheExpensiveTaskGoFirstAndTakesTheLaterContractEnd()
    {
        // Licences of X cost 1000 a period, of L 10; both need the one team. L first: 10 + 6000; X first: 5000 + 60.
        var tasks = new[] { T("X", 5, uses: Uses("r", 1)) with { CostPerPeriod = 1000 }, T("L", 1, uses: Uses("r", 1)) with { CostPerPeriod = 10, AllowedStarts = [0, 5] } };
        var problem = P(tasks, new Resource("r", 1, [])) with { Objective = Objective.Cost };
        var schedule = Solve(problem);
        Assert.Equal((ScheduleStatus.Optimal, 5, 0, (long?)5060), (schedule.Status, StartOf(schedule, "L"), StartOf(schedule, "X"), schedule.Cost));
    }

    [Fact]
    public void Solve_CostObjective_TakesTheEarlierContractEndWhenItCan()
    {
        var problem = P([T("M", 3), T("L", 1, ["M"]) with { CostPerPeriod = 100, AllowedStarts = [3, 10] }]) with { Objective = Objective.Cost };
        var schedule = Solve(problem);
        Assert.Equal((3, (long?)400), (StartOf(schedule, "L"), schedule.Cost));
    }

    [Fact]
    public void Solve_ChainMissesDeadline_InfeasibleWithTheChain()
    {
        var problem = P([T("a", 3), T("b", 4, ["a"]) with { Deadline = 5 }]);
        var schedule = Solve(problem);
        Assert.Equal(ScheduleStatus.Infeasible, schedule.Status);
        var conflict = Assert.Single(schedule.Conflicts);
        Assert.Equal((ConflictKind.Deadline, "b", 7, 5), (conflict.Kind, conflict.Task, conflict.Earliest!.Value, conflict.Limit!.Value));
        Assert.Equal(["a", "b"], conflict.Chain);
    }

    [Fact]
    public void Solve_DeadlinesThatTheResourceCannotKeepTogether_NamesBoth()
    {
        var problem = P([T("a", 3, uses: Uses("r", 1)) with { Deadline = 4 }, T("b", 3, uses: Uses("r", 1)) with { Deadline = 4 }, T("c", 1)], new Resource("r", 1, []));
        var schedule = Solve(problem);
        Assert.Equal(ScheduleStatus.Infeasible, schedule.Status);
        var conflict = Assert.Single(schedule.Conflicts);
        Assert.Equal(ConflictKind.Deadlines, conflict.Kind);
        Assert.Equal(["a", "b"], conflict.Chain.Order());
    }

    [Fact]
    public void Solve_Weighted_CountsBoth()
    {
        var problem = P([T("a", 2) with { CostPerPeriod = 3 }, T("b", 1, ["a"])]) with { Objective = Objective.Weighted, Weights = new ObjectiveWeights(10, 1) };
        var schedule = Solve(problem);
        Assert.Equal((long?)((10 * 3) + (1 * 6)), schedule.ObjectiveValue);
    }

    [Fact]
    public void Solve_SameInputTwice_SameJson()
    {
        var problem = Random(new Random(7), 30, 3);
        string Json()
        {
            var schedule = CpSatScheduler.Solve(problem, new SolveOptions(TimeSpan.FromSeconds(0.5)));
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                PlanJson.Write(w, problem, schedule);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        Assert.Equal(Json(), Json());
    }

    [Fact]
    public void Solve_RandomSmallProblems_CheckedSoundAndOptimalAsBruteForce()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var problem = Random(random, random.Next(1, 6), random.Next(1, 3));
            var schedule = Solve(problem);
            var limit = problem.Tasks.Sum(t => t.Duration) + problem.Tasks.Max(t => t.Release ?? 0) + 1;
            var best = BruteForceMakespan(problem, limit);
            Assert.NotNull(best);
            Assert.True(schedule.Status == ScheduleStatus.Optimal, $"seed {seed}: {schedule.Status}");
            Assert.True(schedule.LowerBound <= best, $"seed {seed}: bound {schedule.LowerBound} above the optimum {best}");
            Assert.True(schedule.Makespan == best, $"seed {seed}: makespan {schedule.Makespan}, brute force {best}");
        }, iter: 60);
    }

    /// <summary>A project of 2,000 tasks on three resources, each after up to two of the 40 before it (seeded).</summary>
    private static SchedulingProblem TwoThousandTasks()
    {
        var random = new Random(3);
        var rs = new[] { new Resource("team", 12, []), new Resource("trainers", 4, []), new Resource("support", 9, []) };
        var ts = new List<SchedulingTask>();
        for (var i = 0; i < 2000; i++)
        {
            var after = Enumerable.Range(0, random.Next(0, 3)).Select(_ => i - random.Next(1, 40)).Where(k => k >= 0).Distinct().Select(k => "t" + k).ToArray();
            var uses = rs.Where(_ => random.Next(2) == 0).ToDictionary(r => r.Id, r => random.Next(1, r.Capacity + 1));
            ts.Add(new SchedulingTask("t" + i, random.Next(0, 7), uses, after));
        }

        return new SchedulingProblem(rs, ts, Objective.Makespan, ObjectiveWeights.Default);
    }

    [Fact]
    public void Solve_TwoThousandTasksOneSecond_ReturnsACheckedScheduleWithASoundBound()
    {
        var problem = TwoThousandTasks();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var schedule = CpSatScheduler.Solve(problem, new SolveOptions(TimeSpan.FromSeconds(1)) { Elapsed = () => clock.Elapsed });

        // How long the solve takes against its limit is measured in bench/ (plan compute), not asserted here: a
        // wall-clock assertion failed on a busy machine (2.69 s, 2026-12-06) while the answer was right.
        Assert.Contains(schedule.Status, new[] { ScheduleStatus.Feasible, ScheduleStatus.Optimal });
        Assert.Empty(ScheduleChecker.Check(problem, schedule.Tasks));
        Assert.True(schedule.LowerBound <= schedule.Makespan, $"bound {schedule.LowerBound} above makespan {schedule.Makespan}");
    }

    [Fact]
    public void Solve_LimitSpentBeforeTheSolveBegins_StillTheHeuristicsScheduleAtLeast()
    {
        // A caller's clock already days past the limit (a test clock that jumps, a machine that stalled): the heuristic
        // stops at once and CP-SAT gets its minimum; the answer is still a schedule that keeps every constraint.
        var problem = TwoThousandTasks();
        var schedule = CpSatScheduler.Solve(problem, new SolveOptions(TimeSpan.FromSeconds(5)) { Elapsed = () => TimeSpan.FromDays(3) });

        Assert.True(schedule.Status is ScheduleStatus.Feasible or ScheduleStatus.Optimal, schedule.Status.ToString());
        Assert.Equal(problem.Tasks.Count, schedule.Tasks.Count);
        Assert.Empty(ScheduleChecker.Check(problem, schedule.Tasks));
        Assert.True(schedule.LowerBound <= schedule.Makespan, $"bound {schedule.LowerBound} above makespan {schedule.Makespan}");
    }

    [Theory]
    [InlineData(10, true, "max_deterministic_time:20 max_time_in_seconds:10")]
    [InlineData(0.5, true, "max_deterministic_time:1 max_time_in_seconds:0.5")]
    [InlineData(30, false, "max_time_in_seconds:30")]
    public void Parameters_TimeLimit_WallClockCapIsTheLimit(double seconds, bool deterministic, string expected)
    {
        var text = CpSatScheduler.Parameters(new SolveOptions(TimeSpan.FromSeconds(seconds), Deterministic: deterministic));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Equal(deterministic, text.Contains("max_deterministic_time", StringComparison.Ordinal));
    }

    /// <summary>A random problem: tasks with earlier tasks as predecessors, renewable resources, some releases.</summary>
    internal static SchedulingProblem Random(Random random, int tasks, int resources)
    {
        var rs = Enumerable.Range(0, resources).Select(r => new Resource("r" + r, random.Next(1, 4), [])).ToArray();
        var ts = new List<SchedulingTask>();
        for (var i = 0; i < tasks; i++)
        {
            var after = Enumerable.Range(0, i).Where(_ => random.Next(4) == 0).Select(k => "t" + k).ToArray();
            var uses = rs.Where(_ => random.Next(2) == 0).ToDictionary(r => r.Id, r => random.Next(0, r.Capacity + 1));
            var release = random.Next(5) == 0 ? random.Next(0, 4) : (int?)null;
            ts.Add(new SchedulingTask("t" + i, random.Next(0, 5), uses, after, release));
        }

        return new SchedulingProblem(rs, ts, Objective.Makespan, ObjectiveWeights.Default);
    }
}
