using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;
using Xunit;
using static Aufsicht.Core.Tests.Migration.MigrationFixtures;

namespace Aufsicht.Core.Tests.Migration;

/// <summary>
/// The scheduling problem of a migration: periods as months, cancellations at contract ends with the licence cost,
/// progress fixed, blackouts as capacity windows; and the independent check of a schedule against the migration's rules.
/// </summary>
[Trait("Category", "Unit")]
public sealed class MigrationProblemTests
{
    private static readonly IReadOnlyList<WorkPackage> Packages = Generate();

    [Theory]
    [InlineData(0, 2027, 1)]
    [InlineData(11, 2027, 12)]
    [InlineData(12, 2028, 1)]
    [InlineData(-1, 2026, 12)]
    public void MonthOf_Period_YearAndMonth_AndBack(int period, int year, int month)
    {
        Assert.Equal(new YearMonth(year, month), MigrationProblem.MonthOf(PlanStart, period));
        Assert.Equal(period, MigrationProblem.PeriodOf(PlanStart, new YearMonth(year, month)));
    }

    [Theory]
    // Contract ends 30 June 2027: the first month without licence is July 2027 = period 6, then every twelve months.
    [InlineData("2027-06-30", 40, "6 18 30")]
    // Ended before the plan: the next anniversary from period 0 (April 2027).
    [InlineData("2026-03-31", 30, "3 15 27")]
    [InlineData("2026-12-31", 12, "0 12")]
    public void CancellationPeriods_ContractEnd_MonthAfterAndAnniversaries(string contractEnd, int horizon, string expected) =>
        Assert.Equal(expected, string.Join(' ', MigrationProblem.CancellationPeriods(PlanStart, DateOnly.Parse(contractEnd, System.Globalization.CultureInfo.InvariantCulture), horizon)));

    [Fact]
    public void Build_Packages_OneTaskEach_SameIdsDurationsUsesAndAfter()
    {
        var problem = Problem(Packages);
        Assert.Equal(Packages.Select(p => (p.Id, p.Duration, string.Join(',', p.After))), problem.Tasks.Select(t => (t.Id, t.Duration, string.Join(',', t.After))));
        Assert.All(problem.Tasks, t => Assert.Equal(Packages.Single(p => p.Id == t.Id).Uses, t.Uses));
        Assert.Equal(["support", "team", "trainers"], problem.Resources.Select(r => r.Id));
        Assert.True(problem.Horizon >= Packages.Sum(p => p.Duration));
    }

    [Fact]
    public void Build_Cancellation_AllowedAtContractEndsAndCostsTheMonthlyLicence()
    {
        var task = Problem(Packages).Tasks.Single(t => t.Id == "b1/office/cancel-microsoft-office");
        // Contract end 31 December 2027: January 2028 = period 12, and every year after; €15,000 a year = €1,250 a month.
        Assert.Equal([12, 24, 36], task.AllowedStarts!.Take(3));
        Assert.Equal(125_000, task.CostPerPeriod);
        var noEnd = Problem(Packages).Tasks.Single(t => t.Id == "b1/mail/cancel-exchange-server");
        Assert.Null(noEnd.AllowedStarts);
        Assert.Equal(0, Problem(Packages).Tasks.Where(t => !t.Id.Contains("/cancel-", StringComparison.Ordinal)).Sum(t => t.CostPerPeriod));
    }

    [Fact]
    public void Build_MonthlyLicence_RoundedHalfUp()
    {
        var packages = Packages.Select(p => p.Id == "b1/mail/cancel-exchange-server" ? p with { LicenceCentsPerYear = 18 } : p).ToList();
        // 18 / 12 = 1.5 cents → 2.
        Assert.Equal(2, Problem(packages).Tasks.Single(t => t.Id == "b1/mail/cancel-exchange-server").CostPerPeriod);
    }

