using Aufsicht.Core.Scheduling;
using Xunit;
using static Aufsicht.Core.Tests.Scheduling.ProblemCheckTests;

namespace Aufsicht.Core.Tests.Scheduling;

/// <summary>
/// The lower bound that sees allowed starts, fixed starts and deadlines: hand-computed cases, and soundness against an
/// exhaustive search on random small problems (every optimum found there also passes the independent checker).
/// </summary>
[Trait("Category", "Unit")]
public sealed class DeadlineBoundTests
{
    private static Dictionary<string, int> Team(int demand) => new() { ["team"] = demand };

    /// <summary>The old bound the scheduler starts from: the critical path and the energy from period 0.</summary>
    private static int OldBound(SchedulingProblem problem, TimeWindows windows)
    {
        var bound = windows.CriticalPath(problem);
        foreach (var resource in problem.Resources)
        {
            var work = problem.Tasks.Sum(t => (long)t.Duration * t.Uses.GetValueOrDefault(resource.Id));
            long offered = 0;
            var t = 0;
            while (offered < work)
            {
                offered += ScheduleChecker.CapacityAt(resource, t++);
            }

            bound = Math.Max(bound, t);
        }

        return bound;
    }

    public static TheoryData<string, SchedulingProblem, int, int> Cases => new()
    {
        // Two roll-outs of 3 on one team (energy 6), then the cancellation at an anniversary 4, 10 or 16: 4 is too
        // early for both, so it takes 10 and ends at 11 — the optimum.
        {
            "anniversary after the roll-outs",
            P([T("a", 3, uses: Team(1)), T("b", 3, uses: Team(1)), T("c", 1, ["a", "b"]) with { AllowedStarts = [4, 10, 16] }], new Resource("team", 1, [])),
            6, 11
        },
        // The team is away in periods 2–4: the work of 4 fits by 7 (old), but the anniversary 4 needs it by 4, so 8 → 9.
        {
            "blackout before the anniversary",
            P([T("a", 2, uses: Team(1)), T("b", 2, uses: Team(1)), T("c", 1, ["a", "b"]) with { AllowedStarts = [4, 8, 12] }], new Resource("team", 1, [new CapacityWindow(2, 5, 0)])),
            7, 9
        },
        // f has begun at 2 and runs to 4; g may start at 2: from 2 on the team has 5 periods of work, so not before 7.
        {
            "fixed start in the way",
            P([T("f", 2, uses: Team(1)) with { FixedStart = 2 }, T("g", 3, uses: Team(1)) with { Release = 2 }], new Resource("team", 1, [])),
            5, 7
        },
        // a must run in [2, 4); b from 1 on: 5 periods of work from 1, so at least 6 (the optimum is 7: no preemption).
        {
            "deadline and release",
            P([T("a", 2, uses: Team(1)) with { Release = 2, Deadline = 4 }, T("b", 3, uses: Team(1)) with { Release = 1 }], new Resource("team", 1, [])),
            5, 6
        },
        // Nothing but precedences and one resource: nothing to add to the energy bound (the optimum is 7).
        {
            "nothing special",
            P([T("a", 3, uses: Team(2)), T("b", 2, uses: Team(1)), T("c", 2, uses: Team(1)), T("d", 2, ["a"], Team(1))], new Resource("team", 2, [])),
            6, 6
        },
        // The deadline of the cancellation caps the roll-outs as an anniversary does: a and b must end by 5, and they can.
        {
            "deadline met",
            P([T("a", 2, uses: Team(1)), T("b", 3, uses: Team(1)), T("c", 1, ["a", "b"]) with { Deadline = 6 }], new Resource("team", 1, [])),
            5, 6
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_HandWorkedCase_GivesTheBound(string name, SchedulingProblem problem, int old, int expected)
    {
        Assert.Empty(ProblemCheck.Check(problem));
        var windows = TimeWindows.Compute(problem);
        Assert.Empty(windows.Conflicts);
        Assert.Equal(old, OldBound(problem, windows));
        Assert.True(expected == DeadlineBound.Compute(problem, windows, old), name);
        Assert.True(DeadlineBound.Compute(problem, windows, old) <= Exhaustive(problem, 30).Makespan, name);
    }

    [Fact]
    public void Compute_StartAboveTheCondition_KeepsTheStart()
    {
        var problem = P([T("a", 3, uses: Team(1)), T("c", 1, ["a"]) with { AllowedStarts = [4, 10] }], new Resource("team", 1, []));
        var windows = TimeWindows.Compute(problem);
        Assert.Equal(5, DeadlineBound.Compute(problem, windows, 0));
        Assert.Equal(9, DeadlineBound.Compute(problem, windows, 9));
    }

    [Fact]
    public void Applies_OnlyWithAllowedStartsFixedStartsOrDeadlines()
    {
        Assert.False(DeadlineBound.Applies(P([T("a", 1) with { Release = 3 }])));
        Assert.True(DeadlineBound.Applies(P([T("a", 1) with { AllowedStarts = [3] }])));
        Assert.True(DeadlineBound.Applies(P([T("a", 1) with { FixedStart = 3 }])));
        Assert.True(DeadlineBound.Applies(P([T("a", 1) with { Deadline = 3 }])));
    }

    [Fact]
    public void Compute_RandomSmallProblems_NeverAboveTheExhaustiveOptimumAndMonotone()
    {
        var feasible = 0;
        var raised = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var problem = RandomProblem(random);
            if (ProblemCheck.Check(problem).Count > 0 || TimeWindows.Compute(problem).Conflicts.Count > 0)
            {
                continue;
            }

            var windows = TimeWindows.Compute(problem);
            var old = OldBound(problem, windows);
            var bound = DeadlineBound.Compute(problem, windows, old);
            var (optimum, schedule) = Exhaustive(problem, Limit);
            if (optimum is null)
            {
                continue;
            }

            feasible++;
            Assert.Empty(ScheduleChecker.Check(problem, schedule!));
            Assert.True(bound <= optimum, $"seed {seed}: bound {bound} above the optimum {optimum}");
            Assert.True(bound >= old, $"seed {seed}: bound {bound} below the start {old}");
            Assert.True(DeadlineBound.Holds(problem, windows, optimum.Value), $"seed {seed}: the condition fails at the optimum {optimum}");
            for (var t = bound; t < Limit; t++)
            {
                Assert.True(DeadlineBound.Holds(problem, windows, t), $"seed {seed}: holds at {bound}, fails at {t}");
            }

            raised += bound > old ? 1 : 0;
        }

        // Enough problems were solved, and the new bound said more than the old one on some of them.
        Assert.True(feasible >= 250, $"only {feasible} feasible problems");
        Assert.True(raised >= 30, $"raised the bound on only {raised}");
    }

    private const int Limit = 22;

    private static SchedulingProblem RandomProblem(Random random)
    {
        var capacity = random.Next(1, 4);
        var calendar = random.Next(3) == 0 ? new[] { new CapacityWindow(random.Next(1, 5), random.Next(5, 9), random.Next(0, capacity)) } : [];
        var resources = new List<Resource> { new("team", capacity, calendar) };
        if (random.Next(2) == 0)
        {
            resources.Add(new Resource("trainers", random.Next(1, 3), []));
        }

        var n = random.Next(4, 9);
        var tasks = new List<SchedulingTask>();
        for (var i = 0; i < n; i++)
        {
            var uses = new Dictionary<string, int>();
            foreach (var resource in resources)
            {
                if (random.Next(3) > 0)
                {
                    uses[resource.Id] = random.Next(1, ProblemCheck.Highest(resource) + 1);
                }
            }

            var after = Enumerable.Range(0, i).Where(_ => random.Next(4) == 0).Select(p => "t" + p).ToArray();
            var task = new SchedulingTask("t" + i, random.Next(0, 4), uses, after);
            switch (random.Next(6))
            {
                case 0:
                    task = task with { Release = random.Next(0, 5) };
                    break;
                case 1:
                    task = task with { AllowedStarts = [.. Enumerable.Range(0, 4).Select(_ => random.Next(0, 16)).Distinct().Order()] };
                    break;
                case 2:
                    task = task with { Deadline = random.Next(task.Duration + 2, 18) };
                    break;
                case 3:
                    task = task with { FixedStart = random.Next(0, 6), After = [] };
                    break;
                case 4:
                    task = task with { Uses = new Dictionary<string, int>(), AllowedStarts = [random.Next(2, 8), random.Next(8, 14)] };
                    break;
                default:
                    break;
            }

            tasks.Add(task);
        }

        return new SchedulingProblem(resources, tasks, Objective.Makespan, ObjectiveWeights.Default);
    }

    /// <summary>
    /// The optimal makespan by exhaustive search: every task at every start its dates and predecessors allow, in the
    /// order of the time windows, the resources counted per period, cut only where the makespan reaches the best found.
    /// </summary>
    private static (int? Makespan, ScheduledTask[]? Schedule) Exhaustive(SchedulingProblem problem, int limit)
    {
        var windows = TimeWindows.Compute(problem);
        var tasks = problem.Tasks;
        var index = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var usage = problem.Resources.ToDictionary(r => r.Id, _ => new int[limit]);
        var start = new int[tasks.Count];
        var best = limit + 1;
        int[]? found = null;

        void Place(int k, int makespan)
        {
            if (k == windows.Order.Count)
            {
                best = makespan;
                found = [.. start];
                return;
            }

            var i = windows.Order[k];
            var task = tasks[i];
            var earliest = task.Release ?? 0;
            foreach (var p in task.After)
            {
                earliest = Math.Max(earliest, start[index[p]] + tasks[index[p]].Duration);
            }

            for (var s = earliest; s + task.Duration <= limit && Math.Max(makespan, s + task.Duration) < best; s++)
            {
                if ((task.FixedStart is { } f && s != f) || (task.AllowedStarts is { } a && !a.Contains(s)) || (task.Deadline is { } d && s + task.Duration > d))
                {
                    continue;
                }

                if (!Fits(problem, usage, task, s))
                {
                    continue;
                }

                Use(usage, task, s, 1);
                start[i] = s;
                Place(k + 1, Math.Max(makespan, s + task.Duration));
                Use(usage, task, s, -1);
                if (task.Duration == 0 || task.Uses.Values.All(q => q == 0))
                {
                    // A task that takes no resource is best at its earliest start: later only delays its successors.
                    break;
                }
            }
        }

        Place(0, 0);
        return found is null ? (null, null) : (best, [.. tasks.Select((t, i) => new ScheduledTask(t.Id, found[i], found[i] + t.Duration))]);
    }

    private static bool Fits(SchedulingProblem problem, Dictionary<string, int[]> usage, SchedulingTask task, int start)
    {
        foreach (var (r, q) in task.Uses)
        {
            var resource = problem.Resources.Single(x => x.Id == r);
            for (var t = start; t < start + task.Duration; t++)
            {
                if (usage[r][t] + q > ScheduleChecker.CapacityAt(resource, t))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void Use(Dictionary<string, int[]> usage, SchedulingTask task, int start, int sign)
    {
        foreach (var (r, q) in task.Uses)
        {
            for (var t = start; t < start + task.Duration; t++)
            {
                usage[r][t] += sign * q;
            }
        }
    }
}
