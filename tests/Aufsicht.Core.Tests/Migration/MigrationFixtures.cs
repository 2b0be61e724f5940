using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;

namespace Aufsicht.Core.Tests.Migration;

/// <summary>
/// The small inventory of the migration tests: ministry 1 with office 2 below it; the ministry moves office suite,
/// operating system and mail (100 each), the office its office suite (30); one incompatible macro at the ministry.
/// Round parameters, so every count and duration can be worked out by hand.
/// </summary>
internal static class MigrationFixtures
{
    public static readonly YearMonth PlanStart = new(2027, 1);

    public static PlanningParameters Parameters => new(
        EffortPerUnit: Enum.GetValues<Pillar>().ToDictionary(p => p, _ => 0.5m),
        PreparationDays: 10m,
        MakeCompatibleDays: 20m,
        ReplaceDays: 100m,
        AssessDays: 2m,
        PilotShare: 0.1m,
        PilotMinimum: 10,
        CohortSize: 50,
        TrainingDaysPerUser: 1m,
        TraineesPerTrainerDay: 10m,
        ParallelMonths: 2,
        SupportPerThousand: 10m,
        WorkdaysPerMonth: 20,
        TeamCrew: 2,
        TrainerCrew: 1,
        DefaultNoticeMonths: 3,
        DayRateCents: 50_000,
        OneOffPerUnitCents: 1_000,
        RunningPerUnitMonthCents: 100,
        LicencePerUnitYearCents: 12_000);

    public static ProductLine Line(long body, string product, Pillar pillar, int workplaces = 0, int users = 0, int mailboxes = 0, long? licence = 15_000, DateOnly? contractEnd = null, int? notice = null) =>
        new(body, product, pillar, workplaces, users, mailboxes, null, licence, contractEnd, notice, InventorySource.Browser);

    public static Inventory Small(long? officeLicence = 15_000) => new(
        [new InventoryBody(1, "Ministerium", null), new InventoryBody(2, "Landesamt", 1)],
        [
            Line(1, "microsoft-office", Pillar.Office, workplaces: 100, licence: officeLicence, contractEnd: new DateOnly(2027, 12, 31)),
            Line(1, "windows-10", Pillar.OperatingSystem, workplaces: 100, contractEnd: new DateOnly(2028, 6, 30), notice: 6),
            Line(1, "exchange-server", Pillar.Mail, users: 100, mailboxes: 100),
            Line(2, "microsoft-office", Pillar.Office, workplaces: 30, contractEnd: new DateOnly(2027, 12, 31)),
        ],
        [new ApplicationEntry(1, "Haushalts-Makro", ApplicationKind.Macro, new HashSet<Dependency> { Dependency.OfficeSuite }, Compatibility.Incompatible, 12, InventorySource.Browser)]);

    /// <summary>Every line moves to a green target (the target ids do not matter to the generator).</summary>
    public static IReadOnlyList<TargetChoice> AllMove(Inventory inventory) =>
        inventory.Products.Select(l => new TargetChoice(l, TargetStatus.Migrate, "target", null, null, null)).ToList();

    public static IReadOnlyList<WorkPackage> Generate(Inventory? inventory = null, PlanningParameters? parameters = null)
    {
        var i = inventory ?? Small();
        return WorkPackageGenerator.Generate(i, AllMove(i), parameters ?? Parameters);
    }

    public static Dictionary<string, int> Capacities(int team = 100, int trainers = 100, int support = 100) =>
        new() { ["team"] = team, ["trainers"] = trainers, ["support"] = support };

    public static SchedulingProblem Problem(IReadOnlyList<WorkPackage> packages, Dictionary<string, int>? capacities = null, IReadOnlyList<PackageProgress>? progress = null, MigrationCalendar? calendar = null)
    {
        var built = MigrationProblem.Build(packages, capacities ?? Capacities(), calendar ?? MigrationCalendar.None, PlanStart, Objective.Makespan, progress ?? []);
        return built.IsOk ? built.Value : throw new InvalidOperationException(string.Join("; ", built.Errors));
    }

    /// <summary>
    /// Every task as early as its predecessors, release, fixed start and allowed starts let it (capacities ignored):
    /// a stand-in for the solver, enough to test the structure of the problem and the checks on a schedule.
    /// </summary>
    public static Schedule Earliest(SchedulingProblem problem)
    {
        var byId = problem.Tasks.ToDictionary(t => t.Id);
        var placed = new Dictionary<string, ScheduledTask>();
        ScheduledTask Place(SchedulingTask task)
        {
            if (placed.TryGetValue(task.Id, out var done))
            {
                return done;
            }

            var start = task.FixedStart ?? Math.Max(task.Release ?? 0, task.After.Select(a => Place(byId[a]).End).DefaultIfEmpty(0).Max());
            if (task.FixedStart is null && task.AllowedStarts is { } allowed)
            {
                start = allowed.First(s => s >= start);
            }

            return placed[task.Id] = new ScheduledTask(task.Id, start, start + task.Duration);
        }

        var tasks = problem.Tasks.Select(Place).ToList();
        return new Schedule(ScheduleStatus.Feasible, tasks, tasks.Select(t => t.End).DefaultIfEmpty(0).Max(), null, null, null, null, []);
    }

    public static Schedule Moved(Schedule schedule, string id, int start)
    {
        var tasks = schedule.Tasks.Select(t => t.Id == id ? new ScheduledTask(id, start, start + (t.End - t.Start)) : t).ToList();
        return schedule with { Tasks = tasks };
    }
}
