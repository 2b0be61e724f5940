using System.Globalization;
using System.Net;
using System.Text;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Mail;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Questionnaires;

[Trait("Category", "Database")]
public sealed class QuestionnairePageTestsOnSqlite : QuestionnairePageTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class QuestionnairePageTestsOnPostgres : QuestionnairePageTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The questionnaire pages and a campaign's e-mail templates over HTTP: import all-or-nothing with versions, the
/// preview of what a body sees, and templates checked before they are saved and used by the next invitation.
/// </summary>
[Trait("Category", "Database")]
public abstract class QuestionnairePageTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private AppServer _server = null!;

    protected abstract string Database { get; }

    /// <summary>A small valid definition (the example of docs/formats/questionnaire.md, shortened); {0} is its title.</summary>
    private const string Definition = """
        {
          "key": "messenger-test",
          "title": { "de": "{0}", "en": "Use of messengers" },
          "sections": [
            { "id": "tools", "title": { "de": "Eingesetzte Dienste", "en": "Services in use" },
              "questions": [
                { "id": "usesChat", "type": "yes-no-unknown", "required": true,
                  "label": { "de": "Nutzt Ihre Stelle dienstlich Messenger?", "en": "Does your body use messengers at work?" } },
                { "id": "services", "type": "services", "category": "chat", "allowOther": true, "required": true,
                  "showIf": { "question": "{1}", "anyOf": ["yes"] },
                  "label": { "de": "Welche Messenger nutzen Sie?", "en": "Which messengers do you use?" } }
              ] },
            { "id": "use", "title": { "de": "Einsatz des Dienstes", "en": "Use of the service" }, "forEachService": "services",
              "questions": [
                { "id": "operatingModel", "type": "single", "required": true,
                  "label": { "de": "Wie wird der Dienst betrieben?", "en": "How is the service operated?" },
                  "options": [
                    { "value": "self-operated", "label": { "de": "von uns selbst", "en": "by ourselves" } },
                    { "value": "saas", "label": { "de": "als Online-Dienst", "en": "as an online service" } }
                  ] }
              ] }
          ],
          "deployment": { "services": "services", "fields": { "operatingModel": "operatingModel" } }
        }
        """;

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync(Database);
        await _server.CreateUserAsync("sachbearbeitung@aufsicht.example", Password, "Supervisor");
        await _server.CreateUserAsync("leitung@aufsicht.example", Password, "Reader");
        using var scope = _server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        var now = DateTime.UtcNow;
        db.Bodies.AddRange(
            new BodyRecord { ExternalId = "G-1", Name = "Gemeinde Süderholz", Kind = "municipality", Region = "Vorpommern-Greifswald", State = "MV", PublicBody = true, ContactEmail = "gemeinde@example.org", Language = "de", CreatedAt = now, UpdatedAt = now },
            new BodyRecord { ExternalId = "S-2", Name = "Grundschule Am Deich", Kind = "school", State = "MV", PublicBody = true, ContactEmail = "schule@example.org", Language = "en", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private T Db<T>(Func<AufsichtDb, T> query) => _server.Db(query);

    private static byte[] Content(string title, string condition = "usesChat") =>
        Encoding.UTF8.GetBytes(Definition.Replace("{0}", title, StringComparison.Ordinal).Replace("{1}", condition, StringComparison.Ordinal));

    private async Task<Session> LoginAsync(string email)
    {
        var session = _server.NewSession();
        await session.LoginAsync(email, Password);
        return session;
    }

    private static Task<(HttpStatusCode Status, string Body, Uri? Location)> ImportAsync(Session session, byte[] content) =>
        session.PostFileAsync("/fragebogen", "/fragebogen", "file", "messenger.json", content);

    [Fact]
    public async Task Import_NewSameAndChanged_GivesVersionOneNothingNewThenVersionTwo()
    {
        using var supervisor = await LoginAsync("sachbearbeitung@aufsicht.example");

        var (status, page, _) = await ImportAsync(supervisor, Content("Einsatz von Messengern"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Fassung 1 von „messenger-test“ importiert", page, StringComparison.Ordinal);

        (status, page, _) = await ImportAsync(supervisor, Content("Einsatz von Messengern"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Unverändert — diese Fassung gibt es schon", page, StringComparison.Ordinal);
        Assert.Equal([1], Db(db => db.Questionnaires.Where(q => q.Key == "messenger-test").Select(q => q.Version).ToList()));

        (status, page, _) = await ImportAsync(supervisor, Content("Einsatz von Messengern 2026"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Fassung 2 von „messenger-test“ importiert", page, StringComparison.Ordinal);
        var versions = Db(db => db.Questionnaires.Where(q => q.Key == "messenger-test").OrderBy(q => q.Version).Select(q => new { q.Id, q.Version, q.ImportedBy }).ToList());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal("sachbearbeitung@aufsicht.example", v.ImportedBy));

        // Listed with both versions; each downloads as imported.
        (status, page, _) = await supervisor.GetAsync("/fragebogen");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Einsatz von Messengern 2026", page, StringComparison.Ordinal);
        Assert.Contains($"/fragebogen/{versions[1].Id}/vorschau", page, StringComparison.Ordinal);
        var (downloaded, type, content) = await supervisor.DownloadAsync($"/fragebogen/{versions[0].Id}.json");
        Assert.Equal(HttpStatusCode.OK, downloaded);
        Assert.Equal("application/json", type);
        Assert.Equal(Content("Einsatz von Messengern"), content);
        (downloaded, _, _) = await supervisor.DownloadAsync("/fragebogen/999999.json");
        Assert.Equal(HttpStatusCode.NotFound, downloaded);
    }

    [Fact]
    public async Task Import_DanglingCondition_NamesShowIfQuestionAndStoresNothing()
    {
        using var supervisor = await LoginAsync("sachbearbeitung@aufsicht.example");
        var before = Db(db => db.Questionnaires.Count());

        var (status, page, _) = await ImportAsync(supervisor, Content("Einsatz von Messengern", condition: "usesChatt"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("nichts wurde gespeichert", page, StringComparison.Ordinal);
        Assert.Contains("sections[0].questions[1].showIf.question: ", page, StringComparison.Ordinal);
        Assert.Equal(before, Db(db => db.Questionnaires.Count()));
    }

    [Fact]
    public async Task Import_AsReader_IsForbiddenAndStoresNothing()
    {
        using var reader = await LoginAsync("leitung@aufsicht.example");
        var before = Db(db => db.Questionnaires.Count());

        var (status, page, _) = await reader.GetAsync("/fragebogen");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("type=\"file\"", page, StringComparison.Ordinal);
        (status, _, _) = await ImportAsync(reader, Content("Einsatz von Messengern"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(before, Db(db => db.Questionnaires.Count()));
    }

    [Fact]
    public async Task Preview_ShippedQuestionnaire_ShowsEveryQuestionInBothLanguagesWithoutAForm()
    {
        using var reader = await LoginAsync("leitung@aufsicht.example");
        var id = Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id);
        var definition = QuestionnaireReader.Read(System.IO.File.ReadAllBytes(Path.Combine(Cli.Repository, "data", "questionnaires", "videokonferenz.json"))).Value;

        var (status, html, _) = await reader.GetAsync($"/fragebogen/{id}/vorschau");

        Assert.Equal(HttpStatusCode.OK, status);
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains("Vorschau – Antworten werden nicht gespeichert", page, StringComparison.Ordinal);
        Assert.Contains("Beispielsystem", page, StringComparison.Ordinal);
        var questions = definition.Sections.SelectMany(s => s.Questions).ToList();
        Assert.True(questions.Count > 10, $"{questions.Count} questions");
        Assert.All(questions, q => Assert.Contains(q.Label.De, page, StringComparison.Ordinal));
        Assert.Contains("Nur zu beantworten, wenn", page, StringComparison.Ordinal);
        Assert.Contains("data-show-if=\"a:operatingModel@other\"", page, StringComparison.Ordinal);
        Assert.Contains("/js/survey.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"submit\" name=\"action\"", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<form"));  // the logout form only

        (status, _, _) = await reader.GetAsync($"/sprache?lang=en&back=%2Ffragebogen%2F{id}%2Fvorschau");
        Assert.Equal(HttpStatusCode.Redirect, status);
        (_, html, _) = await reader.GetAsync($"/fragebogen/{id}/vorschau");
        page = WebUtility.HtmlDecode(html);
        Assert.Contains("Preview – answers are not saved", page, StringComparison.Ordinal);
        Assert.Contains("example system", page, StringComparison.Ordinal);
        Assert.All(questions, q => Assert.Contains(q.Label.En, page, StringComparison.Ordinal));

        (status, _, _) = await reader.GetAsync("/fragebogen/999999/vorschau");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    /// <summary>Creates a draft campaign over both bodies; returns its id.</summary>
    private async Task<long> CreateCampaignAsync(Session supervisor)
    {
        var questionnaire = Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id);
        var deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (status, _, location) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Videokonferenzen 2026"), new("questionnaire", questionnaire.ToString(CultureInfo.InvariantCulture)), new("deadline", deadline)]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        return long.Parse(location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>The eight template fields as the form posts them: the shipped texts, some replaced.</summary>
    private static List<KeyValuePair<string, string>> TemplateForm(params (string Field, string Value)[] changes)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var kind in new[] { CampaignTemplates.InvitationKind, CampaignTemplates.ReminderKind })
        {
            foreach (var part in new[] { "subject", "text" })
            {
                foreach (var language in new[] { Language.De, Language.En })
                {
                    var field = CampaignTemplates.Field(kind, part, language);
                    var change = changes.FirstOrDefault(c => c.Field == field);
                    fields.Add(new(field, change.Value ?? CampaignTemplates.Default.Get(kind, part, language)));
                }
            }
        }

        return fields;
    }

    [Fact]
    public async Task Templates_LiquidSyntaxError_NamesTheTemplateAndChangesNothing()
    {
        using var supervisor = await LoginAsync("sachbearbeitung@aufsicht.example");
        var id = await CreateCampaignAsync(supervisor);
        var before = Db(db => db.Campaigns.Single(c => c.Id == id).TemplatesJson);

        var (status, html, _) = await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Templates",
            TemplateForm(("invitation.subject.de", "Auskunftsersuchen {{ campaign.title"), ("reminder.text.en", "Dear {{ body.adress }}")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains("Einladung, Betreff (deutsch): Syntaxfehler", page, StringComparison.Ordinal);
        Assert.Contains("Erinnerung, Text (englisch): unbekannte Variable 'body.adress'", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#tpl-invitation-subject-de\"", page, StringComparison.Ordinal);
        Assert.Contains("Auskunftsersuchen {{ campaign.title", page, StringComparison.Ordinal); // what was typed is kept in the form
        Assert.Equal(before, Db(db => db.Campaigns.Single(c => c.Id == id).TemplatesJson));
    }

    [Fact]
    public async Task Templates_ValidEdit_IsPreviewedAndUsedByTheNextInvitation()
    {
        using var supervisor = await LoginAsync("sachbearbeitung@aufsicht.example");
        var id = await CreateCampaignAsync(supervisor);

        var (status, html, _) = await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Templates",
            TemplateForm(("invitation.subject.de", "Bitte antworten: {{ campaign.title }} bis {{ campaign.deadline }}"), ("invitation.subject.en", "Please answer: {{ campaign.title }}")));
        Assert.Equal(HttpStatusCode.OK, status);
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains("Die E-Mail-Vorlagen sind gespeichert.", page, StringComparison.Ordinal);

        // The preview renders the invitation for the first target body, in its language, with a stand-in link.
        var deadline = DateTime.UtcNow.AddDays(30).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Bitte antworten: Videokonferenzen 2026 bis {deadline}", page, StringComparison.Ordinal);
        Assert.Contains("/antwort/[persönlicher-Schlüssel]", page, StringComparison.Ordinal);

        (status, _, _) = await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Start", []);
        Assert.Equal(HttpStatusCode.OK, status);
        var subjects = Db(db => db.Outbox.Where(o => o.CampaignId == id).ToDictionary(o => o.To, o => o.Subject, StringComparer.Ordinal));
        Assert.Equal($"Bitte antworten: Videokonferenzen 2026 bis {deadline}", subjects["gemeinde@example.org"]);
        Assert.Equal("Please answer: Videokonferenzen 2026", subjects["schule@example.org"]);

        // Once running, the templates are shown read-only and a late post changes nothing.
        (_, html, _) = await supervisor.GetAsync($"/umfragen/{id}");
        Assert.DoesNotContain("handler=Templates", html, StringComparison.Ordinal);
        Assert.Contains("Bitte antworten: {{ campaign.title }}", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var stored = Db(db => db.Campaigns.Single(c => c.Id == id).TemplatesJson);
        (status, _, _) = await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Templates", TemplateForm(("invitation.subject.de", "Zu spät")));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(stored, Db(db => db.Campaigns.Single(c => c.Id == id).TemplatesJson));
    }

    [Fact]
    public async Task Templates_AsReader_AreForbiddenAndShownReadOnly()
    {
        using var supervisor = await LoginAsync("sachbearbeitung@aufsicht.example");
        var id = await CreateCampaignAsync(supervisor);
        using var reader = await LoginAsync("leitung@aufsicht.example");

        var (_, html, _) = await reader.GetAsync($"/umfragen/{id}");
        Assert.DoesNotContain("handler=Templates", html, StringComparison.Ordinal);
        var (status, _, _) = await reader.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Templates", TemplateForm(("invitation.subject.de", "x")));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(CampaignTemplates.Default.ToJson(), Db(db => db.Campaigns.Single(c => c.Id == id).TemplatesJson));
    }
}
