using System.Globalization;
using System.Net;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Responses;

[Trait("Category", "Database")]
public sealed class PortalTestsOnSqlite : PortalTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class PortalTestsOnPostgres : PortalTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The respondent portal speaks in the authority's name: who asks, its address, the survey's contact person, an
/// imprint and the survey's privacy notice (Art. 13 GDPR); and nothing of the staff application.
/// </summary>
[Trait("Category", "Database")]
public abstract class PortalTests : IAsyncLifetime
{
    private const string MvName = "Landesbeauftragter für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern";
    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync() => _server = await SurveyServer.StartAsync(Database,
        "--Aufsicht:Authority=lfdi-mv", "--Aufsicht:Portal:Address=Werderstraße 74a|19055 Schwerin",
        "--Aufsicht:Portal:Imprint=Impressum der Musterbehörde.\n\nVertreten durch den Landesbeauftragten.");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(long Id, string Link)> StartAsync(Session supervisor)
    {
        var questionnaire = _server.Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id);
        var (status, _, location) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
        [
            new("title", "Videokonferenzen 2026"), new("questionnaire", questionnaire.ToString(CultureInfo.InvariantCulture)),
            new("deadline", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("contactName", "Erika Beispiel"), new("contactEmail", "e.beispiel@datenschutz-mv.example"), new("contactPhone", "0385 59494 0"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var id = long.Parse(location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Start", []);
        var mail = _server.Db(db => db.Outbox.Single(o => o.CampaignId == id && o.To == "schule@example.org"));
        Assert.Contains("Ansprechperson: Erika Beispiel\nE-Mail: e.beispiel@datenschutz-mv.example\nTelefon: 0385 59494 0", mail.Body, StringComparison.Ordinal);
        Assert.Contains(MvName, mail.Body, StringComparison.Ordinal);
        return (id, SurveyServer.LinkPattern().Match(mail.Body).Value);
    }

    [Fact]
    public async Task Portal_InTheAuthoritysName_WithContactImprintAndPrivacyNotice_WithoutStaffLinks()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        var (_, link) = await StartAsync(supervisor);
        var token = link.Split('/').Last();

        using var respondent = _server.NewSession();
        var (status, page, _) = await respondent.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(MvName, page, StringComparison.Ordinal);
        Assert.Contains("19055 Schwerin", page, StringComparison.Ordinal);
        Assert.Contains("Erika Beispiel", page, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:e.beispiel@datenschutz-mv.example\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/antwort/impressum\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/antwort/datenschutz/{token}\"", page, StringComparison.Ordinal);
        foreach (var staff in (string[])["/anmelden", "/api/v1/openapi.json", "/umfragen", "/organisationen", "/vergleich"])
        {
            Assert.DoesNotContain($"href=\"{staff}", page, StringComparison.Ordinal);
        }

        (status, var privacy, _) = await respondent.GetAsync($"/antwort/datenschutz/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Art. 13 DSGVO", privacy, StringComparison.Ordinal);
        Assert.Contains("Umfrage: „Videokonferenzen 2026“", privacy, StringComparison.Ordinal);
        Assert.Contains("365 Tage nach ihrem Abschluss", privacy, StringComparison.Ordinal);
        Assert.Contains("Telefon: 0385 59494 0", privacy, StringComparison.Ordinal);
        Assert.Contains("Art. 6 Abs. 1 UAbs. 1 lit. e DSGVO", privacy, StringComparison.Ordinal);

        // Without a link, or with a wrong one, the general notice: nothing about any survey.
        (status, var general, _) = await respondent.GetAsync("/antwort/datenschutz/" + new string('x', 43));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Videokonferenzen 2026", general, StringComparison.Ordinal);
        Assert.Contains("nach der Frist, die für die Umfrage festgelegt ist", general, StringComparison.Ordinal);

        (status, var imprint, _) = await respondent.GetAsync("/antwort/impressum");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Impressum der Musterbehörde.", imprint, StringComparison.Ordinal);
        Assert.Contains("Vertreten durch den Landesbeauftragten.", imprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campaign_BadContact_IsRefusedWithMessages_AndCreatesNothing()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        var questionnaire = _server.Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id);
        var before = _server.Db(db => db.Campaigns.Count());

        var (status, page, _) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
        [
            new("title", "Kontakt"), new("questionnaire", questionnaire.ToString(CultureInfo.InvariantCulture)),
            new("deadline", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("contactEmail", "keine-adresse"), new("contactPhone", "ruf an"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("E-Mail der Ansprechperson: „keine-adresse“ ist keine E-Mail-Adresse.", page, StringComparison.Ordinal);
        Assert.Contains("Telefon der Ansprechperson: bitte nur Ziffern", page, StringComparison.Ordinal);
        Assert.Equal(before, _server.Db(db => db.Campaigns.Count()));
    }
}
