using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;
using Aufsicht.Features.Plans;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Aufsicht.Tests.Plans;

[Trait("Category", "Database")]
public sealed class PlanStoreTestsOnSqlite : PlanStoreTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class PlanStoreTestsOnPostgres : PlanStoreTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// From the inventory to a computed plan on each database: packages generated and stored, the computed months keep the
/// migration's rules (checked by the Core's independent <see cref="ScheduleCheck"/>), and re-computing keeps a package
/// that has begun where it began.
/// </summary>
public abstract class PlanStoreTests : IAsyncLifetime
{
    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database);
        await PlanTestData.ImportInventoryAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateAndCompute_PackagesStoredAndPlanned_RulesHold_BegunPackageStaysFixed()
    {
        var plan = await PlanTestData.CreatePlanAsync(_server);
        using var scope = _server.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<PlanStore>();

        var computed = await store.ComputeAsync(plan, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.True(computed.IsOk, string.Join("; ", computed.Errors));
        Assert.Contains(computed.Value.Status, new[] { ScheduleStatus.Optimal, ScheduleStatus.Feasible });

        var rows = _server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == plan).OrderBy(p => p.Id).ToList());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotNull(r.PlannedStart));
        Assert.Contains(rows, r => r.Phase == "cancellation");
        Assert.Contains(rows, r => r.Pillar == Pillar.OperatingSystem);

        // The stored months, read back as a schedule, break none of the migration's rules (licences after the last
        // user, the operating system after the office suite, capacities).
        var start = new YearMonth(2027, 1);
        var packages = rows.Select(PlanRows.ToPackage).ToList();
        // Capacities in persons, counted as person-days per month like the packages' demands.
        var capacities = scope.ServiceProvider.GetRequiredService<MigrationData>().Parameters.PersonDays(PlanTestData.Draft().Capacities.ByResource);
        Assert.Equal(6 * scope.ServiceProvider.GetRequiredService<MigrationData>().Parameters.WorkdaysPerMonth, capacities["team"]);
        var problem = MigrationProblem.Build(packages, capacities, MigrationCalendar.GoLiveBlackouts(start, 15), start, Objective.Makespan, []).Value;
        var schedule = new Schedule(ScheduleStatus.Feasible,
            rows.Select(r => new ScheduledTask(r.Key, start.MonthsUntil(YearMonth.Of(r.PlannedStart!.Value)), start.MonthsUntil(YearMonth.Of(r.PlannedEnd!.Value)))).ToList(),
            null, null, null, null, null, []);
        Assert.Empty(ScheduleCheck.Violations(packages, problem, schedule));
        foreach (var body in rows.Where(r => r.Pillar == Pillar.OperatingSystem).Select(r => r.BodyId).Distinct())
        {
            var officeEnd = rows.Where(r => r.BodyId == body && r.Pillar == Pillar.Office && r.Phase is "pilot" or "cohort").Max(r => r.PlannedEnd!.Value);
            var osPilot = rows.Single(r => r.BodyId == body && r.Pillar == Pillar.OperatingSystem && r.Phase == "pilot").PlannedStart!.Value;
            Assert.True(osPilot >= officeEnd, $"body {body}: the OS pilot starts {osPilot}, before its office roll-out ended {officeEnd}");
        }

        // A package that began in a month other than planned stays there when re-computed.
        var begun = rows.First(r => r.Phase == "preparation");
        var began = begun.PlannedStart!.Value.AddMonths(2);
        _server.Db(db => db.PlanPackages.Where(p => p.Id == begun.Id).ExecuteUpdate(s => s.SetProperty(p => p.ActualStart, began)));
        using var next = _server.Services.CreateScope(); // a new request, as on the page
        var again = await next.ServiceProvider.GetRequiredService<PlanStore>().ComputeAsync(plan, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.True(again.IsOk, string.Join("; ", again.Errors));
        Assert.Equal(began, _server.Db(db => db.PlanPackages.AsNoTracking().Single(p => p.Id == begun.Id).PlannedStart));
    }

    [Fact]
    public async Task Compute_LimitSpentOnTheStoresClockBeforeTheSearch_TheSolverCountsIt_AFeasiblePlanIsStoredAnyway()
    {
        // Every timestamp of this clock is an hour after the last: by the time the solver asks, the 5 s limit is long
        // spent. The solver must count on the store's clock (the limit covers what the store did before it), and a limit
        // spent early still gives a schedule (at worst the heuristic's), stored, not an empty answer.
        long planId;
        using (var scope = _server.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<PlanStore>()
                .CreateAsync(new PlanDraft("Knapp", null, new YearMonth(2027, 1), Objective.Makespan, new PlanCapacities(6, 2, 2), null), "test", CancellationToken.None);
            Assert.True(created.IsOk, string.Join("; ", created.Errors));
            planId = created.Value;
        }

        var clock = new HourPerReadClock(_server.Services.GetRequiredService<TimeProvider>());
        using (var scope = _server.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var store = new PlanStore(services.GetRequiredService<Aufsicht.Data.AufsichtDb>(), services.GetRequiredService<Aufsicht.Features.Catalog.CatalogStore>(),
                services.GetRequiredService<MigrationData>(), clock);
            var options = store.SolveOptionsFor(TimeSpan.FromSeconds(5), clock.GetTimestamp());
            Assert.NotNull(options.Elapsed);
            Assert.True(options.Elapsed() >= TimeSpan.FromHours(1), $"elapsed {options.Elapsed()}: not read from the store's clock");

            var computed = await store.ComputeAsync(planId, TimeSpan.FromSeconds(5), CancellationToken.None);
            Assert.True(computed.IsOk, string.Join("; ", computed.Errors));
            Assert.True(computed.Value.Status is ScheduleStatus.Optimal or ScheduleStatus.Feasible, computed.Value.Status.ToString());
        }

        var rows = _server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == planId).ToList());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotNull(r.PlannedStart));
        Assert.True(_server.Db(db => db.MigrationPlans.AsNoTracking().Single(p => p.Id == planId).SolveStatus) is "optimal" or "feasible");
    }

    [Fact]
    public async Task Compute_MonthsAfterThePlanStarted_WhatHasNotBegunIsPlannedFromTheCurrentMonth_BegunStays()
    {
        // The plan starts in 01/2027; it is June 2027 now, one preparation began in 02/2027 and nothing else.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 6, 15, 9, 0, 0, TimeSpan.Zero));
        await using var server = await SurveyServer.StartAsync(Database, clock);
        await PlanTestData.ImportInventoryAsync(server);

        var planId = await PlanTestData.CreatePlanAsync(server, PlanTestData.Draft("Neuplanung"));

        var begun = server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == planId && p.Phase == "preparation").OrderBy(p => p.Id).First());
        server.Db(db => db.PlanPackages.Where(p => p.Id == begun.Id).ExecuteUpdate(s => s.SetProperty(p => p.ActualStart, new DateOnly(2027, 2, 1))));
        using (var scope = server.Services.CreateScope())
        {
            var computed = await scope.ServiceProvider.GetRequiredService<PlanStore>().ComputeAsync(planId, TimeSpan.FromSeconds(5), CancellationToken.None);
            Assert.True(computed.IsOk, string.Join("; ", computed.Errors));
        }

        var rows = server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == planId).ToList());
        Assert.Equal(new DateOnly(2027, 2, 1), rows.Single(r => r.Id == begun.Id).PlannedStart);
        Assert.All(rows.Where(r => r.Id != begun.Id), r => Assert.True(r.PlannedStart >= new DateOnly(2027, 6, 1), $"{r.Key} planned from {r.PlannedStart}"));
    }

    [Fact]
    public async Task Pages_InGerman_CreateAndCompute_ShowMonthsAndReasons_NoKeyNorPackageId_ReaderMayNotCompute()
    {
        var session = _server.NewSession();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await session.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password)).Status);
        var (status, _, location) = await session.PostFormAsync("/migration/plaene", "/migration/plaene", new Dictionary<string, string>
        {
            ["name"] = "Zeitschiene 2027",
            ["start"] = "01.2027",
            ["objective"] = "makespan",
            ["team"] = "6",
            ["trainers"] = "2",
            ["support"] = "2",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, status);
        var planPath = location!.OriginalString;
        var (computed, _, _) = await session.PostFormAsync(planPath, planPath + "?handler=Compute", new Dictionary<string, string> { ["seconds"] = "3" });
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, computed);
        // The worker computes it in the background: wait (two minutes at most) until the plan is no longer queued or running.
        var planId = long.Parse(planPath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 600 && _server.Db(db => db.MigrationPlans.AsNoTracking().Single(p => p.Id == planId).ComputeState) is Aufsicht.Data.PlanComputeState.Queued or Aufsicht.Data.PlanComputeState.Running; i++)
        {
            await Task.Delay(200);
        }

        var state = _server.Db(db => db.MigrationPlans.AsNoTracking().Single(p => p.Id == planId));
        Assert.True(state.ComputeState == Aufsicht.Data.PlanComputeState.None && state.SolvedAt is not null, $"not computed within two minutes: {state.ComputeState}, {state.ComputeError}");

        var page = (await session.GetAsync(planPath)).Body;
        Assert.Contains("Meilensteine je Säule", page, StringComparison.Ordinal);
        Assert.Contains("Grundschule Am Deich: Bürosoftware – Pilot", page, StringComparison.Ordinal);
        Assert.Contains("wartet auf „Grundschule Am Deich: Bürosoftware – Vorbereitung“", page, StringComparison.Ordinal);
        Assert.Matches(@">0[1-9]/2027<|>1[0-2]/2027<", page);
        Assert.DoesNotContain("plans.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("migration.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/office/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-0", page, StringComparison.Ordinal);

        var (_, badPage, _) = await session.PostFormAsync("/migration/plaene", "/migration/plaene", new Dictionary<string, string>
        {
            ["name"] = "x",
            ["start"] = "13.2027",
            ["team"] = "6",
            ["trainers"] = "2",
            ["support"] = "2",
        });
        Assert.Contains("„13.2027“ ist kein Monat", badPage, StringComparison.Ordinal);

        var reader = _server.NewSession();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password)).Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync(planPath)).Status);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await reader.PostFormAsync(planPath, planPath + "?handler=Compute", new Dictionary<string, string> { ["seconds"] = "1" })).Status);
    }

    [Fact]
    public async Task Create_BadInput_NamesEveryField_WritesNothing()
    {
        using var scope = _server.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<PlanStore>();
        var result = await store.CreateAsync(new PlanDraft(" ", "no-such-authority", new YearMonth(2027, 1), Objective.Cost, new PlanCapacities(0, 1, 1), "nothing"), "test", CancellationToken.None);

        Assert.False(result.IsOk);
        Assert.Equal(["name", "authority", "team", "bundle"], result.Errors.Select(e => e.Field).ToArray());
        Assert.Equal(0, _server.Db(db => db.MigrationPlans.Count()));
        var missing = await store.ComputeAsync(4711, TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Equal(Aufsicht.Core.ErrorKind.NotFound, missing.Errors.Single().Kind);
    }
}

/// <summary>A clock whose every timestamp is an hour after the one before; the time of day is another clock's.</summary>
internal sealed class HourPerReadClock(TimeProvider wall) : TimeProvider
{
    private long _reads;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => wall.GetUtcNow();

    public override long GetTimestamp() => Interlocked.Increment(ref _reads) * TimeSpan.TicksPerHour;
}
