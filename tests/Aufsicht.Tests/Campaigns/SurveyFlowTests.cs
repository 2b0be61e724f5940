using System.Net;
using System.Text.RegularExpressions;
using Aufsicht.Core.Evaluation;
using Aufsicht.Data;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Campaigns;

[Trait("Category", "Database")]
public sealed class SurveyFlowTestsOnSqlite : SurveyFlowTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class SurveyFlowTestsOnPostgres : SurveyFlowTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A campaign over HTTP as supervisor and respondent would run it: create, start, answer by link, save, submit,
/// amend; and the refusals — wrong values, stale forms, double submits, bad and revoked links.
/// </summary>
[Trait("Category", "Database")]
public abstract class SurveyFlowTests : IAsyncLifetime
{
    private const string Password = SurveyServer.Password;
    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync() => _server = await SurveyServer.StartAsync(Database);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private T Db<T>(Func<AufsichtDb, T> query) => _server.Db(query);

    private Task<(long Id, Dictionary<string, string> Links)> StartCampaignAsync(Session supervisor) => _server.StartCampaignAsync(supervisor, "Videokonferenzen 2026");

    private static Regex LinkPattern() => SurveyServer.LinkPattern();

    [Fact]
    public async Task Campaign_AnsweredSavedResumedAndSubmitted_IsEvaluatedOnTheDashboard()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (id, links) = await StartCampaignAsync(supervisor);
        Assert.Equal(["gemeinde@example.org", "schule@example.org"], links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, Db(db => db.Invitations.Count(i => i.CampaignId == id)));

        using var respondent = _server.NewSession();
        var link = links["gemeinde@example.org"];
        var (status, page, _) = await respondent.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Gemeinde Süderholz", page, StringComparison.Ordinal);

