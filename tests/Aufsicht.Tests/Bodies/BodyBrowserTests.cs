using System.Text;
using Aufsicht.Tests.Web;
using Microsoft.Playwright;
using Xunit;

namespace Aufsicht.Tests.Bodies;

[Trait("Category", "Browser")]
public sealed class BodyBrowserTestsOnSqlite : BodyBrowserTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Browser")]
public sealed class BodyBrowserTestsOnPostgres : BodyBrowserTests
{
    protected override string Database => "postgres";
}

/// <summary>The registry pages in a real browser: a supervisor imports a file, sees its errors, then the list and one body — axe finds no violation.</summary>
[Trait("Category", "Browser")]
public abstract class BodyBrowserTests : IAsyncLifetime
{
    private AppServer _server = null!;
    private HeadlessChromium _browser = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync(Database);
        await _server.CreateUserAsync("sachbearbeitung@aufsicht.example", "correct horse battery staple", "Supervisor");
        _browser = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static Task AssertAccessible(IPage page) => Chromium.AssertAccessible(page);

    [Fact]
    public async Task Supervisor_ImportsFixesAndBrowsesTheRegistry_Accessibly()
    {
        var context = await _browser.NewContextAsync("de-DE");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_server.Address, "/anmelden?returnUrl=%2Forganisationen").ToString());
        await page.GetByLabel("E-Mail-Adresse").FillAsync("sachbearbeitung@aufsicht.example");
        await page.GetByLabel("Passwort").FillAsync("correct horse battery staple");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Organisationen", Exact = true, Level = 1 }).WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("Organisationen", await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Liste importieren" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Organisationen importieren" }).WaitForAsync();
        await AssertAccessible(page);
        var bad = "Kennung;Name;Art;Land\nS-1;Schule Eins;Schul;BE\n";
        await page.GetByLabel("Datei (CSV oder XLSX, höchstens 20 MB)").SetInputFilesAsync(new FilePayload { Name = "liste.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importieren" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("Zeile 2, Spalte „kind“", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);

        await page.GetByLabel("Datei (CSV oder XLSX, höchstens 20 MB)").SetInputFilesAsync(new FilePayload { Name = "liste.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad.Replace("Schul;", "Schule;", StringComparison.Ordinal)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importieren" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains("1 neu angelegt", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Zurück zum Register" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Schule Eins" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Eintrag bearbeiten" }).WaitForAsync();
        await AssertAccessible(page);
        await page.GetByLabel("E-Mail der Ansprechperson (freiwillig)").FillAsync("sekretariat@schule.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Contains("sekretariat@schule.example", await page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
    }
}
