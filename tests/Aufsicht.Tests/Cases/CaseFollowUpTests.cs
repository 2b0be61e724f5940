using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Aufsicht.Core.Cases;
using Aufsicht.Data;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Cases;

[Trait("Category", "Database")]
public sealed class CaseFollowUpTestsOnSqlite : CaseFollowUpTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class CaseFollowUpTestsOnPostgres : CaseFollowUpTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// After the compliance deadline the body is asked again through a new link to its survey (issue 13 item 7): the link
/// works after the campaign closed, the new answers are re-evaluated, and the case page proposes closing as remedied or
/// escalating. Also: handing a case over, the controller facts, and a fine decided with its amount.
/// </summary>
public abstract partial class CaseFollowUpTests : IAsyncLifetime
{
    private static readonly string Skype = SkypeAnswers("120");

    private static string SkypeAnswers(string users) => SurveyAnswers.Json(
        "skype", users, ("operatingModel", "saas"), ("hosting", "third-country"), ("purposes", "teaching"),
        ("participants", "pupils"), ("protectionNeed", "high"), ("dpia", "threshold-only"), ("participantsInformed", "partial"), ("telemetryBlocked", "unknown"));

    private static readonly string OpenTalk = SurveyAnswers.Json("opentalk", "40");

    private readonly JumpingClock _clock = new(DateTimeOffset.UtcNow);
    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync() => _server = await SurveyServer.StartAsync(Database, _clock, "--Aufsicht:Cases:State=MV");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static KeyValuePair<string, string> F(string name, string value) => KeyValuePair.Create(name, value);