    [Theory]
    // Begun and ended after the plan's start: its start and its actual duration (March to April: 2 months).
    [InlineData("b1/office/prepare", "2027-03", "2027-04", 2, 2)]
    // Begun before the plan's start, still running: period 0 with what is left of its planned duration (3 − 2, at least 1).
    [InlineData("b1/specialised-applications/replace-haushalts-makro", "2026-11", null, 0, 1)]
    // Done before the plan's start: nothing left.
    [InlineData("b1/office/training-pilot", "2026-10", "2026-11", 0, 0)]
    // Running since the plan's start: its planned duration.
    [InlineData("b1/office/pilot", "2027-01", null, 0, 1)]
    public void Build_Progress_FixedStartAndDurationKept(string id, string start, string? end, int fixedStart, int duration)
    {
        static YearMonth Ym(string s) => new(int.Parse(s[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(s[5..], System.Globalization.CultureInfo.InvariantCulture));
        var problem = Problem(Packages, progress: [new PackageProgress(id, Ym(start), end is null ? null : Ym(end))]);
        var task = problem.Tasks.Single(t => t.Id == id);
        Assert.Equal((fixedStart, duration), (task.FixedStart, task.Duration));
        Assert.All(problem.Tasks.Where(t => t.Id != id), t => Assert.Null(t.FixedStart));
        // The stand-in scheduler keeps it where it was.
        Assert.Equal(fixedStart, Earliest(problem).Tasks.Single(t => t.Id == id).Start);
    }

    [Fact]
    public void Build_Today_WhatHasNotBegunStartsNoEarlierThanTheCurrentMonth_BegunStaysWhereItBegan()
    {
        var today = PlanStart.Plus(5);
        var built = MigrationProblem.Build(Packages, Capacities(), MigrationCalendar.None, PlanStart, Objective.Makespan,
            [new PackageProgress("b1/office/prepare", PlanStart, PlanStart)], [new PackageDates("b1/mail/pilot", PlanStart.Plus(8), null)], today: today);
        var problem = built.Value;
        Assert.Equal((0, (int?)null), (problem.Tasks.Single(t => t.Id == "b1/office/prepare").FixedStart!.Value, problem.Tasks.Single(t => t.Id == "b1/office/prepare").Release));
        Assert.Equal(8, problem.Tasks.Single(t => t.Id == "b1/mail/pilot").Release);
        Assert.All(problem.Tasks.Where(t => t.FixedStart is null), t => Assert.True(t.Release >= 5, t.Id));
        var earliest = Earliest(problem);
        Assert.All(earliest.Tasks.Where(t => t.Id != "b1/office/prepare"), t => Assert.True(t.Start >= 5, t.Id));
    }

    [Fact]
    public void Build_TodayBeforeThePlanStarts_ChangesNothing()
    {
        var built = MigrationProblem.Build(Packages, Capacities(), MigrationCalendar.None, PlanStart, Objective.Makespan, [], today: PlanStart.Plus(-3));
        Assert.All(built.Value.Tasks, t => Assert.Null(t.Release));
    }

    [Fact]
    public void Build_ProgressOfAnUnknownPackage_NotFoundNamingTheField()
    {
        var built = MigrationProblem.Build(Packages, Capacities(), MigrationCalendar.None, PlanStart, Objective.Cost, [new PackageProgress("b9/office/pilot", PlanStart, null)]);
        var error = Assert.Single(built.Errors);
        Assert.Equal((ErrorKind.NotFound, "progress[0].id", "migration.package.unknown"), (error.Kind, error.Field, error.Key));
    }

    [Fact]
    public void Build_MissingCapacity_InvalidNamingTheResource()
    {
        var built = MigrationProblem.Build(Packages, new Dictionary<string, int> { ["team"] = 4 }, MigrationCalendar.None, PlanStart, Objective.Cost, []);
        Assert.Equal(["support", "trainers"], built.Errors.Select(e => e.Args[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_Dates_ReleaseAndDeadline()
    {
        var built = MigrationProblem.Build(Packages, Capacities(), MigrationCalendar.None, PlanStart, Objective.Weighted, [],
            [new PackageDates("b1/office/pilot", new YearMonth(2027, 5), new YearMonth(2027, 12))]);
        var task = built.Value.Tasks.Single(t => t.Id == "b1/office/pilot");
        Assert.Equal((4, 12), (task.Release, task.Deadline));
        Assert.Equal(Objective.Weighted, built.Value.Objective);
    }

    [Fact]
    public void Build_GoLiveBlackouts_SupportZeroInAugustAndDecember()
    {
        var problem = Problem(Packages, calendar: MigrationCalendar.GoLiveBlackouts(PlanStart, 2));
        var support = problem.Resources.Single(r => r.Id == "support");
        Assert.Equal([new CapacityWindow(7, 8, 0), new CapacityWindow(11, 12, 0), new CapacityWindow(19, 20, 0), new CapacityWindow(23, 24, 0)], support.Calendar);
        Assert.Empty(problem.Resources.Single(r => r.Id == "team").Calendar);
    }

    [Fact]
    public void Build_OverlappingBlackouts_TheLowerCapacityAndOneWindowPerRun()
    {
        var calendar = new MigrationCalendar([new Blackout("team", new YearMonth(2027, 3), new YearMonth(2027, 5), 50), new Blackout("team", new YearMonth(2027, 4), new YearMonth(2027, 4), 10)]);
        var team = Problem(Packages, calendar: calendar).Resources.Single(r => r.Id == "team");
        Assert.Equal([new CapacityWindow(2, 3, 50), new CapacityWindow(3, 4, 10), new CapacityWindow(4, 5, 50)], team.Calendar);
    }

    [Fact]
    public void EarliestSchedule_EveryCancellation_AfterLastCohortPlusNotice_AtAContractEndMonth()
    {
        var problem = Problem(Packages);
        var schedule = Earliest(problem);
        Assert.Empty(ScheduleCheck.Violations(Packages, problem, schedule));
        var at = schedule.Tasks.ToDictionary(t => t.Id);
        foreach (var cancel in Packages.Where(p => p.Phase == Phase.Cancellation))
        {
            var lastUser = Packages.Where(p => p.BodyId == cancel.BodyId && p.Pillar == cancel.Pillar && p.IsRollOut).Max(p => at[p.Id].End);
            var notice = Packages.Single(p => p.BodyId == cancel.BodyId && p.Pillar == cancel.Pillar && p.Phase == Phase.Notice).Duration;
            Assert.True(at[cancel.Id].Start >= lastUser + notice, cancel.Id);
            if (cancel.ContractEnd is { } end)
            {
                Assert.Equal(end.Month % 12 + 1, MigrationProblem.MonthOf(PlanStart, at[cancel.Id].Start).Month);
            }
        }
    }

    [Theory]
    [InlineData("b1/office/cancel-microsoft-office", 1, "after allowed-start licence-before-last-user")]
    [InlineData("b1/operating-system/pilot", 1, "after os-before-application os-before-office")]
    [InlineData("b1/office/cohort-2", 0, "after")]
    public void Violations_TaskMovedEarlier_TheRulesItBreaks(string id, int start, string rules)
    {
        var problem = Problem(Packages);
        var moved = Moved(Earliest(problem), id, start);
        var found = ScheduleCheck.Violations(Packages, problem, moved).Where(v => v.Task == id).Select(v => v.Rule).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(rules.Split(' '), found);
    }

    [Fact]
    public void Violations_OverCapacity_NamesResourceAndPeriod()
    {
        var problem = Problem(Packages, Capacities(team: 2));
        var violations = ScheduleCheck.Violations(Packages, problem, Earliest(problem));
        Assert.Contains(violations, v => v.Task == "team" && v.Rule == "capacity" && v.Period == 0);
    }

    [Fact]
    public void Violations_TaskMissing_Reported()
    {
        var problem = Problem(Packages);
        var schedule = Earliest(problem);
        schedule = schedule with { Tasks = schedule.Tasks.Where(t => t.Id != "b2/office/rollback").ToList() };
        Assert.Contains(new RuleViolation("b2/office/rollback", "missing"), ScheduleCheck.Violations(Packages, problem, schedule));
    }
}
