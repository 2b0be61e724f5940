using System.Net;
using System.Text.Json;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Plans;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Plans;

/// <summary>The status in words: the time alone when it was today in Berlin, with the date when not; both languages.</summary>
public sealed class PlanComputeDescribeTests
{
    private static readonly Aufsicht.Features.Shared.LocalDates Dates = new(Aufsicht.Features.Shared.LocalDates.Berlin);

    [Theory]
    [InlineData("2026-12-05T13:03:00Z", "2026-12-05T22:00:00Z", "de", "In der Warteschlange seit 14:03 Uhr – höchstens 20 Sekunden Rechenzeit")]
    [InlineData("2026-12-04T13:03:00Z", "2026-12-05T09:00:00Z", "de", "In der Warteschlange seit 04.12.2026, 14:03 Uhr – höchstens 20 Sekunden Rechenzeit")]
    [InlineData("2026-12-05T22:30:00Z", "2026-12-05T22:50:00Z", "de", "In der Warteschlange seit 23:30 Uhr – höchstens 20 Sekunden Rechenzeit")]
    [InlineData("2026-12-05T22:30:00Z", "2026-12-05T23:30:00Z", "de", "In der Warteschlange seit 05.12.2026, 23:30 Uhr – höchstens 20 Sekunden Rechenzeit")] // UTC's same day, Berlin's next
    [InlineData("2026-12-04T13:03:00Z", "2026-12-05T09:00:00Z", "en", "Queued since 4 Dec 2026, 14:03 – at most 20 seconds of computing time")]
    [InlineData("2026-12-05T13:03:00Z", "2026-12-05T13:04:00Z", "en", "Queued since 14:03 – at most 20 seconds of computing time")]
    public void Describe_Queued_DateOnlyWhenNotToday(string requested, string now, string language, string expected)
    {
        static DateTime Utc(string s) => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var status = new PlanComputeStatus(1, PlanComputeState.Queued, Utc(requested), null, 20, [], 0, null, null);
        Assert.Equal(expected, PlanCompute.Describe(status, Dates, Utc(now), language == "de" ? Aufsicht.Core.Law.Language.De : Aufsicht.Core.Law.Language.En));
    }

    [Theory]
    [InlineData(null, "de", "Berechnet am 05.12.2026 um 14:03 Uhr")]
    [InlineData(400, "de", "Berechnet am 05.12.2026 um 14:03 Uhr in weniger als einer Sekunde Rechenzeit")]
    [InlineData(1_200, "de", "Berechnet am 05.12.2026 um 14:03 Uhr in einer Sekunde Rechenzeit")]
    [InlineData(17_600, "de", "Berechnet am 05.12.2026 um 14:03 Uhr in 18 Sekunden Rechenzeit")]
    [InlineData(17_600, "en", "Computed on 5 Dec 2026 at 14:03 in 18 seconds of computing time")]
    [InlineData(1_200, "en", "Computed on 5 Dec 2026 at 14:03 in one second of computing time")]
    public void Solved_SaysWhenAndHowLong(int? milliseconds, string language, string expected)
    {
        var status = new PlanComputeStatus(1, PlanComputeState.None, null, null, 20, [], 0, new DateTime(2026, 12, 5, 13, 3, 0, DateTimeKind.Utc), milliseconds);
        Assert.Equal(expected, PlanCompute.Solved(status, Dates, language == "de" ? Aufsicht.Core.Law.Language.De : Aufsicht.Core.Law.Language.En));
    }

    [Fact]
    public void FailureText_UnknownKeyOrTooFewArguments_TheGeneralText_NeverAKeyOrPlaceholder()
    {
        Assert.Equal("ein Fehler auf dem Server; bitte noch einmal berechnen", PlanCompute.FailureText("plans.nothing.such", [], _ => null, Aufsicht.Core.Law.Language.De));
        Assert.Equal("ein Fehler auf dem Server; bitte noch einmal berechnen", PlanCompute.FailureText("migration.capacity.missing", [], _ => null, Aufsicht.Core.Law.Language.De));
        Assert.Equal("für den Support ist keine Kapazität angegeben; bitte eine eintragen",
            PlanCompute.FailureText("migration.capacity.missing", ["support"], _ => null, Aufsicht.Core.Law.Language.De));
        Assert.Equal("no capacity is given for the migration team; please enter one",
            PlanCompute.FailureText("migration.capacity.missing", ["team"], _ => null, Aufsicht.Core.Law.Language.En));
        Assert.Equal("Aufgabe „Gemeinde Altdorf: Bürosoftware – Pilot“: die Vorgängerin „g2/office/prep“ gibt es nicht",
            PlanCompute.FailureText("plan.unknownTask", ["g2/office/pilot", "g2/office/prep"], k => k == "g2/office/pilot" ? "Gemeinde Altdorf: Bürosoftware – Pilot" : null, Aufsicht.Core.Law.Language.De));
    }