    private string Day(int days) => _clock.GetUtcNow().AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("<code>(http[^<]+/antwort/[^<]+)</code>")]
    private static partial Regex IssuedLink();

    /// <summary>The school answers Skype (deficient); a case is opened for it and an order decided with a deadline in 10 days.</summary>
    private async Task<(Session Supervisor, string Page, long CaseId, long Campaign, string SchoolLink)> DecidedCaseAsync()
    {
        var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        var (campaign, links) = await _server.StartCampaignAsync(supervisor, "Videokonferenzen 2026", Day(30));
        Assert.Equal(HttpStatusCode.OK, await PutAsync(links["schule@example.org"], Skype));
        var body = _server.Db(db => db.Bodies.Single(b => b.ContactEmail == "schule@example.org").Id);
        var dashboard = $"/umfragen/{campaign}";
        var opened = await supervisor.PostFormAsync(dashboard, $"{dashboard}?handler=OpenCases", [F("bodyId", body.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        var page = opened.Location!.OriginalString;
        var id = _server.Db(db => db.Cases.Single(c => c.BodyId == body).Id);
        var decided = await supervisor.PostFormAsync(page, page, [F("revision", "0"), F("action", "decide"), F("powers", "58(2)(d)"), F("deadline", Day(10)),
            F("ground", "§ 28 Abs. 2 Nr. 1 VwVfG")]);
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        return (supervisor, page, id, campaign, links["schule@example.org"]);
    }

    /// <summary>Days pass; the handler's session (eight hours) has ended meanwhile, so they sign in again.</summary>
    private async Task AdvanceAsync(Session supervisor, int days)
    {
        _clock.Advance(TimeSpan.FromDays(days));
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
    }

    private async Task<HttpStatusCode> PutAsync(string link, string answers)
    {
        using var client = new HttpClient { BaseAddress = _server.Address };
        using var content = new StringContent(answers, Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri("/api/v1/responses/" + link.Split('/')[^1], UriKind.Relative), content);
        return response.StatusCode;
    }

    [Fact]
    public async Task FollowUp_BodyAnswersAgainAfterTheCampaignClosed_ProposesClosingAsRemedied()
    {
        var (supervisor, page, id, campaign, schoolLink) = await DecidedCaseAsync();
        using var _ = supervisor;

        // Before the compliance deadline the follow-up check is refused, naming the deadline's last day.
        var early = await supervisor.PostFormAsync(page, page, [F("revision", "1"), F("action", "start-follow-up")]);
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Contains("Die Frist zur Umsetzung läuft noch bis", early.Body, StringComparison.Ordinal);

        // The campaign closed meanwhile: its own links no longer take answers.
        using (var scope = _server.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AufsichtDb>().Campaigns.Where(c => c.Id == campaign).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CampaignState.Closed));
        }

        Assert.NotEqual(HttpStatusCode.OK, await PutAsync(schoolLink, OpenTalk));

        await AdvanceAsync(supervisor, 11);
        var started = await supervisor.PostFormAsync(page, page, [F("revision", "1"), F("action", "start-follow-up")]);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var (_, html, _) = await supervisor.GetAsync(page);
        var link = IssuedLink().Match(html).Groups[1].Value;
        Assert.Contains("per E-Mail geschickt", html, StringComparison.Ordinal);
        Assert.Contains("Noch keine neuen Antworten", html, StringComparison.Ordinal);
        // Shown once: the next visit does not show it again.
        Assert.DoesNotContain(link, (await supervisor.GetAsync(page)).Body, StringComparison.Ordinal);

        var mail = _server.Db(db => db.Outbox.Single(o => o.Kind == "follow-up"));
        Assert.Equal("schule@example.org", mail.To);
        Assert.Contains(link, mail.Body, StringComparison.Ordinal);
        Assert.Contains("Nachprüfung", mail.Subject, StringComparison.Ordinal);
        var record = _server.Db(db => db.Cases.Single(c => c.Id == id));
        Assert.Equal(CaseState.FollowUp, record.State);
        Assert.NotNull(record.FollowUpAskedAt);

        // The follow-up link takes the new answers although the campaign is closed; they are compliant now.
        Assert.Equal(HttpStatusCode.OK, await PutAsync(link, OpenTalk));
        var (_, after, _) = await supervisor.GetAsync(page);
        Assert.Contains("Vorschlag: Die Mängel sind behoben", after, StringComparison.Ordinal);
        Assert.Contains("konform", after, StringComparison.Ordinal);

        var closed = await supervisor.PostFormAsync(page, page, [F("revision", "2"), F("action", "close"), F("outcome", "remedied")]);
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.Equal((CaseState.Closed, CaseOutcome.Remedied), _server.Db(db => db.Cases.Where(c => c.Id == id).Select(c => new { c.State, c.Outcome }).AsEnumerable().Select(c => (c.State, c.Outcome!.Value)).Single()));

        // After its last day the follow-up link is closed like the campaign's own.
        _clock.Advance(TimeSpan.FromDays(15));
        Assert.NotEqual(HttpStatusCode.OK, await PutAsync(link, OpenTalk));
    }

    [Fact]
    public async Task FollowUp_StillDeficient_ProposesEscalation_AndTheNextRung()
    {
        var (supervisor, page, id, _, _) = await DecidedCaseAsync();
        using var _ = supervisor;
        await AdvanceAsync(supervisor, 11);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(page, page, [F("revision", "1"), F("action", "start-follow-up")])).Status);
        var (_, html, _) = await supervisor.GetAsync(page);
        var link = IssuedLink().Match(html).Groups[1].Value;
        // Changed answers, still deficient (the same answers once more make no new version: nothing new to evaluate).
        Assert.Equal(HttpStatusCode.OK, await PutAsync(link, SkypeAnswers("150")));

        var (_, after, _) = await supervisor.GetAsync(page);
        Assert.Contains("Vorschlag: Die Maßnahme wurde nicht befolgt", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(page, page, [F("revision", "2"), F("action", "escalate")])).Status);
        Assert.Equal(CaseState.Escalated, _server.Db(db => db.Cases.Single(c => c.Id == id).State));
        // The audit chain holds every step, the follow-up link's last day among them.
        var entries = _server.Db(db => db.AuditLog.Where(a => a.CaseId == id).OrderBy(a => a.Sequence).Select(a => a.Action).ToList());
        Assert.Equal(["case.open", "case.decide", "case.start-follow-up", "case.escalate"], entries);
        Assert.Contains("Link zur erneuten Antwort bis", (await supervisor.GetAsync(page)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_Assign_AndFine_AreCheckedAndRecorded()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        var company = _server.Db(db => db.Bodies.Single(b => b.Name == "Firma ohne Adresse").Id);
        long id;
        using (var scope = _server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            id = await CaseRows.CaseAsync(db, company, "2026-0900", CaseState.StatementReceived, handler: null);
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PublicBody, false));
            db.CaseInfringements.Add(new CaseInfringementRecord { CaseId = id, Criterion = "L03", Level = "red", Articles = "Art. 44", Tier = "83(5)" });
            await db.SaveChangesAsync();
        }
        var page = $"/verfahren/{id}";

        // Bad facts: each named, nothing saved.
        var bad = await supervisor.PostFormAsync(page, page + "?handler=Facts", [F("revision", "0"), F("land", "XY"), F("turnover", "viel"), F("dataSubjects", "-3"), F("inCompetition", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("„XY“ ist kein deutsches Land", bad.Body, StringComparison.Ordinal);
        Assert.Contains("„viel“ ist kein Betrag in Euro", bad.Body, StringComparison.Ordinal);
        Assert.Contains("„-3“ ist keine Anzahl", bad.Body, StringComparison.Ordinal);
        Assert.Contains("Nur eine öffentliche Stelle", bad.Body, StringComparison.Ordinal);
        Assert.Null(_server.Db(db => db.Cases.Single(c => c.Id == id).TurnoverCents));

        var saved = await supervisor.PostFormAsync(page, page + "?handler=Facts", [F("revision", "0"), F("land", "MV"), F("turnover", "30.000.000"), F("dataSubjects", "12.000"),
            F("specialCategories", "no"), F("culpability", "negligence")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var facts = _server.Db(db => db.Cases.Single(c => c.Id == id));
        Assert.Equal((3_000_000_000L, 12000, "negligence", false), (facts.TurnoverCents!.Value, facts.DataSubjects!.Value, facts.Culpability!, facts.SpecialCategories!.Value));

        // The page proposes a fine by the EDPB method from these facts, in German notation.
        var (_, html, _) = await supervisor.GetAsync(page + "?schwere=medium");
        Assert.Contains("Geldbuße berechnen", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("Vorschlag: [0-9.]+,[0-9]{2} €"), html);
        Assert.Contains("30.000.000,00 €", html, StringComparison.Ordinal);

        // Handed over to a colleague who may handle cases; a reader is no handler.
        await _server.CreateUserAsync("kollegin@aufsicht.example", SurveyServer.Password, "Supervisor");
        var reader = _server.Db(db => db.Users.Single(u => u.Email == "leitung@aufsicht.example").Id);
        var refused = await supervisor.PostFormAsync(page, page + "?handler=Assign", [F("revision", "1"), F("handler", reader)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("darf keine Verfahren bearbeiten", refused.Body, StringComparison.Ordinal);
        var colleague = _server.Db(db => db.Users.Single(u => u.Email == "kollegin@aufsicht.example").Id);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(page, page + "?handler=Assign", [F("revision", "1"), F("handler", colleague)])).Status);
        Assert.Contains("kollegin@aufsicht.example", (await supervisor.GetAsync(page)).Body, StringComparison.Ordinal);

        // A fine needs its amount; the amount is kept in cents.
        var noAmount = await supervisor.PostFormAsync(page, page, [F("revision", "2"), F("action", "decide"), F("powers", "58(2)(i)")]);
        Assert.Equal(HttpStatusCode.BadRequest, noAmount.Status);
        Assert.Contains("braucht einen Betrag", noAmount.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(page, page, [F("revision", "2"), F("action", "decide"), F("powers", "58(2)(i)"), F("fine", "150.000,00")])).Status);
        Assert.Equal(15_000_000L, _server.Db(db => db.Cases.Single(c => c.Id == id).FineCents));
        Assert.Contains("Geldbuße: 150.000,00 €", (await supervisor.GetAsync(page)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fine_OnAPublicGermanBody_IsRefused()
    {
        var (supervisor, _, _, _, _) = await DecidedCaseAsync();
        using var _ = supervisor;
        var school = _server.Db(db => db.Bodies.Single(b => b.ContactEmail == "schule@example.org").Id);
        long id;
        using (var scope = _server.Services.CreateScope())
        {
            id = await CaseRows.CaseAsync(scope.ServiceProvider.GetRequiredService<AufsichtDb>(), school, "2026-0901", CaseState.StatementReceived, handler: null);
        }

        var page = $"/verfahren/{id}";
        var refused = await supervisor.PostFormAsync(page, page, [F("revision", "0"), F("action", "decide"), F("powers", "58(2)(i)"), F("fine", "1000")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("darf keine Geldbuße verhängt werden", refused.Body, StringComparison.Ordinal);
        Assert.Null(_server.Db(db => db.Cases.Single(c => c.Id == id).Measure));
    }
}
