using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Aufsicht.Data;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Aufsicht.Tests.Campaigns;

[Trait("Category", "Database")]
public sealed class CampaignStepsTestsOnSqlite : CampaignStepsTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class CampaignStepsTestsOnPostgres : CampaignStepsTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A case handler's campaign work beyond the dashboard: the list of every body asked with its status filters, a
/// reminder now to chosen bodies, and start, close, reopen and revoke each asked first on a page that says what will
/// happen; the installation's own authority as the default view.
/// </summary>
[Trait("Category", "Database")]
public abstract class CampaignStepsTests : IAsyncLifetime
{
    private const string Password = SurveyServer.Password;
    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync() => _server = await SurveyServer.StartAsync(Database, "--Aufsicht:Authority=lfdi-mv");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private T Db<T>(Func<AufsichtDb, T> query) => _server.Db(query);

    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task SubmitAsync(string link)
    {
        using var client = new HttpClient { BaseAddress = _server.Address };
        var token = link.Split('/').Last();
        using var response = await client.PutAsJsonAsync($"/api/v1/antworten/{token}", new
        {
            answers = SurveyAnswers.For("opentalk", null).ToDictionary(a => a.Key, a => a.Values),
            submit = true,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Targets_ListEveryBodyByStatus_AndRemindChosenOnesNow()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (id, links) = await _server.StartCampaignAsync(supervisor, "Erinnern");
        await SubmitAsync(links["schule@example.org"]);
        var ids = Db(db => db.Bodies.ToDictionary(b => b.ExternalId, b => b.Id));
        var list = $"/umfragen/{id}/organisationen";

        var (status, dashboard, _) = await supervisor.GetAsync($"/umfragen/{id}");
        Assert.Contains($"href=\"{list}\"", dashboard, StringComparison.Ordinal);
        (status, var all, _) = await supervisor.GetAsync(list);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Grundschule Am Deich", all, StringComparison.Ordinal);
        Assert.Contains("Gemeinde Süderholz", all, StringComparison.Ordinal);
        Assert.Contains("Firma ohne Adresse", all, StringComparison.Ordinal);

        var (_, compliant, _) = await supervisor.GetAsync(list + "?status=compliant");
        Assert.Contains("Grundschule Am Deich", compliant, StringComparison.Ordinal);
        Assert.DoesNotContain("Gemeinde Süderholz", compliant, StringComparison.Ordinal);
        var (_, open, _) = await supervisor.GetAsync(list + "?status=not-answered");
        Assert.DoesNotContain("Grundschule Am Deich", open, StringComparison.Ordinal);
        Assert.Contains("Gemeinde Süderholz", open, StringComparison.Ordinal);
        Assert.Contains("Firma ohne Adresse", open, StringComparison.Ordinal);
        var (_, deficient, _) = await supervisor.GetAsync(list + "?status=deficient");
        Assert.Contains("Keine Organisation hat diesen Stand.", deficient, StringComparison.Ordinal);
        (status, var bogus, _) = await supervisor.GetAsync(list + "?status=irgendwas");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Unbekannter Filter", bogus, StringComparison.Ordinal);

        // Only the municipality can be reminded: the school has answered, the company has no address.
        Assert.Contains($"value=\"{ids["G-2"]}\"", open, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"body\" value=\"{ids["S-1"]}\"", all, StringComparison.Ordinal);
        using (var reader = _server.NewSession())
        {
            await reader.LoginAsync("leitung@aufsicht.example", Password);
            var (forbidden, _, _) = await reader.PostFormAsync(list, list + "?handler=Remind", [new("body", ids["G-2"].ToString(CultureInfo.InvariantCulture))]);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        }

        (status, var none, _) = await supervisor.PostFormAsync(list, list + "?handler=Remind", []);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Bitte mindestens eine Organisation auswählen.", none, StringComparison.Ordinal);
        Assert.Equal(0, Db(db => db.Outbox.Count(o => o.CampaignId == id && o.Kind == "reminder")));

        (status, var reminded, _) = await supervisor.PostFormAsync(list, list + "?handler=Remind",
            ids.Values.Select(b => KeyValuePair.Create("body", b.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 Erinnerungen liegen im Postausgang; 2 gewählte Organisationen", reminded, StringComparison.Ordinal);
        var reminder = Assert.Single(Db(db => db.Outbox.Where(o => o.CampaignId == id && o.Kind == "reminder").ToList()));
        Assert.Equal("gemeinde@example.org", reminder.To);
        Assert.Matches(SurveyServer.LinkPattern(), reminder.Body);
        Assert.Equal(InvitationRecord.ManualReminder, Db(db => db.Invitations.Single(i => i.Id == reminder.InvitationId).Reminder));

        // A second reminder by hand is possible too (the scheduled ones are unique per number; these are not).
        await supervisor.PostFormAsync(list, list + "?handler=Remind", [new("body", ids["G-2"].ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(2, Db(db => db.Outbox.Count(o => o.CampaignId == id && o.Kind == "reminder")));
    }

    [Fact]
    public async Task Steps_StartCloseReopenRevoke_AskFirstAndSayWhatWillHappen()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var questionnaire = Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id);
        var (status, _, location) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Schritte"), new("questionnaire", questionnaire.ToString(CultureInfo.InvariantCulture)), new("deadline", InDays(30))]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var id = long.Parse(location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.Equal("lfdi-mv", Db(db => db.Campaigns.Single(c => c.Id == id).Authority));

        var (_, dashboard, _) = await supervisor.GetAsync($"/umfragen/{id}");
        Assert.Contains($"href=\"/umfragen/{id}/starten\"", dashboard, StringComparison.Ordinal);
        (status, var start, _) = await supervisor.GetAsync($"/umfragen/{id}/starten");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 Organisationen erhalten jetzt eine Einladung", start, StringComparison.Ordinal);
        Assert.Contains("1 Organisationen haben keine E-Mail-Adresse", start, StringComparison.Ordinal);
        Assert.Equal(0, Db(db => db.Outbox.Count(o => o.CampaignId == id)));
        Assert.Equal(CampaignState.Draft, Db(db => db.Campaigns.Single(c => c.Id == id).State));

        (status, var started, _) = await supervisor.PostFormAsync($"/umfragen/{id}/starten", $"/umfragen/{id}?handler=Start", []);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 Einladungen", started, StringComparison.Ordinal);
        (status, var again, _) = await supervisor.GetAsync($"/umfragen/{id}/starten");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("läuft bereits", again, StringComparison.Ordinal);

        var bodyId = Db(db => db.Bodies.Single(b => b.ExternalId == "S-1").Id);
        (status, var revoke, _) = await supervisor.GetAsync($"/umfragen/{id}/organisationen/{bodyId}/sperren");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 gültige Links dieser Organisation", revoke, StringComparison.Ordinal);
        Assert.Contains("1 E-Mails mit diesen Links warten", revoke, StringComparison.Ordinal);
        Assert.True(Db(db => db.Invitations.Any(i => i.CampaignId == id && i.BodyId == bodyId && i.RevokedAt == null)));

        (status, var close, _) = await supervisor.GetAsync($"/umfragen/{id}/schliessen");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("0 von 3 Organisationen haben geantwortet; 3 noch nicht.", close, StringComparison.Ordinal);
        Assert.Contains("2 E-Mails warten noch im Postausgang", close, StringComparison.Ordinal);
        await supervisor.PostFormAsync($"/umfragen/{id}/schliessen", $"/umfragen/{id}?handler=Close", []);
        Assert.Equal(CampaignState.Closed, Db(db => db.Campaigns.Single(c => c.Id == id).State));

        (_, dashboard, _) = await supervisor.GetAsync($"/umfragen/{id}");
        Assert.Contains($"href=\"/umfragen/{id}/wiedereroeffnen\"", dashboard, StringComparison.Ordinal);
        (status, var reopen, _) = await supervisor.GetAsync($"/umfragen/{id}/wiedereroeffnen");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("name=\"deadline\"", reopen, StringComparison.Ordinal);
        (status, var past, _) = await supervisor.PostFormAsync($"/umfragen/{id}/wiedereroeffnen", $"/umfragen/{id}?handler=Reopen", [new("deadline", "2020-01-01")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Frist: bitte ein Datum ab heute", past, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Closed, Db(db => db.Campaigns.Single(c => c.Id == id).State));

        var deadline = InDays(14);
        (status, var reopened, _) = await supervisor.PostFormAsync($"/umfragen/{id}/wiedereroeffnen", $"/umfragen/{id}?handler=Reopen", [new("deadline", deadline)]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Die Umfrage läuft wieder; neue Frist: " + DateOnly.ParseExact(deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), reopened, StringComparison.Ordinal);
        var campaign = Db(db => db.Campaigns.Single(c => c.Id == id));
        Assert.Equal((CampaignState.Running, (DateTime?)null, deadline), (campaign.State, campaign.ClosedAt, campaign.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        // Once the contact data are erased, there is no way back.
        await supervisor.PostFormAsync($"/umfragen/{id}/schliessen", $"/umfragen/{id}?handler=Close", []);
        Db(db => db.Campaigns.Where(c => c.Id == id).ExecuteUpdate(u => u.SetProperty(c => c.ContactsErasedAt, DateTime.UtcNow)));
        (status, var erased, _) = await supervisor.GetAsync($"/umfragen/{id}/wiedereroeffnen");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("kann nicht wieder geöffnet werden", erased, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewCampaign_OffersTheRegistrysRegions_AndTheOwnAuthorityFirst()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", Password);

        var (_, form, _) = await supervisor.GetAsync("/umfragen");

        Assert.Matches("<option value=\"lfdi-mv\" selected=\"selected\">", form);
        Assert.Contains("<option value=\"Nordwestmecklenburg\">Nordwestmecklenburg</option>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Vorpommern-Greifswald\">Vorpommern-Greifswald</option>", form, StringComparison.Ordinal);
    }
}
