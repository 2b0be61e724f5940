using Aufsicht.Core.Scheduling;
using Aufsicht.Scheduling;
using Xunit;
using static Aufsicht.Tests.Scheduling.SchedulingSamples;

namespace Aufsicht.Tests.Scheduling;

/// <summary>The deadline bound against CP-SAT's proven optima, and the scheduler's lower bound with it.</summary>
[Trait("Category", "Unit")]
public sealed class DeadlineBoundSolverTests
{
    private static readonly SolveOptions Short = new(TimeSpan.FromSeconds(2));

    [Fact]
    public void Solve_AnniversaryAfterTheRollOuts_BoundIsTheOptimum()
    {
        var problem = P([T("a", 3, uses: Uses("r", 1)), T("b", 3, uses: Uses("r", 1)), T("c", 1, ["a", "b"]) with { AllowedStarts = [4, 10, 16] }], new Resource("r", 1, []));
        var schedule = CpSatScheduler.Solve(problem, Short);
        Assert.Empty(ScheduleChecker.Check(problem, schedule.Tasks));
        Assert.Equal((ScheduleStatus.Optimal, (int?)11, (int?)11), (schedule.Status, schedule.Makespan, schedule.LowerBound));
    }

    [Fact]
    public void Compute_RandomProblemsWithDates_NeverAboveCpSatsProvenOptimum()
    {
        var proven = 0;
        for (var seed = 0; seed < 80; seed++)
        {
            var random = new Random(seed);
            var problem = WithDates(random);
            if (ProblemCheck.Check(problem).Count > 0 || TimeWindows.Compute(problem).Conflicts.Count > 0)
            {
                continue;
            }

            var schedule = CpSatScheduler.Solve(problem, Short);
            if (schedule.Status != ScheduleStatus.Optimal)
            {
                continue;
            }

            proven++;
            Assert.Empty(ScheduleChecker.Check(problem, schedule.Tasks));
            var bound = DeadlineBound.Compute(problem, TimeWindows.Compute(problem), 0);
            Assert.True(bound <= schedule.Makespan, $"seed {seed}: bound {bound} above the proven optimum {schedule.Makespan}");
            Assert.Equal(schedule.Makespan, schedule.LowerBound);
        }

        Assert.True(proven >= 40, $"only {proven} problems proven optimal");
    }

    /// <summary>6 to 10 tasks on one or two resources, some with a release, anniversaries, a deadline or a blackout.</summary>
    private static SchedulingProblem WithDates(Random random)
    {
        var capacity = random.Next(1, 4);
        var calendar = random.Next(3) == 0 ? new[] { new CapacityWindow(random.Next(1, 5), random.Next(5, 9), 0) } : [];
        var resources = new List<Resource> { new("r0", capacity, calendar), new("r1", random.Next(1, 3), []) };
        var tasks = new List<SchedulingTask>();
        var n = random.Next(6, 11);
        for (var i = 0; i < n; i++)
        {
            var after = Enumerable.Range(0, i).Where(_ => random.Next(4) == 0).Select(k => "t" + k).ToArray();
            var uses = resources.Where(_ => random.Next(2) == 0).ToDictionary(r => r.Id, r => random.Next(1, r.Capacity + 1));
            var task = new SchedulingTask("t" + i, random.Next(0, 5), uses, after);
            task = random.Next(5) switch
            {
                0 => task with { Release = random.Next(0, 6) },
                1 => task with { Uses = new Dictionary<string, int>(), AllowedStarts = [.. Enumerable.Range(0, 3).Select(k => random.Next(2, 6) + (k * 8))] },
                2 => task with { Deadline = random.Next(task.Duration + 4, 30) },
                _ => task,
            };
            tasks.Add(task);
        }

        return new SchedulingProblem(resources, tasks, Objective.Makespan, ObjectiveWeights.Default);
    }
}
