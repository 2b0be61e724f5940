using Microsoft.Playwright;
using Xunit;

namespace Aufsicht.Tests.Web;

/// <summary>
/// The pages on a phone (390 × 844, an iPhone's width) and on a desktop (1280 px): nothing scrolls the page sideways
/// on the phone — wide tables scroll in their own box, which is named and reachable by keyboard — and the signed-in
/// header stays within two rows on the desktop. On SQLite only: the layout does not depend on the database.
/// Set AUFSICHT_SCREENSHOTS to a folder to keep a screenshot of every page at both widths (to look at, not asserted).
/// </summary>
[Trait("Category", "Browser")]
public sealed class SmallScreenBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private AppServer _server = null!;
    private HeadlessChromium _browser = null!;
    private long _campaign;
    private string _link = null!;

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync("sqlite");
        await _server.CreateUserAsync("sachbearbeitung@aufsicht.example", Password, "Supervisor");
        (_campaign, var token) = await _server.SeedDemoAsync(12);
        _link = "/antwort/" + token + "?abschnitt=0";
        _browser = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Phone_NoPageScrollsSideways_TablesScrollInNamedFocusableBoxes()
    {
        var page = await SignedInPageAsync(390, 844);
        string[] paths = ["/", "/katalog/zoom", "/organisationen", $"/umfragen/{_campaign}", _link];
        foreach (var path in paths)
        {
            await page.GotoAsync(new Uri(_server.Address, path).ToString());
            await page.Locator("main h1").First.WaitForAsync();
            var (scroll, inner, wide) = await WidthAsync(page);
            Assert.True(scroll <= inner, $"{path} at 390 px: the page is {scroll} px wide; too wide: {wide}");
            await Chromium.AssertAccessible(page);
            await ScreenshotAsync(page, path, 390);
        }

        // The bodies list is wider than a phone: its table scrolls in its box, which the keyboard reaches and moves.
        await page.GotoAsync(new Uri(_server.Address, "/organisationen").ToString());
        var box = page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Tabelle: Organisationen 1–") });
        Assert.Equal("0", await box.GetAttributeAsync("tabindex"));
        Assert.True(await box.EvaluateAsync<bool>("b => b.scrollWidth > b.clientWidth"), "the bodies table should be wider than the phone, so that its box scrolls");
        await box.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync("() => document.activeElement.scrollLeft > 0");
    }

    [Fact]
    public async Task Desktop_SignedInHeader_AtMostTwoRows()
    {
        var page = await SignedInPageAsync(1280, 900);
        foreach (var path in new[] { "/", $"/umfragen/{_campaign}", _link })
        {
            await page.GotoAsync(new Uri(_server.Address, path).ToString());
            await page.Locator("main h1").First.WaitForAsync();

            // Rows: the tops of the header's links and buttons (brand, navigation, account, languages), those less than
            // half a line apart counted as one row (the brand's larger font sits a few pixels higher than its neighbours).
            var rows = await page.EvaluateAsync<int>(
                """
                () => [...document.querySelectorAll('header a, header button')].map(e => e.getBoundingClientRect().top).sort((a, b) => a - b)
                  .reduce((rows, top, i, tops) => rows + (i > 0 && top - tops[i - 1] > 12 ? 1 : 0), 1)
                """);
            Assert.InRange(rows, 1, 2);
            var (scroll, inner, wide) = await WidthAsync(page);
            Assert.True(scroll <= inner, $"{path} at 1280 px: the page is {scroll} px wide; too wide: {wide}");
            await ScreenshotAsync(page, path, 1280);
        }
    }

    /// <summary>A German page of a signed-in supervisor at the given size.</summary>
    private async Task<IPage> SignedInPageAsync(int width, int height)
    {
        var context = await _browser.NewContextAsync("de-DE");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(new Uri(_server.Address, "/anmelden").ToString());
        await page.GetByLabel("E-Mail-Adresse").FillAsync("sachbearbeitung@aufsicht.example");
        await page.GetByLabel("Passwort").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>The page's width, the window's, and (to say what is wrong) the elements that reach beyond the window.</summary>
    private static async Task<(int Scroll, int Inner, string Wide)> WidthAsync(IPage page)
    {
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var inner = await page.EvaluateAsync<int>("() => window.innerWidth");
        var wide = await page.EvaluateAsync<string>(
            """
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
              .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right))
              .join(', ')
            """);
        return (scroll, inner, wide);
    }

    private static async Task ScreenshotAsync(IPage page, string path, int width)
    {
        var folder = Environment.GetEnvironmentVariable("AUFSICHT_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        var name = new string(path.Split('?')[0].Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{(name.Length == 0 ? "katalog" : name[..Math.Min(name.Length, 20)])}-{width}.png") });
    }
}