        // Section 1: uses Skype; saved, then the page for Skype.
        (status, _, var location) = await respondent.PostFormAsync(link, link + "?abschnitt=0",
            [new("abschnitt", "0"), new("revision", "0"), new("a:usesVideo", "yes"), new("a:services", "skype"), new("a:users", "120"), new("action", "next")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("abschnitt=1", location!.OriginalString, StringComparison.Ordinal);

        // A wrong value writes nothing and names the question.
        (status, page, _) = await respondent.PostFormAsync(link + "?abschnitt=1", link + "?abschnitt=1",
            [new("abschnitt", "1"), new("revision", "1"), new("a:operatingModel@skype", "cloud"), new("action", "save")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("„cloud“ ist keine der angebotenen Antworten", page, StringComparison.Ordinal);
        Assert.Equal(1, Db(db => db.Responses.Single(r => r.CampaignId == id).Revision));

        (status, _, _) = await respondent.PostFormAsync(link + "?abschnitt=1", link + "?abschnitt=1",
        [
            new("abschnitt", "1"), new("revision", "1"),
            .. SurveyAnswers.Form(
                "skype", ("operatingModel", "saas"), ("hosting", "third-country"), ("purposes", "citizen-services"), ("participants", "citizens"),
                ("participants", "employees"), ("dpia", "none"), ("participantsInformed", "partial"), ("telemetryBlocked", "unknown")),
            new("action", "save"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, status);

        // A form shown before that save (revision 1) is refused, not written over the newer answers.
        (status, page, _) = await respondent.PostFormAsync(link + "?abschnitt=1", link + "?abschnitt=1",
            [new("abschnitt", "1"), new("revision", "1"), new("a:operatingModel@skype", "self-operated"), new("action", "save")]);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("in einem anderen Fenster", page, StringComparison.Ordinal);

        // Resumed later: the review page shows the saved answers; submitting twice gives one version.
        (_, page, _) = await respondent.GetAsync(link);
        Assert.Contains("Online-Dienst", page.Replace("als Online-Dienst des Herstellers genutzt", "Online-Dienst", StringComparison.Ordinal), StringComparison.Ordinal);
        var submit = new KeyValuePair<string, string>[] { new("revision", "2"), new("action", "submit") };
        (status, _, location) = await respondent.PostFormAsync(link, link, submit);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("quittung?fassung=1", location!.OriginalString, StringComparison.Ordinal);
        (status, _, location) = await respondent.PostFormAsync(link, link, submit);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("quittung?fassung=1", location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, Db(db => db.ResponseVersions.Count()));
        (_, page, _) = await respondent.GetAsync(location.OriginalString);
        Assert.Matches("U\\d+-\\d+-F1-[0-9A-F]{6}", page);

        // The supervisor sees the body as deficient with its findings.
        (_, page, _) = await supervisor.GetAsync($"/umfragen/{id}");
        Assert.Contains("Gemeinde Süderholz", page, StringComparison.Ordinal);
        var evaluation = Db(db => db.Evaluations.Single(e => e.CampaignId == id));
        Assert.Equal(Compliance.Deficient, evaluation.Status);
        Assert.False(string.IsNullOrEmpty(evaluation.MainFindings), "a deficient body names its main findings");
        Assert.Contains("L03", evaluation.MainFindings, StringComparison.Ordinal); // Skype's contract, from the catalogue
        Assert.Contains("U03", evaluation.MainFindings, StringComparison.Ordinal); // participants informed only in part
        var bodyId = evaluation.BodyId;
        (status, page, _) = await supervisor.GetAsync($"/umfragen/{id}/organisationen/{bodyId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("mangelhaft", page, StringComparison.Ordinal);
        Assert.Contains("Skype", page, StringComparison.Ordinal);
        // Each finding's criterion with its title, its articles in German notation.
        Assert.Contains("<span class=\"criterion-title\">Information der Teilnehmenden</span>", page, StringComparison.Ordinal);
        Assert.Contains("Art. 13 DSGVO, Art. 14 DSGVO", page, StringComparison.Ordinal);

        // The export has the answer, and the body's status (the machine variant: codes, as stored).
        (status, var csv, _) = await supervisor.GetAsync($"/umfragen/{id}/export.csv?variant=machine");
        Assert.Equal(HttpStatusCode.OK, status);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("operatingModel@skype", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.Contains("Gemeinde Süderholz", StringComparison.Ordinal));
        Assert.Contains("deficient", row, StringComparison.Ordinal);
        Assert.Contains("third-country", row, StringComparison.Ordinal);
        (status, _, _) = await supervisor.GetAsync($"/umfragen/{id}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, status);

        // Amending: a second version, the history kept.
        (status, _, _) = await respondent.PostFormAsync(link + "?abschnitt=1", link + "?abschnitt=1",
        [
            new("abschnitt", "1"), new("revision", "3"),
            .. SurveyAnswers.Form("skype", ("operatingModel", "saas"), ("hosting", "third-country"), ("purposes", "citizen-services"), ("participants", "citizens"), ("dpia", "none")),
            new("action", "save"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, _, location) = await respondent.PostFormAsync(link, link, [new("revision", "4"), new("action", "submit")]);
        Assert.Contains("quittung?fassung=2", location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal([1, 2], Db(db => db.ResponseVersions.OrderBy(v => v.Version).Select(v => v.Version).ToList()));
    }

    [Fact]
    public async Task Links_UnknownRevokedOrGuessed_OpenNothingAndAreRateLimited()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (id, links) = await StartCampaignAsync(supervisor);
        using var respondent = _server.NewSession();

        var (status, _, location) = await respondent.GetAsync("/antwort/" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("reason=unknown", location!.OriginalString, StringComparison.Ordinal);

        var bodyId = Db(db => db.Bodies.Single(b => b.ExternalId == "S-1").Id);
        (status, _, _) = await supervisor.PostFormAsync($"/umfragen/{id}/organisationen/{bodyId}", $"/umfragen/{id}/organisationen/{bodyId}?handler=Reissue", []);
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _, location) = await respondent.GetAsync(links["schule@example.org"]);
        Assert.Contains("reason=revoked", location!.OriginalString, StringComparison.Ordinal);
        var fresh = Db(db => db.Outbox.Where(o => o.To == "schule@example.org").OrderByDescending(o => o.Id).First().Body);
        (status, _, _) = await respondent.GetAsync(LinkPattern().Match(fresh).Value);
        Assert.Equal(HttpStatusCode.OK, status);

        // A closed campaign: the link shows the answers and says so, but accepts nothing.
        var open = LinkPattern().Match(fresh).Value;
        await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Close", []);
        (status, var page, _) = await respondent.PostFormAsync(open, open + "?abschnitt=0",
            [new("abschnitt", "0"), new("revision", "0"), new("a:usesVideo", "yes"), new("action", "save")]);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Diese Umfrage ist abgeschlossen", page, StringComparison.Ordinal);
        Assert.Equal(0, Db(db => db.Responses.Count()));

        for (var i = 0; i < 20; i++)
        {
            await respondent.GetAsync("/antwort/" + new string('B', 42) + (char)('a' + i));
        }

        (status, _, _) = await respondent.GetAsync(LinkPattern().Match(fresh).Value);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
    }

    [Fact]
    public async Task Links_RevokedWithoutANewOne_OpenNothing_GetNoReminders_UntilReplaced()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (id, links) = await _server.StartCampaignAsync(supervisor, "Sperren", DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var bodyId = Db(db => db.Bodies.Single(b => b.ExternalId == "S-1").Id);
        var page = $"/umfragen/{id}/organisationen/{bodyId}";

        using (var reader = _server.NewSession())
        {
            await reader.LoginAsync("leitung@aufsicht.example", Password);
            var (forbidden, _, _) = await reader.PostFormAsync(page, page + "?handler=Revoke", []);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden);
            Assert.True(Db(db => db.Invitations.Any(i => i.CampaignId == id && i.BodyId == bodyId && i.RevokedAt == null)));
        }

        var outbox = Db(db => db.Outbox.Count());
        var (status, shown, _) = await supervisor.PostFormAsync(page, page + "?handler=Revoke", []);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Alle Links dieser Organisation sind gesperrt", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(">gültig<", shown, StringComparison.Ordinal);
        Assert.Equal(outbox, Db(db => db.Outbox.Count()));
        // The invitation still waiting in the outbox (no mail server here) will not go out with its dead link.
        var waiting = Db(db => db.Outbox.Where(o => o.CampaignId == id && o.Kind == "invitation").ToDictionary(o => o.To, o => (o.State, o.LastError)));
        Assert.Equal((OutboxState.Failed, Aufsicht.Features.Mail.Outbox.LinkWithdrawn), waiting["schule@example.org"]);
        Assert.Equal((OutboxState.Pending, (string?)null), waiting["gemeinde@example.org"]);
        (status, shown, _) = await supervisor.PostFormAsync(page, page + "?handler=Revoke", []);
        Assert.Contains("keinen gültigen Link mehr; nichts wurde geändert", shown, StringComparison.Ordinal);

        using var respondent = _server.NewSession();
        var (_, _, location) = await respondent.GetAsync(links["schule@example.org"]);
        Assert.Contains("reason=revoked", location!.OriginalString, StringComparison.Ordinal);

        // The deadline is tomorrow, so the "1 day before" reminder is due: only the municipality, whose link is valid, gets it.
        var housekeeping = _server.Services.GetRequiredService<Aufsicht.Features.Campaigns.CampaignHousekeeping>();
        using (var scope = _server.Services.CreateScope())
        {
            Assert.Equal(1, await housekeeping.SendRemindersAsync(scope.ServiceProvider, CancellationToken.None));
        }

        Assert.Equal(["gemeinde@example.org"], Db(db => db.Outbox.Where(o => o.CampaignId == id && o.Kind == "reminder").Select(o => o.To).ToList()));

        // A given-up invitation is sent again only while its link is valid: the municipality's, not the school's.
        Db(db => db.Outbox.Where(o => o.CampaignId == id && o.Kind == "invitation").ExecuteUpdate(u => u.SetProperty(o => o.State, OutboxState.Failed)));

        (status, shown, _) = await supervisor.PostFormAsync("/post", "/post?handler=Retry", []);
        Assert.Contains("1 Nachricht(en) stehen wieder im Postausgang", shown, StringComparison.Ordinal);
        var states = Db(db => db.Outbox.Where(o => o.CampaignId == id && o.Kind == "invitation").ToDictionary(o => o.To, o => o.State));
        Assert.Equal((OutboxState.Pending, OutboxState.Failed), (states["gemeinde@example.org"], states["schule@example.org"]));

        // Replacing the link gives access again.
        await supervisor.PostFormAsync(page, page + "?handler=Reissue", []);
        var fresh = LinkPattern().Match(Db(db => db.Outbox.Where(o => o.To == "schule@example.org").OrderByDescending(o => o.Id).First().Body)).Value;
        (status, _, _) = await respondent.GetAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Campaign_ReaderCannotCreateOrStart()
    {
        using var reader = _server.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", Password);
        var (status, _, _) = await reader.PostFormAsync("/umfragen", "/umfragen", [new("title", "x"), new("questionnaire", "1"), new("deadline", "2099-01-01")]);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0, Db(db => db.Campaigns.Count()));
    }

    [Fact]
    public async Task Campaign_BadInput_NamesTheFieldAndCreatesNothing()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (status, page, _) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", ""), new("questionnaire", "999"), new("deadline", "31.12.2030"), new("reminders", "7,x")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Titel: bitte", page, StringComparison.Ordinal);
        Assert.Contains("Frist: bitte", page, StringComparison.Ordinal);
        Assert.Contains("Erinnerungen: bitte", page, StringComparison.Ordinal);
        Assert.Equal(0, Db(db => db.Campaigns.Count()));

        var questionnaire = Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (status, page, _) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Einzeln"), new("questionnaire", questionnaire), new("deadline", "2099-12-31"), new("bodies", "G-2\nX-404; Y-405")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("2 Kennung(en) stehen nicht im Verzeichnis der Organisationen: X-404, Y-405", page, StringComparison.Ordinal);
        Assert.Equal(0, Db(db => db.Campaigns.Count()));

        // A long pasted list (more ids than SQLite takes parameters) is checked as well: the unknown ones counted, the first named.
        var many = string.Join("\n", Enumerable.Range(0, 40_000).Select(i => "Z-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Prepend("G-2"));
        (status, page, _) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Viele"), new("questionnaire", questionnaire), new("deadline", "2099-12-31"), new("bodies", many)]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("40000 Kennung(en) stehen nicht im Verzeichnis der Organisationen: Z-0, Z-1,", page, StringComparison.Ordinal);
        Assert.Equal(0, Db(db => db.Campaigns.Count()));
    }

    [Fact]
    public async Task Campaign_WithListedBodies_AsksOnlyThose_ThatMatchTheChosenProperties()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var questionnaire = Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (status, _, location) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Einzeln"), new("questionnaire", questionnaire), new("deadline", "2099-12-31"), new("bodies", " G-2\r\nF-3,G-2 ")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var id = long.Parse(location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var asked = Db(db => db.CampaignBodies.Where(t => t.CampaignId == id).Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b.ExternalId).ToList());
        Assert.Equal(["F-3", "G-2"], asked.Order(StringComparer.Ordinal));

        // A property narrows the list further: of the two, only the company.
        (status, _, location) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Einzeln, Firmen"), new("questionnaire", questionnaire), new("deadline", "2099-12-31"), new("bodies", "G-2, F-3"), new("kind", "company")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        id = long.Parse(location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["F-3"], Db(db => db.CampaignBodies.Where(t => t.CampaignId == id).Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b.ExternalId).ToList()));
    }

    [Fact]
    public async Task OtherService_LinkedBySupervisor_IsEvaluated_AndCampaignReevaluatesAtAnotherDate()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (id, links) = await StartCampaignAsync(supervisor);
        using var respondent = _server.NewSession();
        var link = links["schule@example.org"];
        await respondent.PostFormAsync(link, link + "?abschnitt=0",
            [new("abschnitt", "0"), new("revision", "0"), new("a:usesVideo", "yes"), new("a:services", "other"), new("a:services.other", "  Unser   BBB "), new("action", "next")]);
        await respondent.PostFormAsync(link + "?abschnitt=1", link + "?abschnitt=1",
        [
            new("abschnitt", "1"), new("revision", "1"),
            .. SurveyAnswers.Form("other", ("purposes", "teaching"), ("participants", "pupils"), ("participants", "teachers"), ("dpia", "done")),
            new("action", "save"),
        ]);
        var (status, _, _) = await respondent.PostFormAsync(link, link, [new("revision", "2"), new("action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(Compliance.Unclear, Db(db => db.Evaluations.Single(e => e.CampaignId == id).Status));

        var (_, page, _) = await supervisor.GetAsync($"/umfragen/{id}/andere");
        Assert.Contains("„unser bbb“", page, StringComparison.Ordinal);
        var other = Db(db => db.OtherServices.Single(o => o.CampaignId == id));
        (status, page, _) = await supervisor.PostFormAsync($"/umfragen/{id}/andere", $"/umfragen/{id}/andere",
            [new("other", other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("service", "nonsense")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(Db(db => db.OtherServices.Single(o => o.Id == other.Id).LinkedService));
        (status, page, _) = await supervisor.PostFormAsync($"/umfragen/{id}/andere", $"/umfragen/{id}/andere",
            [new("other", other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("service", "opentalk")]);
        Assert.Equal(HttpStatusCode.OK, status);
        var evaluation = Db(db => db.Evaluations.Single(e => e.CampaignId == id));
        Assert.Equal(Compliance.Compliant, evaluation.Status);
        Assert.Equal("opentalk", Db(db => db.EvaluationServices.Single(e => e.CampaignId == id).Service));

        // Re-evaluating at another date changes the date of every evaluation; a bad date changes nothing.
        (status, page, _) = await supervisor.PostFormAsync($"/umfragen/{id}/neu-bewerten", $"/umfragen/{id}/neu-bewerten", [new("asOf", "03.07.2020"), new("authority", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Stichtag: bitte ein Datum", page, StringComparison.Ordinal);
        (status, page, _) = await supervisor.PostFormAsync($"/umfragen/{id}/neu-bewerten", $"/umfragen/{id}/neu-bewerten", [new("asOf", "2020-07-03"), new("authority", "")]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new DateOnly(2020, 7, 3), Db(db => db.Evaluations.Single(e => e.CampaignId == id).AsOf));
        Assert.Equal(new DateOnly(2020, 7, 3), Db(db => db.Campaigns.Single(c => c.Id == id).EvaluationAsOf));
    }

    [Fact]
    public async Task Housekeeping_SendsTheDueReminderOnce_OnlyToBodiesThatHaveNotSubmitted_AndErasesContactsAfterRetention()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var questionnaire = Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id);
        var deadline = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (_, _, location) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Erinnerungen"), new("questionnaire", questionnaire.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("deadline", deadline), new("reminders", "7,1")]);
        var id = long.Parse(location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Start", []);
        var link = LinkPattern().Match(Db(db => db.Outbox.Single(o => o.CampaignId == id && o.To == "gemeinde@example.org").Body)).Value;
        using var respondent = _server.NewSession();
        var (status, _, _) = await respondent.PostFormAsync(link, link + "?abschnitt=0",
            [new("abschnitt", "0"), new("revision", "0"), new("a:usesVideo", "no"), new("action", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, _, _) = await respondent.PostFormAsync(link, link, [new("revision", "1"), new("action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, status);

        var housekeeping = _server.Services.GetRequiredService<Aufsicht.Features.Campaigns.CampaignHousekeeping>();
        async Task<int> SentAsync()
        {
            await using var scope = _server.Services.CreateAsyncScope();
            return await housekeeping.SendRemindersAsync(scope.ServiceProvider, CancellationToken.None);
        }

        // One day before the deadline the second reminder is due (the first one is skipped, not sent late as well).
        Assert.Equal(1, await SentAsync());
        Assert.Equal(0, await SentAsync());
        var reminders = Db(db => db.Outbox.Where(o => o.CampaignId == id && o.Kind == "reminder").Select(o => o.To).ToList());
        Assert.Equal(["schule@example.org"], reminders);
        Assert.Equal(2, Db(db => db.Invitations.Single(i => i.CampaignId == id && i.Reminder > 0).Reminder));

        // Closed longer ago than the retention period: addresses and messages are erased; answers stay.
        await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Close", []);
        using (var scope = _server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            await db.Campaigns.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, DateTime.UtcNow.AddDays(-366)));
            Assert.Equal(1, await Aufsicht.Features.Campaigns.CampaignHousekeeping.EraseContactsAsync(db, DateTime.UtcNow, CancellationToken.None));
            Assert.Equal(0, await Aufsicht.Features.Campaigns.CampaignHousekeeping.EraseContactsAsync(db, DateTime.UtcNow, CancellationToken.None));
        }

        Assert.All(Db(db => db.Invitations.Where(i => i.CampaignId == id).Select(i => i.Email).ToList()), Assert.Null);
        Assert.Equal(0, Db(db => db.Outbox.Count(o => o.CampaignId == id)));
        Assert.NotNull(Db(db => db.Campaigns.Single(c => c.Id == id).ContactsErasedAt));
        Assert.Equal(1, Db(db => db.ResponseVersions.Count()));
    }
}
