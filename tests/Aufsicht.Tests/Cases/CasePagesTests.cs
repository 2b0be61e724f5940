using System.Net;
using Aufsicht.Core.Cases;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Cases;

[Trait("Category", "Database")]
public sealed class CasePagesTestsOnSqlite : CasePagesTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class CasePagesTestsOnPostgres : CasePagesTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A case handler's pages: opening a case from the dashboard, the case page in German with its recommendation, the
/// steps of the workflow as forms, refusals that name what is wrong, a stale page, and a reader who may only look.
/// </summary>
public abstract class CasePagesTests : IAsyncLifetime
{
    private AppServer _server = null!;
    private long _campaign;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database, "--Aufsicht:Cases:State=MV");
        (_campaign, _) = await _server.SeedDemoAsync(24);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static KeyValuePair<string, string> F(string name, string value) => KeyValuePair.Create(name, value);

    [Fact]
    public async Task Handler_OpensACaseFromTheDashboard_AndTakesItToADecision()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        var body = _server.Db(db => db.Evaluations.Where(e => e.CampaignId == _campaign && e.Status == Core.Evaluation.Compliance.Deficient).Select(e => e.BodyId).First());
        var dashboard = $"/umfragen/{_campaign}";

        var opened = await supervisor.PostFormAsync(dashboard, $"{dashboard}?handler=OpenCases", [F("bodyId", body.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        var page = opened.Location!.OriginalString;
        Assert.StartsWith("/verfahren/", page, StringComparison.Ordinal);

        var (status, html, _) = await supervisor.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        var fileNumber = _server.Db(db => db.Cases.Single(c => c.BodyId == body).FileNumber);
        Assert.Contains($"Verfahren {fileNumber}", html, StringComparison.Ordinal);
        Assert.Contains("Empfohlene Maßnahme", html, StringComparison.Ordinal);
        Assert.Contains("Art. 58 Abs. 2 lit.", html, StringComparison.Ordinal);
        Assert.Contains("Verfahren eröffnet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("procedure.md", html, StringComparison.Ordinal);

        // Hearing with a deadline in the past: refused, naming it.
        var past = await supervisor.PostFormAsync(page, page, [F("revision", "0"), F("action", "start-hearing"), F("deadline", "2020-01-01")]);
        Assert.Equal(HttpStatusCode.BadRequest, past.Status);
        Assert.Contains("muss in der Zukunft liegen", past.Body, StringComparison.Ordinal);
        Assert.Contains("01.01.2020", past.Body, StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(page, page, [F("revision", "0"), F("action", "start-hearing"), F("deadline", deadline)])).Status);

        // The same page posted again with its old revision: somebody moved the case on meanwhile.
        var stale = await supervisor.PostFormAsync(page, page, [F("revision", "0"), F("action", "record-statement")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("inzwischen geändert", stale.Body, StringComparison.Ordinal);

        // Lapsing a hearing whose period still runs is refused.
        var early = await supervisor.PostFormAsync(page, page, [F("revision", "1"), F("action", "record-hearing-lapsed")]);
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Contains("Die Anhörungsfrist läuft noch bis", early.Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(page, page, [F("revision", "1"), F("action", "record-statement"), F("note", "Stellungnahme liegt vor.")])).Status);

        // An order without a compliance deadline is refused; with one it is decided.
        var noDeadline = await supervisor.PostFormAsync(page, page, [F("revision", "2"), F("action", "decide"), F("powers", "58(2)(d)")]);
        Assert.Equal(HttpStatusCode.BadRequest, noDeadline.Status);
        Assert.Contains("braucht eine Frist zur Umsetzung", noDeadline.Body, StringComparison.Ordinal);
        var decided = await supervisor.PostFormAsync(page, page, [F("revision", "2"), F("action", "decide"), F("powers", "58(2)(d)"), F("deadline", deadline)]);
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);

        var record = _server.Db(db => db.Cases.Single(c => c.BodyId == body));
        Assert.Equal((CaseState.Decided, "58(2)(d)", 3), (record.State, record.Measure, record.Revision));
        // The opener handles the case: its deadlines reach their calendar and reminders.
        var handler = _server.Db(db => db.Users.Single(u => u.Email == "sachbearbeitung@aufsicht.example").Id);
        Assert.Equal(handler, record.HandlerId);
        Assert.Equal(4, _server.Db(db => db.AuditLog.Count(a => a.CaseId == record.Id)));

        var list = await supervisor.GetAsync("/verfahren?stand=decided");
        Assert.Contains(fileNumber, list.Body, StringComparison.Ordinal);
        Assert.Contains("Maßnahme entschieden", list.Body, StringComparison.Ordinal);
        var none = await supervisor.GetAsync("/verfahren?stand=closed");
        Assert.DoesNotContain(fileNumber, none.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_SeesCases_ButMayNotOpenOrChangeThem()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        var dashboard = $"/umfragen/{_campaign}";
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(dashboard, $"{dashboard}?handler=OpenCases", [])).Status);
        var id = _server.Db(db => db.Cases.OrderBy(c => c.Id).Select(c => c.Id).First());

        using var reader = _server.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password);
        var (status, html, _) = await reader.GetAsync($"/verfahren/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Nächster Schritt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Verfahren eröffnen", (await reader.GetAsync(dashboard)).Body, StringComparison.Ordinal);

        var page = $"/verfahren/{id}";
        var refused = await reader.PostFormAsync("/verfahren", page, [F("revision", "0"), F("action", "close"), F("outcome", "discontinued")]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(CaseState.Opened, _server.Db(db => db.Cases.Single(c => c.Id == id).State));

        var anonymous = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(page)).Status);
        anonymous.Dispose();
    }
}
