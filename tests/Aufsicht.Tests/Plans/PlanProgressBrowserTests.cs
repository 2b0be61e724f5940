using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Aufsicht.Tests.Plans;

[Trait("Category", "Browser")]
public sealed class PlanProgressBrowserTestsOnSqlite : PlanProgressBrowserTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Browser")]
public sealed class PlanProgressBrowserTestsOnPostgres : PlanProgressBrowserTests
{
    protected override string Database => "postgres";
}

/// <summary>The progress pages of a computed plan in a real browser, each with a refused form shown: axe finds no violation.</summary>
[Trait("Category", "Browser")]
public abstract class PlanProgressBrowserTests : IAsyncLifetime
{
    private HeadlessChromium _browser = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync() => _browser = await HeadlessChromium.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ProgressPages_WithARefusedForm_AreAccessible()
    {
        await using var server = await SurveyServer.StartAsync(Database, new FakeTimeProvider(new DateTimeOffset(2027, 6, 15, 10, 0, 0, TimeSpan.Zero)));
        await PlanTestData.ImportInventoryAsync(server, """
            Organisation;Produkt;Säule;Arbeitsplätze;Nutzende;Postfächer;Version;Lizenzkosten;Vertragsende;Kündigungsfrist
            S-1;Microsoft Office;office;120;130;0;2021;100,00;31.12.2027;6
            """);
        var plan = await PlanTestData.CreatePlanAsync(server, computeSeconds: 3);

        var package = server.Db(db => db.PlanPackages.Where(p => p.PlanId == plan).OrderBy(p => p.Id).First().Id);
        var context = await _browser.NewContextAsync("de-DE");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, "/anmelden").ToString());
        await page.GetByLabel("E-Mail-Adresse").FillAsync("sachbearbeitung@aufsicht.example");
        await page.GetByLabel("Passwort").FillAsync(SurveyServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/anmelden", StringComparison.Ordinal), new() { Timeout = 60_000 });

        async Task VisitAsync(string path, Func<Task> refuse)
        {
            await page.GotoAsync(new Uri(server.Address, path).ToString());
            await Chromium.AssertAccessible(page);
            await refuse();
            await page.GetByRole(AriaRole.Alert).WaitForAsync(new() { Timeout = 60_000 });
            await Chromium.AssertAccessible(page);
        }

        await VisitAsync($"/migration/plaene/paket/{package}", async () =>
        {
            await page.Locator("#actualStart").FillAsync("13.2027");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tatsächliche Monate speichern" }).ClickAsync();
        });
        await page.GotoAsync(new Uri(server.Address, $"/migration/plaene/{plan}/stand").ToString());
        await Chromium.AssertAccessible(page);
        await VisitAsync($"/migration/plaene/{plan}/vorfaelle", async () =>
        {
            await page.Locator("#date").FillAsync("01.01.2030");
            await page.Locator("#cause-migration").CheckAsync();
            await page.Locator("#summary").FillAsync("Test");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vorfall speichern" }).ClickAsync();
        });
        await VisitAsync($"/migration/plaene/{plan}/entscheidungen", async () =>
        {
            await page.Locator("#date").FillAsync("gestern");
            await page.Locator("#decidedBy").FillAsync("Kabinett");
            await page.Locator("#subject").FillAsync("x");
            await page.Locator("#text").FillAsync("x");
            await page.GetByRole(AriaRole.Button, new() { Name = "Eintrag anfügen" }).ClickAsync();
        });
        await VisitAsync($"/migration/plaene/{plan}/beteiligung", async () =>
        {
            await page.Locator("#body").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator("#date").FillAsync("01.01.2030");
            await page.GetByRole(AriaRole.Button, new() { Name = "Beteiligung speichern" }).ClickAsync();
        });
    }
}
