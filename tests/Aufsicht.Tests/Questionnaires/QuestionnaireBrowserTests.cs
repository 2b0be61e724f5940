using System.Text;
using Aufsicht.Data;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Aufsicht.Tests.Questionnaires;

[Trait("Category", "Browser")]
public sealed class QuestionnaireBrowserTestsOnSqlite : QuestionnaireBrowserTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Browser")]
public sealed class QuestionnaireBrowserTestsOnPostgres : QuestionnaireBrowserTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The questionnaire list with an upload, the preview (conditions toggled live, the language switched) and a draft
/// campaign's template form with a refused and an accepted save, in a real browser; every page checked with axe.
/// </summary>
[Trait("Category", "Browser")]
public abstract class QuestionnaireBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
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

    private static Task AssertAccessible(IPage page) => Chromium.AssertAccessible(page);

    [Fact]
    public async Task QuestionnairesPreviewAndTemplates_InTheBrowser_AreUsableAndAccessible()
    {
        await using var server = await AppServer.StartOnAsync(Database);
        await server.CreateUserAsync("sachbearbeitung@aufsicht.example", Password, "Supervisor");
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var now = DateTime.UtcNow;
            db.Bodies.Add(new BodyRecord { ExternalId = "G-1", Name = "Gemeinde Süderholz", Kind = "municipality", State = "MV", PublicBody = true, ContactEmail = "gemeinde@example.org", Language = "de", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var context = await _browser.NewContextAsync("de-DE");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, "/anmelden?returnUrl=%2Fumfragen").ToString());
        await page.GetByLabel("E-Mail-Adresse").FillAsync("sachbearbeitung@aufsicht.example");
        await page.GetByLabel("Passwort").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Umfragen", Level = 1 }).WaitForAsync(new() { Timeout = 60_000 });

        // The list, reached from the navigation; the shipped questionnaire imported again is no new version.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Fragebögen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Fragebogen importieren" }).WaitForAsync();
        await AssertAccessible(page);
        var shipped = await File.ReadAllBytesAsync(Path.Combine(Cli.Repository, "data", "questionnaires", "videokonferenz.json"));
        await page.GetByLabel("Definitionsdatei (JSON, höchstens 1 MB)").SetInputFilesAsync(new FilePayload { Name = "videokonferenz.json", MimeType = "application/json", Buffer = shipped });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importieren" }).ClickAsync();
        await page.GetByText("Unverändert — diese Fassung gibt es schon").WaitForAsync();

        // A broken file: the errors are listed and linked to the file field.
        await page.GetByLabel("Definitionsdatei (JSON, höchstens 1 MB)").SetInputFilesAsync(new FilePayload { Name = "kaputt.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes("{\"key\": \"x\"}") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importieren" }).ClickAsync();
        await page.GetByText("nichts wurde gespeichert").WaitForAsync();
        await AssertAccessible(page);

        // The preview: no buttons to save; the services question appears once "yes" is chosen; English on request.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Vorschau\\W+Fassung 1 von „videokonferenz“$") }).ClickAsync();
        await page.GetByText("Vorschau – Antworten werden nicht gespeichert").WaitForAsync();
        Assert.Equal(0, await page.Locator("main button").CountAsync());
        var services = page.Locator("#f-services-frage");
        Assert.False(await services.IsVisibleAsync());
        await page.Locator("#f-usesVideo-frage").GetByLabel("ja", new() { Exact = true }).CheckAsync();
        Assert.True(await services.IsVisibleAsync());
        var agreement = page.Locator("#f-processorAgreement-other-frage");
        Assert.False(await agreement.IsVisibleAsync());
        await page.Locator("#f-operatingModel-other-frage").GetByLabel("als Online-Dienst des Herstellers genutzt").CheckAsync();
        Assert.True(await agreement.IsVisibleAsync());
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Use of video-conferencing systems", Level = 1 }).WaitForAsync();
        await page.GetByText("Preview – answers are not saved").WaitForAsync();
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Deutsch" }).ClickAsync();

        // A draft campaign's templates: a broken one is refused with a linked message; a good one saved and previewed.
        await page.GotoAsync(new Uri(server.Address, "/umfragen").ToString());
        await page.GetByLabel("Titel").FillAsync("Videokonferenzen 2026");
        await page.GetByLabel("Frist", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Als Entwurf anlegen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "E-Mail-Vorlagen" }).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Vorschau der Einladung" }).WaitForAsync();
        await AssertAccessible(page);
        var subject = page.GetByLabel("Einladung, Betreff (deutsch)");
        await subject.FillAsync("Bitte antworten: {{ campaign.title");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorlagen speichern" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Einladung, Betreff (deutsch): Syntaxfehler" }).WaitForAsync();
        Assert.Equal("true", await page.GetByLabel("Einladung, Betreff (deutsch)").GetAttributeAsync("aria-invalid"));
        await AssertAccessible(page);
        await page.GetByLabel("Einladung, Betreff (deutsch)").FillAsync("Bitte antworten: {{ campaign.title }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorlagen speichern" }).ClickAsync();
        await page.GetByText("Die E-Mail-Vorlagen sind gespeichert.").WaitForAsync();
        Assert.Contains("Bitte antworten: Videokonferenzen 2026", await page.Locator(".mail-preview").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
    }
}