    [Fact]
    public void Failures_TwelveErrors_TenStoredAndListed_TheRestCounted_BothLanguages()
    {
        var errors = Enumerable.Range(1, 12).Select(i => Aufsicht.Core.Error.Invalid("", "plan.demandAboveCapacity", $"p{i}", "40", "trainers", "0")).ToList();
        var (key, json) = PlanComputeStatus.WriteFailures(errors);
        Assert.Equal("plan.demandAboveCapacity", key);
        var (failures, count) = PlanComputeStatus.ReadFailures(key, json);
        Assert.Equal(12, count);
        Assert.Equal(Enumerable.Range(1, PlanComputeStatus.MaxFailures).Select(i => $"p{i}"), failures.Select(f => f.Args[0]));

        var at = new DateTime(2026, 12, 5, 13, 3, 0, DateTimeKind.Utc);
        var status = new PlanComputeStatus(1, PlanComputeState.Failed, at, at, 20, failures, count, null, null);
        var german = PlanCompute.FailureList(status, Dates, at, Aufsicht.Core.Law.Language.De, k => k == "p1" ? "Amt Nord: Bürosoftware – Schulung" : null)!;
        Assert.Equal("Die Berechnung von 14:03 Uhr ist fehlgeschlagen, 12 Fehler:", german.Heading);
        Assert.Equal(11, german.Lines.Count);
        Assert.Equal("„Amt Nord: Bürosoftware – Schulung“ braucht im Monat 40 Personentage der Schulung, die Kapazität reicht für höchstens 0; bitte die Kapazität erhöhen", german.Lines[0]);
        Assert.Equal("und 2 weitere", german.Lines[^1]);
        Assert.Null(german.StillApply); // never computed before
        Assert.Equal(string.Join('\n', german.Lines.Prepend(german.Heading)), PlanCompute.Describe(status, Dates, at, Aufsicht.Core.Law.Language.De, k => k == "p1" ? "Amt Nord: Bürosoftware – Schulung" : null));

        var english = PlanCompute.FailureList(status with { SolvedAt = at.AddDays(-1) }, Dates, at, Aufsicht.Core.Law.Language.En)!;
        Assert.Equal("The computation of 14:03 failed with 12 errors:", english.Heading);
        Assert.Equal("and 2 more", english.Lines[^1]);
        Assert.Equal("The months computed before still apply.", english.StillApply);
    }

    [Fact]
    public void Failures_StoredBefore_OneErrorsArguments_ReadAsOneFailure_OneErrorIsNoList()
    {
        var (failures, count) = PlanComputeStatus.ReadFailures("migration.capacity.missing", "[\"support\"]");
        Assert.Equal(1, count);
        Assert.Equal("migration.capacity.missing", failures.Single().Key);
        Assert.Equal(["support"], failures.Single().Args);
        Assert.Empty(PlanComputeStatus.ReadFailures(null, null).Failures);
        var unreadable = PlanComputeStatus.ReadFailures("plans.compute.failed.error", "{nonsense");
        Assert.Equal("plans.compute.failed.error", unreadable.Failures.Single().Key);
        Assert.Empty(unreadable.Failures.Single().Args);

        var at = new DateTime(2026, 12, 5, 13, 3, 0, DateTimeKind.Utc);
        var status = new PlanComputeStatus(1, PlanComputeState.Failed, at, at, 20, failures, count, null, null);
        Assert.Null(PlanCompute.FailureList(status, Dates, at, Aufsicht.Core.Law.Language.De));
        Assert.Equal("Die Berechnung von 14:03 Uhr ist fehlgeschlagen: für den Support ist keine Kapazität angegeben; bitte eine eintragen.",
            PlanCompute.Describe(status, Dates, at, Aufsicht.Core.Law.Language.De));
    }
}

