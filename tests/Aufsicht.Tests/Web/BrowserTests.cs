using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Aufsicht.Tests.Web;

[Trait("Category", "Browser")]
public sealed class BrowserTestsOnSqlite : BrowserTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Browser")]
public sealed class BrowserTestsOnPostgres : BrowserTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The web application in a real browser (Debian's Chromium driven by Playwright): a case handler browses, filters,
/// picks a date and an authority, compares, switches language and moves by keyboard. On every page axe-core must
/// report no violation, and a recorder of every request the browser makes must find none to another host.
/// </summary>
[Trait("Category", "Browser")]
public abstract class BrowserTests : IAsyncLifetime
{
    private AppServer _server = null!;
    private HeadlessChromium _browser = null!;
    private readonly List<string> _requests = [];

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

    private async Task<IPage> NewPage(string locale)
    {
        var context = await _browser.NewContextAsync(locale);
        context.Request += (_, request) => _requests.Add(request.Url);
        return await context.NewPageAsync();
    }

    private static Task AssertAccessible(IPage page) => Chromium.AssertAccessible(page);

    /// <summary>
    /// Waits until the page's own address matches <paramref name="pattern"/> (a JavaScript regular expression) and its
    /// document is parsed; what follows waits for its own elements. Polled inside the page, not taken from Playwright's
    /// navigation events: in full-suite runs those were now and then never seen (first "load", later even
    /// "DOMContentLoaded", once in a CI run), and the wait ran out at 30 s although the new page was there.
    /// </summary>
    private static async Task NavigatedAsync(IPage page, string pattern) =>
        await page.WaitForFunctionAsync(
            "pattern => new RegExp(pattern).test(location.href) && document.readyState !== 'loading'",
            pattern,
            new() { Timeout = 60_000, PollingInterval = 100 });

    private void AssertNoThirdPartyRequests()
    {
        Assert.NotEmpty(_requests);
        var foreign = _requests.Where(url => !url.StartsWith(_server.Address.ToString(), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "requests to other hosts: " + string.Join(", ", foreign));
    }

    [Fact]
    public async Task CaseHandler_BrowsesFiltersPicksDateAndAuthority_Accessibly()
    {
        var page = await NewPage("de-DE");
        await page.GotoAsync(_server.Address.ToString());
        Assert.Equal("Dienstekatalog", await page.Locator("h1").InnerTextAsync());
        await AssertAccessible(page);

        // Filter: category and date, by their labels, submitted with the button.
        await page.GetByLabel("Kategorie").SelectOptionAsync("video-conferencing");
        await page.GetByLabel("Stichtag", new() { Exact = true }).FillAsync("2020-07-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anwenden" }).ClickAsync();
        await NavigatedAsync(page, @"/\?.*category=video-conferencing");
        var zoomRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Zoom Meetings" });
        Assert.Contains("rot", await zoomRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "LibreOffice" }).CountAsync());
        await AssertAccessible(page);

        // Service page, then another authority's view on another date.
        await page.GetByRole(AriaRole.Link, new() { Name = "Zoom Meetings" }).ClickAsync();
        await NavigatedAsync(page, @"/katalog/zoom\?");
        Assert.Contains("rot", await page.Locator("dl.lights").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
        await page.GetByLabel("Sicht der Behörde").SelectOptionAsync("lfdi-mv");
        await page.GetByLabel("Stichtag", new() { Exact = true }).FillAsync("2021-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Neu bewerten" }).ClickAsync();
        await NavigatedAsync(page, @"/katalog/zoom\?.*authority=lfdi-mv");
        Assert.Contains("LfDI MV", await page.Locator("#lights").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);

        AssertNoThirdPartyRequests();
    }

    [Fact]
    public async Task CaseHandler_ComparesServices_AndSwitchesLanguage()
    {
        var page = await NewPage("de-DE");
        await page.GotoAsync(new Uri(_server.Address, "/vergleich?asOf=2020-07-03").ToString());
        await page.GetByLabel("Zoom Meetings").CheckAsync();
        await page.GetByLabel("Wire", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
        await NavigatedAsync(page, @"/vergleich\?.*ids=");
        var table = page.Locator("table.compare");
        Assert.Contains("Zoom Meetings", await table.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Wire", await table.InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Compare services" }).WaitForAsync();
        Assert.Equal("Compare services", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Zoom Meetings", await page.Locator("table.compare").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Service catalogue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Service catalogue" }).WaitForAsync();
        Assert.Equal("Service catalogue", await page.Locator("h1").InnerTextAsync());
        AssertNoThirdPartyRequests();
    }

    [Fact]
    public async Task KeyboardUser_SkipsToContent_AndReachesTheFilters()
    {
        var page = await NewPage("en-GB");
        await page.GotoAsync(_server.Address.ToString());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#inhalt", page.Url, StringComparison.Ordinal);

        // Tab onwards until the search field has focus: every control is reachable without a mouse.
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("document.activeElement.id") != "q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("jitsi");
        Assert.Equal("jitsi", await page.Locator("#q").InputValueAsync());
        await page.Keyboard.PressAsync("Enter");
        await NavigatedAsync(page, @"/\?.*q=jitsi");
        Assert.True(await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Jitsi" }).CountAsync() >= 3);
        AssertNoThirdPartyRequests();
    }

    [Fact]
    public async Task Supervisor_SignsIn_AndChangesAFact_Accessibly()
    {
        var page = await NewPage("de-DE");
        await page.GotoAsync(new Uri(_server.Address, "/katalog/zoom?asOf=2020-07-03").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Anmelden" }).WaitForAsync();
        await AssertAccessible(page);
        await page.GetByLabel("E-Mail-Adresse").FillAsync("sachbearbeitung@aufsicht.example");
        await page.GetByLabel("Passwort").FillAsync("correct horse battery staple");
        // Submit, then wait for the signed-in header itself (not for a URL), and say where it ended if it never comes.
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        try
        {
            await page.GetByText("Angemeldet als sachbearbeitung@aufsicht.example").WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"sign-in ended at {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }

        Assert.EndsWith("/katalog/zoom?asOf=2020-07-03", page.Url, StringComparison.Ordinal);
        Assert.Contains("Angemeldet als sachbearbeitung@aufsicht.example", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Fakt ändern" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Fakt ändern: Zoom Meetings" }).WaitForAsync();
        await AssertAccessible(page);
        // Step 1 chooses the fact by its name; step 2 shows its value and sources and offers the new values by name.
        await page.GetByLabel("Fakt", new() { Exact = true }).SelectOptionAsync("contract.deletion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fakt wählen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Löschung und Rückgabe der Daten" }).WaitForAsync();
        Assert.Contains("eingeschränkt", await page.Locator("section dl").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "zugesichert" }).CheckAsync();
        await page.GetByLabel("Quelle (Adresse)").FillAsync("https://example.org/zoom-dpa");
        await page.GetByLabel("Begründung").FillAsync("Löschfristen im neuen AVV festgelegt.");
        await page.GetByLabel("Fundstelle (wörtlich zitiert)").FillAsync("Die Daten werden nach Vertragsende binnen 30 Tagen gelöscht.");
        await page.GetByLabel("Sprache der Fundstelle").SelectOptionAsync("de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Änderung speichern" }).ClickAsync();
        // Saved shows a status; a refused form shows an alert, whose text says why (rather than a bare time-out).
        await page.Locator("[role=status], [role=alert]").First.WaitForAsync();
        if (await page.GetByRole(AriaRole.Alert).CountAsync() > 0)
        {
            Assert.Fail($"the change was refused: {await page.GetByRole(AriaRole.Alert).First.InnerTextAsync()}");
        }

        Assert.Contains("Löschung und Rückgabe der Daten von „eingeschränkt“ auf „zugesichert“", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Zurück zum Dienst" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Änderungshistorie" }).WaitForAsync();
        Assert.Contains("Löschfristen im neuen AVV festgelegt.", await page.Locator("#changes + ul").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Anmelden" }).WaitForAsync();
        AssertNoThirdPartyRequests();
    }

    [Fact]
    public async Task ErrorPages_AreAccessible_AndShowNoDetails()
    {
        var page = await NewPage("de-DE");
        var response = await page.GotoAsync(new Uri(_server.Address, "/katalog/gibt-es-nicht").ToString());
        Assert.Equal(404, response!.Status);
        await AssertAccessible(page);
        response = await page.GotoAsync(new Uri(_server.Address, "/?asOf=kaputt").ToString());
        Assert.Equal(400, response!.Status);
        Assert.Contains("kaputt", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessible(page);
        AssertNoThirdPartyRequests();
    }
}

/// <summary>Where the browser is: Debian's Chromium (./test.sh installs it). Missing is a failure with instructions, never a skip.</summary>
internal static class Chromium
{
    public static string Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("AUFSICHT_CHROMIUM") ?? "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"Chromium not found at {path}: run ./test.sh (it installs Debian's chromium) or set AUFSICHT_CHROMIUM.");
        }
    }

    /// <summary>Headless Chromium as every browser test starts it (the flags keep it from calling Google's hosts).</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>axe-core finds no violation on the page (and really ran: some rules passed).</summary>
    public static async Task AssertAccessible(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})").ToList();
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));
    }
}

/// <summary>Playwright with Debian's headless Chromium, started and stopped as one by every browser test class.</summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<HeadlessChromium> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            return new HeadlessChromium(playwright, await Chromium.LaunchAsync(playwright));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh browser context (own cookies) whose pages ask for the locale's language.</summary>
    public Task<IBrowserContext> NewContextAsync(string locale) => _browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
