using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Aufsicht.Core.Evaluation;
using Aufsicht.Data;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using UglyToad.PdfPig;
using Xunit;

namespace Aufsicht.Tests.Campaigns;

[Trait("Category", "Database")]
public sealed class ReportTestsOnSqlite : ReportTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class ReportTestsOnPostgres : ReportTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A campaign's report (ODT, PDF), the charts on its dashboard and the respondent's receipt as PDF, over HTTP after a
/// real submission; and who may fetch them.
/// </summary>
[Trait("Category", "Database")]
public abstract class ReportTests : IAsyncLifetime
{
    private const string Password = SurveyServer.Password;
    private const string Title = "Videokonferenzen 2026";
    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync() => _server = await SurveyServer.StartAsync(Database);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private T Db<T>(Func<AufsichtDb, T> query) => _server.Db(query);

    /// <summary>Creates and starts a campaign over all bodies; the municipality answers that it uses Skype (deficient) and submits.</summary>
    private async Task<(long Id, string Link)> CampaignWithOneSubmissionAsync(Session supervisor)
    {
        var (id, links) = await _server.StartCampaignAsync(supervisor, Title);
        var link = links["gemeinde@example.org"];

        using var respondent = _server.NewSession();
        var (status, _, _) = await respondent.PostFormAsync(link, link + "?abschnitt=0",
            [new("abschnitt", "0"), new("revision", "0"), new("a:usesVideo", "yes"), new("a:services", "skype"), new("a:users", "120"), new("action", "next")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, _, _) = await respondent.PostFormAsync(link + "?abschnitt=1", link + "?abschnitt=1",
        [
            new("abschnitt", "1"), new("revision", "1"),
            .. SurveyAnswers.Form(
                "skype", ("operatingModel", "saas"), ("hosting", "third-country"), ("purposes", "citizen-services"), ("participants", "citizens"),
                ("dpia", "none"), ("participantsInformed", "partial"), ("telemetryBlocked", "unknown")),
            new("action", "save"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, _, var location) = await respondent.PostFormAsync(link, link, [new("revision", "2"), new("action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("quittung?fassung=1", location!.OriginalString, StringComparison.Ordinal);
        return (id, link);
    }

    private async Task<Session> SignedInAsync(string email)
    {
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(email, Password)).Status);
        return session;
    }

    [Fact]
    public async Task Report_AfterOneSubmission_PdfAndOdtNameCampaignDeficientBodyAndKeyFigures()
    {
        using var supervisor = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (id, _) = await CampaignWithOneSubmissionAsync(supervisor);

        var (status, type, pdf) = await supervisor.DownloadAsync($"/umfragen/{id}/bericht.pdf");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/pdf", type);
        var text = PdfText(pdf);
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains("Gemeinde Süderholz", text, StringComparison.Ordinal);
        Assert.Contains("Befragte Organisationen 3", text, StringComparison.Ordinal);
        Assert.Contains("Geantwortet 1 (33,3", text, StringComparison.Ordinal);
        Assert.Contains("Mangelhaft 1 (33,3", text, StringComparison.Ordinal);
        Assert.Contains("Noch nicht geantwortet 2 (66,7", text, StringComparison.Ordinal);
        Assert.Contains("L03 Keine Nutzung für eigene Zwecke", text, StringComparison.Ordinal); // the main findings with their titles
        Assert.Contains("Methode", text, StringComparison.Ordinal);

        (status, type, var odt) = await supervisor.DownloadAsync($"/umfragen/{id}/bericht.odt");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.oasis.opendocument.text", type);
        var content = OdtContent(odt);
        Assert.Contains(Title, content, StringComparison.Ordinal);
        Assert.Contains("Gemeinde Süderholz", content, StringComparison.Ordinal);
        Assert.Contains("Befragte Organisationen", content, StringComparison.Ordinal);
        Assert.Contains("Noch nicht geantwortet", content, StringComparison.Ordinal);
        Assert.Contains("L03 Keine Nutzung für eigene Zwecke", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_NamesCriteria_HasALegendWithTitlesAndGermanArticles()
    {
        using var supervisor = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (id, _) = await CampaignWithOneSubmissionAsync(supervisor);

        var text = PdfText((await supervisor.DownloadAsync($"/umfragen/{id}/bericht.pdf")).Content);
        var legend = text[text.IndexOf("Legende der Kriterien", StringComparison.Ordinal)..];
        Assert.Contains("Kennung Kurztitel Artikel", legend, StringComparison.Ordinal);
        Assert.Contains("L03 Keine Nutzung für eigene Zwecke Art. 28 Abs. 3 lit. a DSGVO", legend, StringComparison.Ordinal);
        Assert.DoesNotContain("Art. 28(3)", text, StringComparison.Ordinal);

        var content = OdtContent((await supervisor.DownloadAsync($"/umfragen/{id}/bericht.odt")).Content);
        var odtLegend = content[content.IndexOf("Legende der Kriterien", StringComparison.Ordinal)..];
        Assert.Contains("Keine Nutzung für eigene Zwecke", odtLegend, StringComparison.Ordinal);
        Assert.Contains("Art. 28 Abs. 3 lit. a DSGVO", odtLegend, StringComparison.Ordinal);

        await supervisor.GetAsync("/sprache?lang=en&back=/");
        var english = PdfText((await supervisor.DownloadAsync($"/umfragen/{id}/bericht.pdf")).Content);
        Assert.Contains("Legend of the criteria", english, StringComparison.Ordinal);
        Assert.Contains("L03 No use for own purposes Art. 28(3)(a) GDPR", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_InEnglish_UsesEnglishTexts()
    {
        using var supervisor = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (id, _) = await CampaignWithOneSubmissionAsync(supervisor);
        await supervisor.GetAsync("/sprache?lang=en&back=/");

        var (status, _, pdf) = await supervisor.DownloadAsync($"/umfragen/{id}/bericht.pdf");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = PdfText(pdf);
        Assert.Contains("Key figures", text, StringComparison.Ordinal);
        Assert.Contains("Bodies asked 3", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_MoreDeficientBodiesThanADashboardPage_ListsEveryOne()
    {
        using var supervisor = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (id, _) = await CampaignWithOneSubmissionAsync(supervisor);
        Db(db =>
        {
            var now = DateTime.UtcNow;
            var bodies = SurveyServer.NewBodies(60, "X-", "Amt Nummer {0:000}", "municipality", "Rostock");
            db.Bodies.AddRange(bodies);
            db.SaveChanges();
            db.CampaignBodies.AddRange(bodies.Select(b => new CampaignBodyRecord { CampaignId = id, BodyId = b.Id }));
            db.Evaluations.AddRange(bodies.Select(b => new EvaluationRecord
            {
                CampaignId = id,
                BodyId = b.Id,
                Version = 1,
                Status = Compliance.Deficient,
                MainFindings = "L03",
                ResultJson = "[]",
                AsOf = DateOnly.FromDateTime(now),
                Authority = "dsk",
                EvaluatedAt = now,
            }));
            return db.SaveChanges();
        });

        var (status, _, pdf) = await supervisor.DownloadAsync($"/umfragen/{id}/bericht.pdf");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = PdfText(pdf);
        Assert.Contains("Amt Nummer 001", text, StringComparison.Ordinal);
        Assert.Contains("Amt Nummer 060", text, StringComparison.Ordinal);
        Assert.Contains("Gemeinde Süderholz", text, StringComparison.Ordinal);
        Assert.Contains("Befragte Organisationen 63", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_DraftWithoutAnswers_SaysSoInsteadOfFailing()
    {
        using var supervisor = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var questionnaire = Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id);
        var (_, _, location) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Entwurf"), new("questionnaire", questionnaire.ToString(CultureInfo.InvariantCulture)), new("deadline", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        var id = location!.OriginalString.Split('/').Last();

        var (status, _, pdf) = await supervisor.DownloadAsync($"/umfragen/{id}/bericht.pdf");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = PdfText(pdf);
        Assert.Contains("Keine Daten", text, StringComparison.Ordinal);
        Assert.Contains("Keine Organisation wurde als mangelhaft bewertet", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.DownloadAsync($"/umfragen/{id}/bericht.odt")).Status);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/umfragen/{id}")).Status);
    }

    [Fact]
    public async Task Report_ReaderMayFetchAnonymousMayNot()
    {
        using var supervisor = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (id, _) = await CampaignWithOneSubmissionAsync(supervisor);
        using var reader = await SignedInAsync("leitung@aufsicht.example");
        using var anonymous = _server.NewSession();

        foreach (var format in new[] { "pdf", "odt" })
        {
            var (status, _, content) = await reader.DownloadAsync($"/umfragen/{id}/bericht.{format}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(content.Length > 1000);

            var (anonymousStatus, _, location) = await anonymous.GetAsync($"/umfragen/{id}/bericht.{format}");
            Assert.Equal(HttpStatusCode.Redirect, anonymousStatus);
            Assert.StartsWith("/anmelden", location!.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.DownloadAsync("/umfragen/999999/bericht.pdf")).Status);
    }

    [Fact]
    public async Task Dashboard_AfterOneSubmission_ShowsChartsAsInlineSvgWithoutStyles()
    {
        using var supervisor = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (id, _) = await CampaignWithOneSubmissionAsync(supervisor);

        var (status, page, _) = await supervisor.GetAsync($"/umfragen/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, Regex.Count(page, "<svg [^>]*role=\"img\""));
        Assert.Equal(4, Regex.Count(page, "<figcaption>"));
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        Assert.Contains($"/umfragen/{id}/bericht.odt", page, StringComparison.Ordinal);
        Assert.Contains($"/umfragen/{id}/bericht.pdf", page, StringComparison.Ordinal);
        // Ids stay unique with four charts on one page.
        Assert.Equal(1, Regex.Count(page, "id=\"chart-kind-title\""));
        Assert.Contains("url(#chart-services-fill-red)", page, StringComparison.Ordinal);
        // The deficient body's main findings with their titles, the question in the tooltip.
        Assert.Matches("<abbr class=\"criterion-id\" title=\"[^\"]+\">L03</abbr> <span class=\"criterion-title\">Keine Nutzung für eigene Zwecke</span>", page);
    }

    [Fact]
    public async Task ReceiptPdf_ForASubmittedVersion_HasReceiptNumberAndAnswersAndIsNotCached()
    {
        using var supervisor = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (_, link) = await CampaignWithOneSubmissionAsync(supervisor);
        var receipt = Db(db => db.ResponseVersions.Single().Receipt);
        using var respondent = _server.NewSession();

        var (status, type, pdf) = await respondent.DownloadAsync(link + "/quittung.pdf?fassung=1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/pdf", type);
        var text = PdfText(pdf);
        Assert.Contains(receipt, text, StringComparison.Ordinal);
        Assert.Contains("Eingangsbestätigung", text, StringComparison.Ordinal);
        Assert.Contains("Gemeinde Süderholz", text, StringComparison.Ordinal);
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains("Skype", text, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = _server.Address };
        using var response = await client.GetAsync(new Uri(link + "/quittung.pdf?fassung=1", UriKind.Relative));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ReceiptPdf_WrongTokenOrVersion_GivesNothing()
    {
        using var supervisor = await SignedInAsync("sachbearbeitung@aufsicht.example");
        var (_, link) = await CampaignWithOneSubmissionAsync(supervisor);
        using var stranger = _server.NewSession();

        var (status, type, _) = await stranger.DownloadAsync("/antwort/" + new string('A', 43) + "/quittung.pdf?fassung=1");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.NotEqual("application/pdf", type);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DownloadAsync(link + "/quittung.pdf?fassung=2")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DownloadAsync(link + "/quittung.pdf")).Status);
    }

    /// <summary>The words of all pages with single spaces, as lines break wherever the layout wraps them.</summary>
    private static string PdfText(byte[] bytes)
    {
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))))
            .Replace('\u00A0', ' ');
    }

    private static string OdtContent(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("content.xml")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
