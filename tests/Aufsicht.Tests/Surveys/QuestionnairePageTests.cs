using System.Net;
using System.Text;
using Aufsicht.Core.Surveys;
using Aufsicht.Data;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Surveys;

public sealed class QuestionnairePageTestsOnSqlite : QuestionnairePageTests
{
    protected override string Database => "sqlite";
}

public sealed class QuestionnairePageTestsOnPostgres : QuestionnairePageTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The questionnaire pages over HTTP: import all-or-nothing with versions, and the preview of what a body sees.
/// </summary>
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

    private T Db<T>(Func<AufsichtDb, T> query)
    {
        using var scope = _server.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<AufsichtDb>());
    }

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
}
