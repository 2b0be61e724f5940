using System.Net;
using System.Text;
using System.Text.Json;
using Aufsicht.Tests.Shared;
using Xunit;

namespace Aufsicht.Tests.Web;

/// <summary>Every web test on SQLite.</summary>
[Trait("Category", "Database")]
public sealed class WebTestsOnSqlite : WebTests
{
    protected override string Database => "sqlite";
}

/// <summary>Every web test on a real PostgreSQL server.</summary>
[Trait("Category", "Database")]
public sealed class WebTestsOnPostgres : WebTests
{
    protected override string Database => "postgres";
}

/// <summary>The web application over HTTP: pages, API, ProblemDetails, headers, language, bad input — on each database.</summary>
[Trait("Category", "Database")]
public abstract class WebTests : IAsyncLifetime
{
    private AppServer _server = null!;

    protected abstract string Database { get; }

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await AppServer.StartOnAsync(Database);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> Get(string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_IsOk()
    {
        var (status, body) = await Get("/healthz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body);
    }

    [Fact]
    public async Task CatalogPage_ListsServicesWithLights_InGermanByDefault()
    {
        var (status, body) = await Get("/?asOf=2020-07-03");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"de\">", body, StringComparison.Ordinal);
        Assert.Contains("Dienstekatalog", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/katalog/zoom?asOf=2020-07-03\"", body, StringComparison.Ordinal);
        Assert.Contains("class=\"light light-red\">rot</span>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogPage_Filters_ByCategoryVerdictAndSearch()
    {
        var (_, office) = await Get("/?category=office-suite", "en");
        Assert.Contains("LibreOffice", office, StringComparison.Ordinal);
        Assert.DoesNotContain("Zoom Meetings", office, StringComparison.Ordinal);
        var (_, red) = await Get("/?asOf=2020-07-03&verdict=red&q=teams", "en");
        Assert.Contains("Microsoft Teams", red, StringComparison.Ordinal);
        Assert.DoesNotContain("Wire</a>", red, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?asOf=2020-13-45", "2020-13-45")]
    [InlineData("/?authority=nsa", "nsa")]
    [InlineData("/?category=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "&lt;script&gt;")]
    public async Task CatalogPage_BadQuery_Is400WithMessage_AndEncoded(string path, string shown)
    {
        var (status, body) = await Get(path, "en");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("role=\"alert\"", body, StringComparison.Ordinal);
        Assert.Contains(shown, body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServicePage_ShowsFindingsDecisionsAlternativesAndSources()
    {
        var (status, body) = await Get("/katalog/webex-telekom?asOf=2020-07-03", "en");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Legal verdict", body, StringComparison.Ordinal);
        Assert.Contains("light-yellow", body, StringComparison.Ordinal);
        Assert.Contains("Art. 28(3)(a) GDPR", body, StringComparison.Ordinal);
        Assert.Contains("Published decisions", body, StringComparison.Ordinal);
        Assert.Contains("disagrees", body, StringComparison.Ordinal); // Berlin 2021 red vs. the engine on the 2020 facts
        Assert.Contains("/katalog/jitsi-netways", body, StringComparison.Ordinal);
        Assert.Contains("finanzen.net", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServicePage_InGerman_ShowsCriterionTitlesAndGermanArticleNotation()
    {
        var (status, body) = await Get("/katalog/webex-telekom?asOf=2020-07-03", "de");
        Assert.Equal(HttpStatusCode.OK, status);
        // The id with its title beside it, the question still in the tooltip; not the bare id.
        Assert.Matches("<th scope=\"row\"><abbr class=\"criterion-id\" title=\"Bietet der Anbieter [^\"]+\">L01</abbr> <span class=\"criterion-title\">Auftragsverarbeitungsvertrag angeboten</span></th>", body);
        Assert.Contains("Art. 28 Abs. 3 DSGVO", body, StringComparison.Ordinal);
        Assert.Contains("Art. 28 Abs. 3 lit. a DSGVO", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Art. 28(3)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_ShowsCriterionTitles()
    {
        var (status, body) = await Get("/vergleich?ids=webex-telekom&ids=jitsi-netways", "en");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<span class=\"criterion-title\">Processor agreement offered</span>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServicePage_ShowsNamesAndTheSourcesPublicNote_InThePagesLanguage_NeverTheMaintainersNote()
    {
        var profile = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Aufsicht.Features.Catalog.CatalogStore>(_server.Services).Catalog.SnapshotOn("bbb-werk21", new DateOnly(2020, 7, 3))!;
        var source = profile.Sources.First(s => s.Note is { Length: > 0 } && s.Summary is not null);
        var (_, german) = await Get("/katalog/bbb-self-operated", "de");
        Assert.Contains("BigBlueButton (selbst betrieben)", german, StringComparison.Ordinal);
        Assert.DoesNotContain("self-operated)", german, StringComparison.Ordinal);
        var (_, english) = await Get("/katalog/bbb-self-operated", "en");
        Assert.Contains("BigBlueButton (self-operated)", english, StringComparison.Ordinal);

        var (_, werk21) = await Get("/katalog/bbb-werk21?asOf=2020-07-03", "de");
        // Compared as text: the page writes umlauts as they are, HtmlEncode would write them as entities.
        Assert.Contains(source.Summary!.De, System.Net.WebUtility.HtmlDecode(werk21), StringComparison.Ordinal);
        Assert.DoesNotContain(source.Note!, System.Net.WebUtility.HtmlDecode(werk21), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServicePage_AuthorityPicker_ChangesVerdict()
    {
        var (_, berlin) = await Get("/katalog/microsoft-365?asOf=2026-01-01", "en");
        var (_, mv) = await Get("/katalog/microsoft-365?asOf=2026-01-01&authority=lfdi-mv", "en");
        Assert.Contains("Legal verdict</dt><dd><span class=\"light light-green\">", berlin, StringComparison.Ordinal);
        Assert.Contains("Legal verdict</dt><dd><span class=\"light light-yellow\">", mv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServicePage_Unknown_Is404WithMessage()
    {
        var (status, body) = await Get("/katalog/nope", "en");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("is not in the catalogue", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_German_NamesTheDateAsReadersWriteIt_AndWhenFactsPredateTheLaw()
    {
        var (status, body) = await Get("/vergleich?ids=zoom&ids=wire&asOf=2024-01-01", "de");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Stichtag 01.01.2024", body, StringComparison.Ordinal);
        // Zoom's newest facts are of 18.02.2021: older than the new standard contractual clauses of 27.06.2021.
        Assert.Contains("Bewertung prüfen: Faktenstand vor dem Rechtsereignis vom 27.06.2021", System.Net.WebUtility.HtmlDecode(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_TwoServices_SideBySide()
    {
        var (status, body) = await Get("/vergleich?ids=zoom&ids=wire&asOf=2020-07-03", "en");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(">Zoom Meetings</a>", body, StringComparison.Ordinal);
        Assert.Contains(">Wire</a>", body, StringComparison.Ordinal);
        Assert.Contains("<abbr class=\"criterion-id\" title=", body, StringComparison.Ordinal); // the question stays in the tooltip
    }

    [Fact]
    public async Task UnknownPath_IsFriendly404_WithoutDetails()
    {
        var (status, body) = await Get("/gibt-es-nicht", "de");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Diese Seite gibt es nicht.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponse_CarriesStrictSecurityHeaders()
    {
        using var response = await Client.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"), "a plain page view sets no cookie");
    }

    [Fact]
    public async Task LanguageSwitch_SetsCookie_AndOnlyRedirectsLocally()
    {
        using var response = await Client.GetAsync("/sprache?lang=en&back=%2Fkatalog%2Fzoom");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/katalog/zoom", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("aufsicht-lang=en", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        using var evil = await Client.GetAsync("/sprache?lang=en&back=https%3A%2F%2Fevil.example");
        Assert.Equal("/", evil.Headers.Location!.OriginalString);
        using var bad = await Client.GetAsync("/sprache?lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Api_ListAndDetail()
    {
        var (status, body) = await Get("/api/v1/catalog/services?asOf=2020-07-03&category=video-conferencing");
        Assert.Equal(HttpStatusCode.OK, status);
        using var list = JsonDocument.Parse(body);
        var zoom = list.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "zoom");
        Assert.Equal("red", zoom.GetProperty("verdict").GetString());
        var (detailStatus, detail) = await Get("/api/v1/catalog/services/teams-m365");
        Assert.Equal(HttpStatusCode.OK, detailStatus);
        // Every dated file of the service, oldest first; the two of Berlin's reviews first.
        var files = Directory.GetFiles(Path.Combine(Cli.Repository, "data", "services", "teams-m365"), "*.json")
            .Select(f => Path.GetFileName(f)[..^".json".Length]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["2020-07-03", "2021-02-18"], files[..2]);
        Assert.Contains("\"snapshots\":[" + string.Join(",", files.Select(f => $"\"{f}\"")) + "]", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Assessment_SameJsonAsCli()
    {
        var (status, body) = await Get("/api/v1/catalog/services/zoom/assessment?asOf=2020-07-03");
        Assert.Equal(HttpStatusCode.OK, status);
        var cli = Cli.Run("assess", "service", "zoom", "--as-of", "2020-07-03");
        using var api = JsonDocument.Parse(body);
        Assert.Equal(cli.Json.GetProperty("verdict").GetString(), api.RootElement.GetProperty("verdict").GetString());
        static IEnumerable<string> Compact(JsonElement findings) => findings.EnumerateArray().Select(f => JsonSerializer.Serialize(f));
        Assert.Equal(Compact(cli.Json.GetProperty("findings")), Compact(api.RootElement.GetProperty("findings")));
    }

    [Fact]
    public async Task Api_PostServiceAndDeploymentProfiles()
    {
        using var service = await Client.PostAsync("/api/v1/assessments?asOf=2020-07-03", new StringContent(DomainExamples.Service, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, service.StatusCode);
        Assert.Equal("yellow", JsonDocument.Parse(await service.Content.ReadAsStringAsync()).RootElement.GetProperty("verdict").GetString());
        using var deployment = await Client.PostAsync("/api/v1/assessments?asOf=2020-07-03", new StringContent(DomainExamples.Deployment, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, deployment.StatusCode);
        Assert.Equal("red", JsonDocument.Parse(await deployment.Content.ReadAsStringAsync()).RootElement.GetProperty("deployment").GetProperty("verdict").GetString());
    }

    /// <summary>The messages are in the request's language (Accept-Language), German when it names none.</summary>
    [Theory]
    [InlineData("{ \"id\": ", "body", "malformed JSON at line 1", "en")]
    [InlineData("{\"service\":\"zoom\",\"body\":{\"kind\":\"school\",\"publicBody\":true}}", "operatingModel", "missing required field", "en")]
    [InlineData("[1,2]", "body", "expected an object", "en")]
    [InlineData("{ \"id\": ", "body", "kein gültiges JSON: der Text endet in Zeile 1", null)]
    [InlineData("{\"service\":\"zoom\",\"body\":{\"kind\":\"school\",\"publicBody\":true}}", "operatingModel", "Pflichtfeld fehlt", "de")]
    [InlineData("[1,2]", "body", "erwartet wird ein Objekt", null)]
    public async Task Api_BadBody_IsProblemDetailsNamingTheField(string json, string field, string message, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessments") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_UnknownService_Is404ProblemDetails()
    {
        using var response = await Client.GetAsync("/api/v1/catalog/services/nope/assessment");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var (status, body) = await Get("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, status);
        using var doc = JsonDocument.Parse(body);
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/catalog/services", "/api/v1/catalog/services/{id}", "/api/v1/catalog/services/{id}/assessment", "/api/v1/assessments" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