[Trait("Category", "Database")]
public sealed class PlanComputeTestsOnSqlite : PlanComputeTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class PlanComputeTestsOnPostgres : PlanComputeTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A plan computed in the background on each database: the page queues it (303 back to the plan), the worker computes
/// it, the status endpoint tells; a second request while one runs is refused; a plan left running by a crash is queued
/// again at start-up; the package table pages and filters.
/// </summary>
public abstract class PlanComputeTests : IAsyncLifetime
{
    /// <summary>The tests run on 05.12.2026 at 16:00 in Berlin; a day later where they say so.</summary>
    private readonly Cases.JumpingClock _clock = new(new DateTimeOffset(2026, 12, 5, 15, 0, 0, TimeSpan.Zero));
    private AppServer _server = null!;
    private long _plan;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database, _clock);
        await PlanTestData.ImportInventoryAsync(_server);
        _plan = await PlanTestData.CreatePlanAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string PlanPath => $"/migration/plaene/{_plan}";

    private MigrationPlanRecord Plan() => _server.Db(db => db.MigrationPlans.AsNoTracking().Single(p => p.Id == _plan));

    /// <summary>Waits until the worker has finished the plan's computation (state none or failed), two minutes at most.</summary>
    private async Task<MigrationPlanRecord> UntilComputedAsync()
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            var plan = Plan();
            if (plan.ComputeState is PlanComputeState.None or PlanComputeState.Failed)
            {
                return plan;
            }

            await Task.Delay(200);
        }

        var last = Plan();
        Assert.Fail($"the plan was not computed within two minutes: state {last.ComputeState}, requested {last.ComputeRequestedAt}, started {last.ComputeStartedAt}");
        return last;
    }

    /// <summary>Marks the plan as being computed since 14:03 in Berlin on 05.12.2026, for at most 20 seconds (the worker leaves a running plan alone).</summary>
    private void RunningSince1403()
    {
        var since = new DateTime(2026, 12, 5, 13, 3, 0, DateTimeKind.Utc);
        _server.Db(db => db.MigrationPlans.Where(p => p.Id == _plan).ExecuteUpdate(s => s
            .SetProperty(p => p.ComputeState, PlanComputeState.Running).SetProperty(p => p.ComputeStartedAt, since)
            .SetProperty(p => p.ComputeRequestedAt, since).SetProperty(p => p.ComputeSeconds, 20)));
    }

    private async Task<Session> SignedInAsync(string email)
    {
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(email, SurveyServer.Password)).Status);
        return session;
    }

    [Fact]
    public async Task Request_OnThePage_SeeOtherToThePlan_WorkerComputes_MonthsStored_Audited_StatusSaysNone()
    {
        var session = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (status, _, location) = await session.PostFormAsync(PlanPath, PlanPath + "?handler=Compute", new Dictionary<string, string> { ["seconds"] = "3" });
        Assert.Equal(HttpStatusCode.SeeOther, status);
        Assert.Equal(PlanPath + "#berechnung", location!.OriginalString);
        var requested = Plan();
        Assert.Equal("sachbearbeitung@aufsicht.example", requested.ComputeRequestedBy);
        Assert.Equal(3, requested.ComputeSeconds);
        Assert.NotNull(requested.ComputeRequestedAt);

        var done = await UntilComputedAsync();
        Assert.Equal(PlanComputeState.None, done.ComputeState);
        Assert.Null(done.ComputeError);
        Assert.NotNull(done.SolvedAt);
        Assert.True(done.SolveStatus is "optimal" or "feasible", done.SolveStatus);
        Assert.All(_server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == _plan).ToList()), r => Assert.NotNull(r.PlannedStart));
        var audit = _server.Db(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "plans.audit.computeRequested").ToList());
        Assert.Equal("sachbearbeitung@aufsicht.example", Assert.Single(audit).Actor);
        Assert.Contains($"\"plan\":{_plan}", audit[0].DataJson, StringComparison.Ordinal);

        var (jsonStatus, json, _) = await session.GetAsync(PlanPath + "/berechnung");
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("none", document.RootElement.GetProperty("state").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("seconds").GetInt32());
        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("solvedAt").ValueKind);

        var page = (await session.GetAsync(PlanPath)).Body;
        Assert.Contains("Grundschule Am Deich: Bürosoftware – Pilot", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Wird berechnet", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/plan-compute.js\" defer></script>", page, StringComparison.Ordinal);

        // When and how long: the clock stands at 16:00 in Berlin; the duration is measured, so pin it to say it exactly.
        Assert.NotNull(done.SolveMilliseconds);
        Assert.Matches("Berechnet am 05.12.2026 um 16:00 Uhr in (weniger als einer Sekunde|einer Sekunde|[0-9]+ Sekunden) Rechenzeit", page);
        _server.Db(db => db.MigrationPlans.Where(p => p.Id == _plan).ExecuteUpdate(s => s.SetProperty(p => p.SolveMilliseconds, 17_600)));
        Assert.Contains("<dd>berechnet, beweisbar bester Plan<br />Berechnet am 05.12.2026 um 16:00 Uhr in 18 Sekunden Rechenzeit</dd>".Replace("beweisbar bester Plan", done.SolveStatus == "optimal" ? "beweisbar bester Plan" : "gültig (nicht als bester bewiesen)", StringComparison.Ordinal),
            (await session.GetAsync(PlanPath)).Body, StringComparison.Ordinal);
        session.Cookies.Add(_server.Address, new System.Net.Cookie("aufsicht-lang", "en"));
        Assert.Contains("Computed on 5 Dec 2026 at 16:00 in 18 seconds of computing time", (await session.GetAsync(PlanPath)).Body, StringComparison.Ordinal);
        var (_, english, _) = await session.GetAsync(PlanPath + "/berechnung");
        using var englishDocument = JsonDocument.Parse(english);
        Assert.Equal("Computed on 5 Dec 2026 at 16:00 in 18 seconds of computing time", englishDocument.RootElement.GetProperty("solved").GetString());
        Assert.Equal(17.6, englishDocument.RootElement.GetProperty("solveSeconds").GetDouble());
    }

    [Fact]
    public async Task Failure_SeveralErrors_PageAndStatusListEveryPackageAndTheCapacity_InBothLanguages()
    {
        // No trainers: each training package needs more trainer-days a month than the plan has (none) — the solver's
        // check refuses the problem and names each such package, its demand, the resource and the capacity; all of them
        // are stored and listed, not the first alone.
        _plan = await PlanTestData.CreatePlanAsync(_server, PlanTestData.Draft("Ohne Schulung", new PlanCapacities(6, 0, 2)));

        var session = await SignedInAsync("sachbearbeitung@aufsicht.example");
        Assert.Equal(HttpStatusCode.SeeOther, (await session.PostFormAsync(PlanPath, PlanPath + "?handler=Compute", new Dictionary<string, string> { ["seconds"] = "3" })).Status);
        var failed = await UntilComputedAsync();
        Assert.Equal(PlanComputeState.Failed, failed.ComputeState);
        Assert.Equal("plan.demandAboveCapacity", failed.ComputeError);
        var (failures, count) = PlanComputeStatus.ReadFailures(failed.ComputeError, failed.ComputeErrorArgs);
        var training = _server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == _plan && p.Phase == "training").OrderBy(p => p.Id).ToList());
        Assert.True(training.Count >= 2, $"the test data has {training.Count} training packages; this test wants several");
        Assert.Equal(training.Count, count);
        Assert.Equal(training.Select(p => p.Key).Order(StringComparer.Ordinal), failures.Select(f => f.Args[0]).Order(StringComparer.Ordinal));
        Assert.All(failures, f => Assert.Equal(("plan.demandAboveCapacity", 4, "trainers", "0"), (f.Key, f.Args.Count, f.Args[2], f.Args[3])));

        string Line(Aufsicht.Core.Law.Language language, PlanComputeFailure failure)
        {
            var package = training.Single(p => p.Key == failure.Args[0]);
            var name = PlansText.PackageName(new PackageLine(package, _server.Db(db => db.Bodies.AsNoTracking().Single(b => b.Id == package.BodyId)).Name), language);
            return language == Aufsicht.Core.Law.Language.De
                ? $"„{name}“ braucht im Monat {failure.Args[1]} Personentage der Schulung, die Kapazität reicht für höchstens 0; bitte die Kapazität erhöhen"
                : $"\"{name}\" needs {failure.Args[1]} person-days a month of training, the capacity allows at most 0; please raise the capacity";
        }

        var page = System.Net.WebUtility.HtmlDecode((await session.GetAsync(PlanPath)).Body);
        Assert.All(failures, f => Assert.DoesNotContain(f.Args[0], page, StringComparison.Ordinal)); // packages by their names, not their keys
        Assert.Contains($"<p>Die Berechnung von 16:00 Uhr ist fehlgeschlagen, {count} Fehler:</p><ul>", page, StringComparison.Ordinal);
        Assert.All(failures, f => Assert.Contains($"<li>{Line(Aufsicht.Core.Law.Language.De, f)}</li>", page, StringComparison.Ordinal));
        Assert.Contains("data-state=\"failed\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ein Fehler auf dem Server", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Die bisherigen Monate", page, StringComparison.Ordinal); // never computed before
        var german = string.Join('\n', failures.Select(f => Line(Aufsicht.Core.Law.Language.De, f)).Prepend($"Die Berechnung von 16:00 Uhr ist fehlgeschlagen, {count} Fehler:"));
        var (_, json, _) = await session.GetAsync(PlanPath + "/berechnung");
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal("failed", document.RootElement.GetProperty("state").GetString());
            Assert.Equal("plan.demandAboveCapacity", document.RootElement.GetProperty("error").GetString());
            Assert.Equal(failures[0].Args, document.RootElement.GetProperty("errorArgs").EnumerateArray().Select(a => a.GetString()!).ToArray());
            Assert.Equal(count, document.RootElement.GetProperty("errorCount").GetInt32());
            Assert.Equal(count, document.RootElement.GetProperty("errors").GetArrayLength());
            Assert.Equal(german, document.RootElement.GetProperty("text").GetString());
        }

        session.Cookies.Add(_server.Address, new System.Net.Cookie("aufsicht-lang", "en"));
        var english = string.Join('\n', failures.Select(f => Line(Aufsicht.Core.Law.Language.En, f)).Prepend($"The computation of 16:00 failed with {count} errors:"));
        var (_, englishJson, _) = await session.GetAsync(PlanPath + "/berechnung");
        using (var document = JsonDocument.Parse(englishJson))
        {
            Assert.Equal(english, document.RootElement.GetProperty("text").GetString());
        }

        var englishPage = System.Net.WebUtility.HtmlDecode((await session.GetAsync(PlanPath)).Body);
        Assert.All(failures, f => Assert.Contains($"<li>{Line(Aufsicht.Core.Law.Language.En, f)}</li>", englishPage, StringComparison.Ordinal));

        // A new request clears the failure and its arguments.
        _server.Db(db => db.MigrationPlans.Where(p => p.Id == _plan).ExecuteUpdate(s => s.SetProperty(p => p.CalendarJson, new PlanCapacities(6, 2, 2).ToJson())));
        using (var scope = _server.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<PlanCompute>().RequestAsync(_plan, 3, "test", CancellationToken.None)).IsOk);
        }

        var again = await UntilComputedAsync();
        Assert.Equal(PlanComputeState.None, again.ComputeState);
        Assert.Null(again.ComputeError);
        Assert.Null(again.ComputeErrorArgs);
    }

    [Fact]
    public async Task Running_SinceYesterday_PageAndStatusGiveTheDate_TodayOnlyTheTime()
    {
        RunningSince1403();
        var session = await SignedInAsync("leitung@aufsicht.example");
        Assert.Contains("Wird berechnet seit 14:03 Uhr – höchstens 20 Sekunden Rechenzeit", (await session.GetAsync(PlanPath)).Body, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromDays(1));
        session = await SignedInAsync("leitung@aufsicht.example"); // a day on, the sign-in of yesterday may have lapsed
        Assert.Contains("Wird berechnet seit 05.12.2026, 14:03 Uhr – höchstens 20 Sekunden Rechenzeit", (await session.GetAsync(PlanPath)).Body, StringComparison.Ordinal);
        var (_, json, _) = await session.GetAsync(PlanPath + "/berechnung");
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal("Wird berechnet seit 05.12.2026, 14:03 Uhr – höchstens 20 Sekunden Rechenzeit", document.RootElement.GetProperty("text").GetString());
        }

        session.Cookies.Add(_server.Address, new System.Net.Cookie("aufsicht-lang", "en"));
        Assert.Contains("Being computed since 5 Dec 2026, 14:03 – at most 20 seconds of computing time", (await session.GetAsync(PlanPath)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WhileRunning_Refused_NothingChanges_PageSaysRunning_ButtonDisabled()
    {
        RunningSince1403();
        var before = Plan();

        using (var scope = _server.Services.CreateScope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<PlanCompute>().RequestAsync(_plan, 5, "test", CancellationToken.None);
            Assert.Equal("plans.compute.busy", Assert.Single(refused.Errors).Key);
        }

        var session = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (status, body, _) = await session.PostFormAsync(PlanPath, PlanPath + "?handler=Compute", new Dictionary<string, string> { ["seconds"] = "5" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Der Plan wird bereits berechnet.", body, StringComparison.Ordinal);
        var after = Plan();
        Assert.Equal((before.Revision, before.ComputeState, before.ComputeSeconds, before.ComputeRequestedBy), (after.Revision, after.ComputeState, after.ComputeSeconds, after.ComputeRequestedBy));
        Assert.Empty(_server.Db(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "plans.audit.computeRequested").ToList()));

        var page = (await session.GetAsync(PlanPath)).Body;
        Assert.Contains("Wird berechnet seit 14:03 Uhr – höchstens 20 Sekunden Rechenzeit", page, StringComparison.Ordinal);
        Assert.Matches("<button type=\"submit\" disabled=\"disabled\">Plan berechnen</button>", page);
        Assert.Contains("aria-live=\"polite\"", page, StringComparison.Ordinal);
        Assert.Contains(">Aktualisieren</a>", page, StringComparison.Ordinal);
        Assert.Contains("data-state=\"running\"", page, StringComparison.Ordinal);

        var (_, json, _) = await session.GetAsync(PlanPath + "/berechnung");
        using var document = JsonDocument.Parse(json);
        Assert.Equal("running", document.RootElement.GetProperty("state").GetString());
        Assert.Equal("Wird berechnet seit 14:03 Uhr – höchstens 20 Sekunden Rechenzeit", document.RootElement.GetProperty("text").GetString());

        var bad = await session.PostFormAsync(PlanPath, PlanPath + "?handler=Compute", new Dictionary<string, string> { ["seconds"] = "zwanzig" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Rechenzeit: „zwanzig“ liegt nicht zwischen 1 und 120 Sekunden", bad.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeftRunningByACrash_QueuedAgainAtStartUp_ThenComputed()
    {
        _server.Db(db => db.MigrationPlans.Where(p => p.Id == _plan).ExecuteUpdate(s => s
            .SetProperty(p => p.ComputeState, PlanComputeState.Running).SetProperty(p => p.ComputeStartedAt, new DateTime(2026, 12, 5, 13, 0, 0, DateTimeKind.Utc))
            .SetProperty(p => p.ComputeSeconds, 3)));
        Assert.Null(Plan().SolvedAt);

        // What the worker does when it starts: the plans it finds running were interrupted.
        var worker = _server.Services.GetRequiredService<PlanComputeWorker>();
        Assert.Equal(1, await worker.RequeueInterruptedAsync(CancellationToken.None));
        _server.Services.GetRequiredService<PlanComputeSignal>().Notify();

        var done = await UntilComputedAsync();
        Assert.Equal(PlanComputeState.None, done.ComputeState);
        Assert.NotNull(done.SolvedAt);
    }

    [Fact]
    public async Task Staff_MayReadTheStatus_NotRequest_AnonymousNeither()
    {
        var reader = await SignedInAsync("leitung@aufsicht.example");
        var (status, json, _) = await reader.GetAsync(PlanPath + "/berechnung");
        Assert.Equal(HttpStatusCode.OK, status);
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal("none", document.RootElement.GetProperty("state").GetString());
            Assert.Equal(_plan, document.RootElement.GetProperty("plan").GetInt64());
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("text").ValueKind);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostFormAsync(PlanPath, PlanPath + "?handler=Compute", new Dictionary<string, string> { ["seconds"] = "1" })).Status);
        Assert.Equal(PlanComputeState.None, Plan().ComputeState);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/migration/plaene/4711/berechnung")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await _server.NewSession().GetAsync(PlanPath + "/berechnung")).Status);
    }

    [Fact]
    public async Task PackageTable_Pages_FiltersByPillarAndBody_BadPageAndPillarNamed()
    {
        // More than a hundred packages: copies of the first preparation without predecessors.
        var template = _server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == _plan && p.Phase == "preparation" && p.Pillar == Pillar.Office).OrderBy(p => p.Id).First());
        _server.Db(db =>
        {
            for (var i = 1; i <= 150; i++)
            {
                db.PlanPackages.Add(new PlanPackageRecord
                {
                    PlanId = _plan,
                    Key = $"{template.Key}-copy-{i}",
                    BodyId = template.BodyId,
                    Pillar = template.Pillar,
                    Phase = template.Phase,
                    Duration = template.Duration,
                    UsesJson = template.UsesJson,
                    After = "",
                    Units = template.Units,
                    EffortPersonDays = template.EffortPersonDays,
                });
            }

            return db.SaveChanges();
        });
        var rows = _server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == _plan).OrderBy(p => p.Id).ToList());
        Assert.True(rows.Count > 150);
        var session = await SignedInAsync("leitung@aufsicht.example");

        var second = (await session.GetAsync(PlanPath + "?seite=2")).Body;
        Assert.Contains($"Pakete 101–{Math.Min(200, rows.Count)} von {rows.Count}", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/migration/plaene/paket/{rows[100].Id}\"", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/migration/plaene/paket/{rows[Math.Min(199, rows.Count - 1)].Id}\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/migration/plaene/paket/{rows[99].Id}\"", second, StringComparison.Ordinal);
        Assert.Matches("<nav aria-label=\"Seiten der Arbeitspakete\"", second);
        Assert.Contains("aria-current=\"page\" aria-label=\"Seite 2\"", second, StringComparison.Ordinal);

        var osRows = rows.Where(r => r.Pillar == Pillar.OperatingSystem).ToList();
        var os = (await session.GetAsync(PlanPath + "?saeule=operating-system")).Body;
        Assert.Contains($"Pakete 1–{osRows.Count} von {osRows.Count}", os, StringComparison.Ordinal);
        Assert.Contains($"href=\"/migration/plaene/paket/{osRows[0].Id}\"", os, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/migration/plaene/paket/{template.Id}\"", os, StringComparison.Ordinal);
        Assert.Contains("<option value=\"operating-system\" selected=\"selected\">Betriebssystem</option>", os, StringComparison.Ordinal);

        var municipality = rows.First(r => r.BodyId != template.BodyId).BodyId;
        var ofBody = rows.Where(r => r.BodyId == municipality).ToList();
        var byBody = (await session.GetAsync($"{PlanPath}?stelle={municipality}")).Body;
        Assert.Contains($"Pakete 1–{ofBody.Count} von {ofBody.Count}", byBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/migration/plaene/paket/{template.Id}\"", byBody, StringComparison.Ordinal);

        var (badStatus, bad, _) = await session.GetAsync(PlanPath + "?seite=99&saeule=fax");
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.Contains($"Seite: „99“ ist keine Seite der Arbeitspakete (1 bis {(rows.Count + 99) / 100}); gezeigt wird die erste Seite.", bad, StringComparison.Ordinal);
        Assert.Contains("Säule: „fax“ ist keine Säule", bad, StringComparison.Ordinal);
        Assert.Contains($"Pakete 1–100 von {rows.Count}", bad, StringComparison.Ordinal);
        Assert.Contains($"href=\"/migration/plaene/paket/{rows[0].Id}\"", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("plans.", bad, StringComparison.Ordinal);
    }
}
