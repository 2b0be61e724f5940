using System.Net;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Plans;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Plans;

[Trait("Category", "Database")]
public sealed class PlanProgressPagesTestsOnSqlite : PlanProgressPagesTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class PlanProgressPagesTestsOnPostgres : PlanProgressPagesTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A computed plan's progress and records through the pages, on each database: actuals and dates per package,
/// planned against actual, incidents, the append-only decision log and the staff representatives' involvement. Each
/// form's good path, each bad input refused with the field named and nothing changed; a reader may look but not post.
/// The clock stands in June 2027, so the plan's first months (from 01/2027) lie in the past.
/// </summary>
public abstract class PlanProgressPagesTests : IAsyncLifetime
{
    private const string Supervisor = "sachbearbeitung@aufsicht.example";
    private const string Reader = "leitung@aufsicht.example";

    /// <summary>The decision log's entries as the page must list them: the correction (no. 3) under what it corrects (no. 1).</summary>
    private static readonly string[] ReadingOrder = ["Nr. 1: Ablösung", "Nr. 3: Berichtigung", "Nr. 2: Nebenabrede"];

    /// <summary>The plan is computed in its first week (04.01.2027); the tests run on 15.06.2027, when some packages are late.</summary>
    private readonly Cases.JumpingClock _clock = new(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero));
    private AppServer _server = null!;
    private long _plan;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database, _clock);
        using var scope = _server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        var ministry = new BodyRecord { ExternalId = "M-0", Name = "Ministerium für Bildung (Test)", Kind = "ministry", State = "MV", PublicBody = true, Language = "de", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Bodies.Add(ministry);
        await db.SaveChangesAsync();
        await db.Bodies.Where(b => b.ExternalId == "S-1" || b.ExternalId == "G-2").ExecuteUpdateAsync(s => s.SetProperty(b => b.ParentId, ministry.Id));
        await PlanTestData.ImportInventoryAsync(_server);
        _plan = await PlanTestData.CreatePlanAsync(_server, computeSeconds: 3);
        _clock.Advance(new DateTimeOffset(2027, 6, 15, 10, 0, 0, TimeSpan.Zero) - _clock.GetUtcNow()); // the changes below come months after the computation
    }

    /// <summary>A table row's cells as the page writes them, whatever the white space between them.</summary>
    private static void HasRow(string page, params string[] cells) =>
        Assert.Matches("<th scope=\"row\">" + string.Join(@"</t[hd]>\s*<td[^>]*>", cells.Select(System.Text.RegularExpressions.Regex.Escape)) + "</td>", page);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string PlanPath => $"/migration/plaene/{_plan}";

    private async Task<Session> SignInAsync(string email)
    {
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(email, SurveyServer.Password)).Status);
        return session;
    }

    private PlanPackageRecord Package(string phase, string body = "S-1") => _server.Db(db =>
        db.PlanPackages.AsNoTracking().Where(p => p.PlanId == _plan && p.Phase == phase && p.Pillar == Pillar.Office
            && db.Bodies.Any(b => b.Id == p.BodyId && b.ExternalId == body)).OrderBy(p => p.Id).First());

    private int Audits(string action) => _server.Db(db => db.AuditLog.Count(a => a.Action == action));

    private static void InGerman(string page)
    {
        Assert.DoesNotContain("plans.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("migration.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/office/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-0", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackagePage_ActualsAndDates_GoodStored_BadNamedAndNothingChanged_StaleRefused()
    {
        var session = await SignInAsync(Supervisor);
        var prep = Package("preparation");
        var path = $"/migration/plaene/paket/{prep.Id}";
        var plan = (await session.GetAsync(PlanPath)).Body;
        Assert.Contains($"href=\"{path}\"", plan, StringComparison.Ordinal);
        var (status, page, _) = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Grundschule Am Deich: Bürosoftware – Vorbereitung", page, StringComparison.Ordinal);
        InGerman(page);
        Assert.DoesNotContain("seit der letzten Berechnung geändert", page, StringComparison.Ordinal);

        Dictionary<string, string> Actuals(string start, string end, int? revision = null) =>
            new() { ["revision"] = (revision ?? prep.Revision).ToString(System.Globalization.CultureInfo.InvariantCulture), ["actualStart"] = start, ["actualEnd"] = end };

        // Bad input: each names its field, nothing changes.
        var (bad, badPage, _) = await session.PostFormAsync(path, path + "?handler=Actuals", Actuals("13.2027", ""));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Tatsächlicher Beginn: „13.2027“ ist kein Monat", badPage, StringComparison.Ordinal);
        (_, badPage, _) = await session.PostFormAsync(path, path + "?handler=Actuals", Actuals("02.2027", "09.2027"));
        Assert.Contains("Tatsächliches Ende: 09/2027 liegt in der Zukunft", badPage, StringComparison.Ordinal);
        (_, badPage, _) = await session.PostFormAsync(path, path + "?handler=Actuals", Actuals("", "03.2027"));
        Assert.Contains("Tatsächlicher Beginn: Ein Ende ohne Beginn", badPage, StringComparison.Ordinal);
        InGerman(badPage);
        Assert.Null(_server.Db(db => db.PlanPackages.Single(p => p.Id == prep.Id).ActualStart));
        Assert.Equal(0, Audits("plans.audit.packageActuals"));

        // Good: stored, audited, and the plan says it needs computing again.
        var (good, _, location) = await session.PostFormAsync(path, path + "?handler=Actuals", Actuals("02.2027", "2027-04"));
        Assert.Equal(HttpStatusCode.Redirect, good);
        Assert.StartsWith(path, location!.OriginalString, StringComparison.Ordinal);
        var stored = _server.Db(db => db.PlanPackages.AsNoTracking().Single(p => p.Id == prep.Id));
        Assert.Equal((new DateOnly(2027, 2, 1), new DateOnly(2027, 4, 1)), (stored.ActualStart!.Value, stored.ActualEnd!.Value));
        Assert.Equal(1, Audits("plans.audit.packageActuals"));
        page = (await session.GetAsync(path)).Body;
        Assert.Contains("seit der letzten Berechnung geändert", page, StringComparison.Ordinal);

        // The page's old revision is stale now: refused, nothing changed.
        var (stale, stalePage, _) = await session.PostFormAsync(path, path + "?handler=Actuals", Actuals("01.2027", "", prep.Revision));
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Contains("inzwischen von jemand anderem geändert", stalePage, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 2, 1), _server.Db(db => db.PlanPackages.Single(p => p.Id == prep.Id).ActualStart));

        // Dates: bad syntax and latest before earliest are named; a good pair is stored and marks the package edited.
        Dictionary<string, string> Dates(string earliest, string latest, int revision) =>
            new() { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["earliest"] = earliest, ["latest"] = latest };
        var cohort = Package("pilot");
        var cohortPath = $"/migration/plaene/paket/{cohort.Id}";
        (bad, badPage, _) = await session.PostFormAsync(cohortPath, cohortPath + "?handler=Dates", Dates("2027/13", "05.2028", cohort.Revision));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Frühester Monat: „2027/13“ ist kein Monat", badPage, StringComparison.Ordinal);
        (_, badPage, _) = await session.PostFormAsync(cohortPath, cohortPath + "?handler=Dates", Dates("05.2028", "03.2028", cohort.Revision));
        Assert.Contains("Spätester Monat: der späteste Monat (03/2028) liegt vor dem frühesten (05/2028)", badPage, StringComparison.Ordinal);
        (bad, badPage, _) = await session.PostFormAsync(cohortPath, cohortPath + "?handler=Dates", Dates("03.2028", "05.2028", cohort.Revision - 1));
        Assert.Equal(HttpStatusCode.Conflict, bad);
        var unchanged = _server.Db(db => db.PlanPackages.AsNoTracking().Single(p => p.Id == cohort.Id));
        Assert.Equal((null, null, false), (unchanged.Earliest, unchanged.Latest, unchanged.Edited));
        (good, _, _) = await session.PostFormAsync(cohortPath, cohortPath + "?handler=Dates", Dates("03.2028", "2028-05", cohort.Revision));
        Assert.Equal(HttpStatusCode.Redirect, good);
        var dated = _server.Db(db => db.PlanPackages.AsNoTracking().Single(p => p.Id == cohort.Id));
        Assert.Equal((new DateOnly(2028, 3, 1), new DateOnly(2028, 5, 1), true), (dated.Earliest!.Value, dated.Latest!.Value, dated.Edited));
        Assert.Equal(1, Audits("plans.audit.packageDates"));
        page = (await session.GetAsync(cohortPath)).Body;
        Assert.Contains("value=\"03/2028\"", page, StringComparison.Ordinal);
        InGerman(page);
    }

    [Fact]
    public async Task ProgressPage_CountsPerPillar_LatePackagesNamedWithMonthsLate()
    {
        var session = await SignInAsync(Supervisor);
        var rows = _server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == _plan).ToList());
        static YearMonth? M(DateOnly? d) => d is { } x ? YearMonth.Of(x) : null;
        var expected = PlanProgressSummary.Summarise(rows.Select(r => new ProgressLine(r.Key, r.Pillar, M(r.PlannedStart), M(r.PlannedEnd), M(r.ActualStart), M(r.ActualEnd))).ToList(), new YearMonth(2027, 6));
        Assert.NotEmpty(expected.Late); // the first preparations were due before June 2027
        var (status, page, _) = await session.GetAsync(PlanPath + "/stand");
        Assert.Equal(HttpStatusCode.OK, status);
        InGerman(page);
        Assert.Contains("Stand 06/2027", page, StringComparison.Ordinal);
        var first = expected.Late[0];
        var line = rows.Single(r => r.Key == first.Key);
        Assert.Contains($"href=\"/migration/plaene/paket/{line.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{PlanRows.MonthText(first.Due)}</td>", page, StringComparison.Ordinal);
        var office = expected.Pillars.Single(p => p.Pillar == Pillar.Office);
        HasRow(page, "Bürosoftware", $"{office.Packages}", $"{office.Done}", $"{office.Running}", $"{office.Late}");
    }

    [Fact]
    public async Task IncidentsPage_GoodStoredAndCounted_BadNamedAndNothingStored()
    {
        var session = await SignInAsync(Supervisor);
        var path = PlanPath + "/vorfaelle";
        var body = _server.Db(db => db.Bodies.Single(b => b.ExternalId == "G-2").Id);
        var (bad, page, _) = await session.PostFormAsync(path, path, new Dictionary<string, string>
        {
            ["date"] = "16.07.2027",
            ["body"] = "999999",
            ["pillar"] = "no-such",
            ["summary"] = new string('x', 4001),
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        foreach (var message in (string[])["Datum: der 16.07.2027 liegt in der Zukunft", "Stelle: diese Stelle gehört nicht zum Plan", "Säule: diese Säule gibt es nicht", "Ursache: bitte wählen", "Beschreibung: höchstens 4000 Zeichen, nicht 4001"])
        {
            Assert.Contains(message, page, StringComparison.Ordinal);
        }

        (_, page, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["date"] = "31.02.2027", ["cause"] = "migration", ["summary"] = " " });
        Assert.Contains("Datum: „31.02.2027“ ist kein Tag", page, StringComparison.Ordinal);
        Assert.Contains("Beschreibung: bitte beschreiben", page, StringComparison.Ordinal);
        InGerman(page);
        Assert.Equal(0, _server.Db(db => db.PlanIncidents.Count()));

        var (good, _, _) = await session.PostFormAsync(path, path, new Dictionary<string, string>
        {
            ["date"] = "2027-03-02",
            ["body"] = body.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["pillar"] = "office",
            ["cause"] = "migration",
            ["summary"] = "Serienbriefe brechen nach der Umstellung",
        });
        Assert.Equal(HttpStatusCode.Redirect, good);
        (good, _, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["date"] = "15.06.2027", ["cause"] = "pre-existing", ["summary"] = "Drucker im Keller fällt aus" });
        Assert.Equal(HttpStatusCode.Redirect, good);
        Assert.Equal(2, Audits("plans.audit.incident"));
        page = (await session.GetAsync(path)).Body;
        InGerman(page);
        Assert.True(page.IndexOf("Drucker im Keller", StringComparison.Ordinal) < page.IndexOf("Serienbriefe", StringComparison.Ordinal), "newest first");
        HasRow(page, "02.03.2027", "Gemeinde Süderholz", "Bürosoftware", "durch die Migration verursacht", "Serienbriefe brechen nach der Umstellung");
        HasRow(page, "Bürosoftware", "1", "0", "1");
        HasRow(page, "ohne Säule", "0", "1", "1");
    }

    [Fact]
    public async Task DecisionLog_AppendsAndCorrects_BadNamed_DatabaseRefusesUpdateAndDelete()
    {
        var session = await SignInAsync(Supervisor);
        var path = PlanPath + "/entscheidungen";
        var (status, page, _) = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Einträge können nicht geändert oder gelöscht werden", page, StringComparison.Ordinal);
        var (bad, badPage, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["date"] = "morgen", ["decidedBy"] = "", ["subject"] = "", ["text"] = "", ["corrects"] = "999999" });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        foreach (var message in (string[])["Entschieden am: „morgen“ ist kein Tag", "Entschieden von: bitte angeben", "Gegenstand: bitte angeben", "Entscheidung und Begründung: bitte", "Berichtigt Eintrag: diesen Eintrag gibt es"])
        {
            Assert.Contains(message, badPage, StringComparison.Ordinal);
        }

        InGerman(badPage);
        Assert.Equal(0, _server.Db(db => db.PlanDecisions.Count()));
        var (good, _, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["date"] = "10.01.2027", ["decidedBy"] = "Landesregierung (Kabinett)", ["subject"] = "Ablösung der Bürosoftware", ["text"] = "Umstellung auf LibreOffice bis Ende 2027." });
        Assert.Equal(HttpStatusCode.Redirect, good);
        var first = _server.Db(db => db.PlanDecisions.Single().Id);
        (good, _, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["date"] = "01.02.2027", ["decidedBy"] = "Ministerium", ["subject"] = "Nebenabrede", ["text"] = "Anderes Thema." });
        Assert.Equal(HttpStatusCode.Redirect, good);
        (good, _, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["date"] = "2027-03-01", ["decidedBy"] = "Landesregierung (Kabinett)", ["subject"] = "Berichtigung", ["text"] = "Bis Mitte 2028.", ["corrects"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, good);
        Assert.Equal(3, Audits("plans.audit.decision"));
        page = (await session.GetAsync(path)).Body;
        InGerman(page);
        Assert.Contains("Berichtigt Nr. 1", page, StringComparison.Ordinal);
        var order = ReadingOrder.Select(s => page.IndexOf("<h3>" + s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order().ToList(), order); // the correction stands under what it corrects
        Assert.DoesNotContain("handler=Delete", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Edit", page, StringComparison.Ordinal);

        // Append-only in the database itself: an UPDATE or DELETE through EF fails (trigger), the entry stays.
        using (var scope = _server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var entry = await db.PlanDecisions.SingleAsync(d => d.Id == first);
            entry.Text = "überschrieben";
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.PlanDecisions.Remove(await db.PlanDecisions.SingleAsync(d => d.Id == first));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal("Umstellung auf LibreOffice bis Ende 2027.", _server.Db(db => db.PlanDecisions.Single(d => d.Id == first).Text));
        Assert.Equal(3, _server.Db(db => db.PlanDecisions.Count()));
    }

    [Fact]
    public async Task Involvement_BeforeFirstPhase_SilencesThatBodysWarning_GroupedPerMinistryUntilThen()
    {
        var session = await SignInAsync(Supervisor);
        var path = PlanPath + "/beteiligung";
        var plan = (await session.GetAsync(PlanPath)).Body;
        // Neither body involved: one line for the ministry with a count, none per body.
        Assert.Contains("Ministerium für Bildung (Test): Der Personalrat ist in 2 Stellen dieses Bereichs nicht beteiligt", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Grundschule Am Deich: Der Personalrat", plan, StringComparison.Ordinal);

        var school = _server.Db(db => db.Bodies.Single(b => b.ExternalId == "S-1").Id).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (bad, page, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["body"] = school, ["date"] = "01.07.2027", ["note"] = new string('n', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Beteiligt am: der 01.07.2027 liegt in der Zukunft", page, StringComparison.Ordinal);
        Assert.Contains("Notiz: höchstens 2000 Zeichen, nicht 2001", page, StringComparison.Ordinal);
        (_, page, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["body"] = "", ["date"] = "01.12.2026" });
        Assert.Contains("Stelle: bitte eine Stelle des Plans wählen", page, StringComparison.Ordinal);
        InGerman(page);
        Assert.Equal(0, _server.Db(db => db.PlanInvolvements.Count()));

        var (good, _, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["body"] = school, ["date"] = "01.12.2026", ["note"] = "Dienstvereinbarung" });
        Assert.Equal(HttpStatusCode.Redirect, good);
        page = (await session.GetAsync(path)).Body;
        InGerman(page);
        HasRow(page, "Grundschule Am Deich", "01.12.2026", "Dienstvereinbarung");
        Assert.Contains("Ministerium für Bildung (Test): 1 von 2 Stellen beteiligt", page, StringComparison.Ordinal);
        plan = (await session.GetAsync(PlanPath)).Body;
        Assert.DoesNotContain("Grundschule Am Deich: Der Personalrat", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Grundschule Am Deich · Bürosoftware: Der Personalrat", plan, StringComparison.Ordinal);
        Assert.Contains("Gemeinde Süderholz: Der Personalrat ist nicht beteiligt", plan, StringComparison.Ordinal);

        // Changed to today: the check warns exactly when a roll-out of the school began before (its month's first day
        // on or before today); still one row per plan and body.
        (good, _, _) = await session.PostFormAsync(path, path, new Dictionary<string, string> { ["body"] = school, ["date"] = "15.06.2027" });
        Assert.Equal(HttpStatusCode.Redirect, good);
        Assert.Equal(1, _server.Db(db => db.PlanInvolvements.Count()));
        Assert.Equal(2, Audits("plans.audit.involvement"));
        var firstRollOut = _server.Db(db => db.PlanPackages.Where(p => p.PlanId == _plan && (p.Phase == "pilot" || p.Phase == "cohort") && db.Bodies.Any(b => b.Id == p.BodyId && b.ExternalId == "S-1"))
            .Min(p => p.PlannedStart))!.Value;
        plan = (await session.GetAsync(PlanPath)).Body;
        Assert.Equal(firstRollOut <= new DateOnly(2027, 6, 15), plan.Contains("Der Personalrat wird erst am 15.06.2027 beteiligt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_ReaderMayReadNotPost_AnonymousRedirected()
    {
        var prep = Package("preparation");
        var pages = new[] { $"/migration/plaene/paket/{prep.Id}", PlanPath + "/stand", PlanPath + "/vorfaelle", PlanPath + "/entscheidungen", PlanPath + "/beteiligung" };
        var reader = await SignInAsync(Reader);
        var anonymous = _server.NewSession();
        foreach (var page in pages)
        {
            var (status, body, _) = await reader.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("<form method=\"post\" action=\"" + page, body, StringComparison.Ordinal);
            var (anon, _, location) = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, anon);
            Assert.StartsWith("/anmelden", location!.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
        }

        var fields = new Dictionary<string, string> { ["revision"] = prep.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["actualStart"] = "02.2027", ["date"] = "01.03.2027", ["cause"] = "migration", ["summary"] = "x", ["decidedBy"] = "x", ["subject"] = "x", ["text"] = "x" };
        foreach (var action in new[] { pages[0] + "?handler=Actuals", pages[0] + "?handler=Dates", pages[2], pages[3], pages[4] })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostFormAsync(PlanPath, action, fields)).Status);
        }

        Assert.Equal(0, _server.Db(db => db.PlanIncidents.Count() + db.PlanDecisions.Count() + db.PlanInvolvements.Count()));
        Assert.Null(_server.Db(db => db.PlanPackages.Single(p => p.Id == prep.Id).ActualStart));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/migration/plaene/paket/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/migration/plaene/999999/vorfaelle")).Status);
    }
}
