using System.Text;
using System.Text.RegularExpressions;
using Aufsicht.Data;
using Aufsicht.Tests.Mail;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Aufsicht.Tests.Campaigns;

[Trait("Category", "Browser")]
public sealed class SurveyBrowserTestsOnSqlite : SurveyBrowserTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Browser")]
public sealed class SurveyBrowserTestsOnPostgres : SurveyBrowserTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A whole campaign in a real browser: the supervisor imports bodies and starts a campaign, the invitation arrives at
/// an SMTP server on loopback, the respondent follows the link, answers (conditions showing and hiding questions),
/// saves, comes back, submits; the supervisor sees the verdict and exports the answer. Every page is checked with axe,
/// and no request leaves the app's own host.
/// </summary>
[Trait("Category", "Browser")]
public abstract partial class SurveyBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private readonly List<string> _requests = [];
    private HeadlessChromium _browser = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _browser = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
    }

    private async Task<IBrowserContext> NewContext()
    {
        var context = await _browser.NewContextAsync("de-DE");
        context.Request += (_, request) => _requests.Add(request.Url);
        return context;
    }

    private static Task AssertAccessible(IPage page) => Chromium.AssertAccessible(page);

    [GeneratedRegex("http://127\\.0\\.0\\.1:\\d+/antwort/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    private static async Task<string> InvitationLinkAsync(SmtpTestServer smtp, string to)
    {
        for (var i = 0; i < 300; i++)
        {
            var message = smtp.Received.FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == to));
            if (message is not null)
            {
                Assert.Contains("Gemeinde Süderholz", message.TextBody, StringComparison.Ordinal);
                return LinkPattern().Match(message.TextBody ?? string.Empty).Value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no invitation reached {to} within 30 s; received: {smtp.Received.Count}");
    }

    [Fact]
    public async Task Campaign_FromImportToExport_InTheBrowser()
    {
        using var smtp = new SmtpTestServer();
        await using var server = await AppServer.StartOnAsync(Database, smtp.AppArgs());
        await server.CreateUserAsync("sachbearbeitung@aufsicht.example", Password, "Supervisor");

        // The supervisor imports the bodies and creates and starts the campaign.
        var staff = await NewContext();
        var page = await staff.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, "/anmelden?returnUrl=%2Forganisationen%2Fimport").ToString());
        await page.GetByLabel("E-Mail-Adresse").FillAsync("sachbearbeitung@aufsicht.example");
        await page.GetByLabel("Passwort").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Organisationen importieren" }).WaitForAsync(new() { Timeout = 60_000 });
        var csv = "Kennung;Name;Art;Region;Land;E-Mail\nG-1;Gemeinde Süderholz;Gemeinde;Vorpommern-Greifswald;MV;buergermeister@suederholz.example\nS-2;Grundschule Am Deich;Schule;Nordwestmecklenburg;MV;\n";
        await page.GetByLabel("Datei (CSV oder XLSX, höchstens 20 MB)").SetInputFilesAsync(new FilePayload { Name = "stellen.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importieren" }).ClickAsync();
        await page.GetByText("2 neu angelegt").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Umfragen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Neue Umfrage anlegen" }).WaitForAsync();
        await AssertAccessible(page);
        await page.GetByLabel("Titel").FillAsync("Videokonferenzen an Schulen und Gemeinden 2026");
        await page.GetByLabel("Frist", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Als Entwurf anlegen" }).ClickAsync();
        // Starting asks first, on a page that says what will happen.
        await page.GetByRole(AriaRole.Link, new() { Name = "Umfrage starten …" }).ClickAsync();
        await page.GetByText("1 Organisationen erhalten jetzt eine Einladung").WaitForAsync();
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Umfrage starten und Einladungen senden" }).ClickAsync();
        await page.GetByText("Die Umfrage läuft. 1 Einladungen").WaitForAsync();
        await AssertAccessible(page);
        var dashboard = new Uri(page.Url).GetLeftPart(UriPartial.Path);

        // The invitation arrives; the respondent follows its link.
        var link = await InvitationLinkAsync(smtp, "buergermeister@suederholz.example");
        var respondentContext = await NewContext();
        var form = await respondentContext.NewPageAsync();
        await form.GotoAsync(link);
        await form.GetByRole(AriaRole.Heading, new() { Name = "Einsatz von Videokonferenzsystemen", Level = 1 }).WaitForAsync();
        await AssertAccessible(form);
        var services = form.Locator("#f-services-frage");
        Assert.False(await services.IsVisibleAsync());
        await form.Locator("#f-usesVideo-frage").GetByLabel("ja", new() { Exact = true }).CheckAsync();
        Assert.True(await services.IsVisibleAsync());
        await services.GetByLabel("Skype", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Wie viele Personen").FillAsync("120");
        await form.GetByRole(AriaRole.Button, new() { Name = "Speichern und weiter" }).ClickAsync();

        // The Skype page: the processor question shows for an online service and hides for self-operation.
        await form.GetByRole(AriaRole.Heading, new() { Name = "Einsatz des Systems" }).WaitForAsync();
        var agreement = form.Locator("#f-processorAgreement-skype-frage");
        var model = form.Locator("#f-operatingModel-skype-frage");
        await model.GetByLabel("auf eigenen Servern, von uns selbst betrieben").CheckAsync();
        Assert.False(await agreement.IsVisibleAsync());
        await model.GetByLabel("als Online-Dienst des Herstellers genutzt").CheckAsync();
        Assert.True(await agreement.IsVisibleAsync());
        await agreement.GetByLabel("ja", new() { Exact = true }).CheckAsync();
        await form.Locator("#f-hosting-skype-frage").GetByLabel("außerhalb des EWR (z. B. USA)").CheckAsync();
        await form.Locator("#f-purposes-skype-frage").GetByLabel("Beratung und Termine mit Bürgerinnen und Bürgern").CheckAsync();
        await form.Locator("#f-participants-skype-frage").GetByLabel("Bürgerinnen und Bürger").CheckAsync();
        await form.Locator("#f-specialCategories-skype-frage").GetByLabel("nein", new() { Exact = true }).CheckAsync();
        await form.Locator("#f-legalBasis-skype-frage").GetByLabel("Aufgabe im öffentlichen Interesse (Art. 6 Abs. 1 Buchst. e)").CheckAsync();
        await form.Locator("#f-protectionNeed-skype-frage").GetByLabel("normal", new() { Exact = true }).CheckAsync();
        await AssertAccessible(form);
        await form.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await form.GetByText("Ihre Antworten sind gespeichert").WaitForAsync();
        await respondentContext.CloseAsync();

        // Later, in a new browser: the answers are still there; the rest is filled in and submitted.
        respondentContext = await NewContext();
        form = await respondentContext.NewPageAsync();
        await form.GotoAsync(link + "?abschnitt=1");
        Assert.True(await form.Locator("#f-hosting-skype-frage").GetByLabel("außerhalb des EWR (z. B. USA)").IsCheckedAsync());
        // The rest as the shared answer set has it (the questions above were ticked by their labels).
        string[] ticked = ["operatingModel", "processorAgreement", "hosting", "purposes", "participants", "specialCategories", "legalBasis", "protectionNeed"];
        var rest = SurveyAnswers.Use(
            ("operatingModel", "saas"), ("hosting", "third-country"), ("purposes", "citizen-services"), ("participants", "citizens"),
            ("dpia", "none"), ("participantsInformed", "partial"), ("telemetryBlocked", "unknown"));
        foreach (var (question, values) in rest.Where(a => !ticked.Contains(a.Question)))
        {
            foreach (var value in values)
            {
                await form.Locator($"#f-{question}-skype-frage input[value=\"{value}\"]").CheckAsync();
            }
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Speichern und weiter" }).ClickAsync();
        await form.GetByRole(AriaRole.Heading, new() { Name = "Abschluss" }).WaitForAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Speichern und überprüfen" }).ClickAsync();
        await form.GetByRole(AriaRole.Heading, new() { Name = "Überprüfen und absenden", Level = 2 }).WaitForAsync();
        await AssertAccessible(form);
        await form.GetByRole(AriaRole.Button, new() { Name = "Antworten verbindlich absenden" }).ClickAsync();
        await form.GetByRole(AriaRole.Heading, new() { Name = "Eingangsbestätigung" }).WaitForAsync();
        Assert.Matches("U\\d+-\\d+-F1-[0-9A-F]{6}", await form.Locator("main").InnerTextAsync());
        await AssertAccessible(form);

        // The supervisor sees the body as deficient, with Skype's findings, and the export has the answer.
        await page.GotoAsync(dashboard);
        await page.GetByRole(AriaRole.Link, new() { Name = "Gemeinde Süderholz" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Gemeinde Süderholz", Level = 1 }).WaitForAsync();
        var result = await page.Locator("main").InnerTextAsync();
        Assert.Contains("mangelhaft", result, StringComparison.Ordinal);
        Assert.Contains("L03 Keine Nutzung für eigene Zwecke", result, StringComparison.Ordinal);
        await AssertAccessible(page);
        var export = await staff.APIRequest.GetAsync(dashboard + "/export.csv?variant=machine");
        Assert.Equal(200, export.Status);
        var text = await export.TextAsync();
        Assert.Contains("hosting@skype", text, StringComparison.Ordinal);
        Assert.Contains("third-country", text.Split('\n').Single(l => l.Contains("Gemeinde Süderholz", StringComparison.Ordinal)), StringComparison.Ordinal);

        // The outbox page with a message given up while the mail server was away: it can be sent again from there.
        server.Db(db => db.Outbox.Where(o => o.To == "buergermeister@suederholz.example").ExecuteUpdate(u => u
            .SetProperty(o => o.State, OutboxState.Failed).SetProperty(o => o.LastError, "421 4.3.2 Service not available")));
        await page.GotoAsync(new Uri(server.Address, "/post").ToString());
        var again = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Erneut senden\\W+buergermeister@suederholz\\.example$") });
        await AssertAccessible(page);
        await again.ClickAsync();
        await page.GetByText("1 Nachricht(en) stehen wieder im Postausgang").WaitForAsync();
        await AssertAccessible(page);

        // Every body asked, filtered by status; then the survey is closed and reopened, each step asked first.
        await page.GotoAsync(dashboard);
        await page.GetByRole(AriaRole.Link, new() { Name = "Alle befragten Organisationen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Befragte Organisationen", Level = 1 }).WaitForAsync();
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "mangelhaft (1)" }).ClickAsync();
        await page.GetByText("Befragte Organisationen – mangelhaft (1)").WaitForAsync();
        var deficient = await page.Locator("table").InnerTextAsync();
        Assert.Contains("Gemeinde Süderholz", deficient, StringComparison.Ordinal);
        Assert.DoesNotContain("Grundschule Am Deich", deficient, StringComparison.Ordinal);
        await page.GotoAsync(dashboard);
        await page.GetByRole(AriaRole.Link, new() { Name = "Umfrage abschließen …" }).ClickAsync();
        await page.GetByText("1 von 2 Organisationen haben geantwortet; 1 noch nicht.").WaitForAsync();
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Umfrage jetzt abschließen" }).ClickAsync();
        await page.GetByText("Die Umfrage ist abgeschlossen").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Umfrage wieder öffnen …" }).ClickAsync();
        await page.GetByLabel("Neue Frist").WaitForAsync();
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Umfrage wieder öffnen" }).ClickAsync();
        await page.GetByText("Die Umfrage läuft wieder").WaitForAsync();

        var foreign = _requests.Where(url => !url.StartsWith(server.Address.ToString(), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "requests to other hosts: " + string.Join(", ", foreign));
    }

    [Fact]
    public async Task TwoBrowsers_EditingOneResponse_TheSecondGetsAConflictNotALostUpdate()
    {
        var tokens = Path.Combine(Path.GetTempPath(), $"aufsicht-tokens-{Guid.NewGuid():N}.txt");
        await using var server = await AppServer.StartOnAsync(Database);
        using (var scope = server.Services.CreateScope())
        {
            await DemoSeedAsync(scope.ServiceProvider, tokens);
        }

        var link = new Uri(server.Address, "/antwort/" + File.ReadAllLines(tokens)[^1] + "?abschnitt=0").ToString();
        File.Delete(tokens);
        var first = await (await NewContext()).NewPageAsync();
        var second = await (await NewContext()).NewPageAsync();
        await first.GotoAsync(link);
        await second.GotoAsync(link);

        await first.GetByLabel("Wie viele Personen").FillAsync("111");
        await first.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await first.GetByText("Ihre Antworten sind gespeichert").WaitForAsync();

        await second.GetByLabel("Wie viele Personen").FillAsync("222");
        await second.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await second.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("in einem anderen Fenster", await second.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("111", await second.GetByLabel("Wie viele Personen").InputValueAsync());
        await AssertAccessible(second);
    }

    /// <summary>Bodies and a running campaign as the demo makes them, with the links written to a file.</summary>
    private static Task<(long CampaignId, int Answered)> DemoSeedAsync(IServiceProvider services, string tokens) =>
        Aufsicht.Features.Campaigns.DemoCommand.SeedAsync(services, 5, DateTime.UtcNow, tokens, CancellationToken.None);
}
