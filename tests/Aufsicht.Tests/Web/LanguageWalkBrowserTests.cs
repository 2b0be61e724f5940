using System.Text;
using System.Text.RegularExpressions;
using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;
using Aufsicht.Features.Inventory;
using Aufsicht.Features.Plans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit;

namespace Aufsicht.Tests.Web;

/// <summary>
/// Every page of the demo, walked in a real browser by following its links — signed in as each role, and as a body
/// answering by its link — first in German, then in English. In German no visible text may carry an internal key, an
/// English word of those once seen on German pages, an ISO date, "UTC" or a path of the repository; in English no German
/// word of the interface. axe-core checks each kind of page once. One test per language, so a failure names it.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class LanguageWalkBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private static readonly string[] Roles = ["Administrator", "Supervisor", "Reader"];
    private AppServer _server = null!;
    private HeadlessChromium _browser = null!;
    private string _token = string.Empty;
    private long _plan;
    private long _body;
    private long _package;

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync("sqlite", "--Aufsicht:Portal:Address=Werderstraße 74a|19055 Schwerin");
        foreach (var role in Roles)
        {
            await _server.CreateUserAsync(role.ToLowerInvariant() + "@aufsicht.example", Password, role);
        }

        (_, _token) = await _server.SeedDemoAsync(12);
        await SeedMigrationAsync();
        _browser = await HeadlessChromium.StartAsync();
    }

    /// <summary>
    /// The migration pages' data: an inventory of two demo bodies (products and an application), a plan from this
    /// month, computed, with an incident, a decision and a staff representatives' involvement, so no list is empty.
    /// </summary>
    private async Task SeedMigrationAsync()
    {
        const string products = """
            Organisation;Produkt;Säule;Arbeitsplätze;Nutzende;Postfächer;Version;Lizenzkosten;Vertragsende;Kündigungsfrist
            DEMO-000001;Microsoft Office;office;120;130;0;2021;100,00;31.12.2027;6
            DEMO-000001;Windows 11;operating-system;120;130;0;;80,00;30.06.2028;3
            DEMO-000001;Exchange Server;mail;0;130;130;2019;40,00;31.12.2027;3
            DEMO-000002;Microsoft Office;office;60;60;0;2019;100,00;31.12.2027;6
            """;
        const string applications = """
            Organisation;Name;Art;Abhängigkeiten;Kompatibilität;Nutzende;Notiz
            DEMO-000001;Zeugnisprogramm;specialised;windows,office-suite;needs-work;12;läuft nur mit Word-Makros
            DEMO-000002;Briefkopf;template;office-suite;compatible;60;
            """;
        using var scope = _server.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportInventory>();
        foreach (var (file, kind) in new[] { (products, InventoryKind.Products), (applications, InventoryKind.Applications) })
        {
            var imported = await import.RunAsync(Encoding.UTF8.GetBytes(file), "bestand.csv", kind, CancellationToken.None);
            Assert.True(imported.IsOk, string.Join("; ", imported.Errors));
        }

        var store = scope.ServiceProvider.GetRequiredService<PlanStore>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        var created = await store.CreateAsync(new PlanDraft("Umstellung Demo", null, YearMonth.Of(today), Objective.Makespan, new PlanCapacities(6, 2, 2), null), "test", CancellationToken.None);
        Assert.True(created.IsOk, string.Join("; ", created.Errors));
        _plan = created.Value;
        var computed = await store.ComputeAsync(_plan, TimeSpan.FromSeconds(2), CancellationToken.None);
        Assert.True(computed.IsOk, string.Join("; ", computed.Errors));

        _body = _server.Db(db => db.Bodies.Single(b => b.ExternalId == "DEMO-000001").Id);
        _package = _server.Db(db => db.PlanPackages.Where(p => p.PlanId == _plan && p.BodyId == _body && p.Phase == "cancellation").OrderBy(p => p.Id).First().Id);
        var day = today.AddDays(-1).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var incident = await scope.ServiceProvider.GetRequiredService<PlanIncidents>()
            .AddAsync(_plan, new IncidentInput(day, _body, "office", "migration", "Serienbriefe brechen nach Umstellung ab."), "test", CancellationToken.None);
        Assert.True(incident.IsOk, string.Join("; ", incident.Errors));
        var decision = await scope.ServiceProvider.GetRequiredService<PlanDecisions>()
            .AddAsync(_plan, new DecisionInput(day, "Lenkungskreis", "Ablösung Bürosoftware", "Bürosoftware wird bis Ende 2027 abgelöst.", null), "test", CancellationToken.None);
        Assert.True(decision.IsOk, string.Join("; ", decision.Errors));
        var involved = await scope.ServiceProvider.GetRequiredService<PlanInvolvements>()
            .SetAsync(_plan, _body, day, "Personalrat am Zeitplan beteiligt", "test", CancellationToken.None);
        Assert.True(involved.IsOk, string.Join("; ", involved.Errors));
    }

    /// <summary>The migration's pages: inventory, plans, the plan with its status, records, progress and a package.</summary>
    private string[] MigrationStarts =>
    [
        "/migration/inventar", $"/migration/inventar/{_body}", "/migration/inventar/import", "/migration/plaene", $"/migration/plaene/{_plan}",
        $"/migration/plaene/{_plan}/stand", $"/migration/plaene/{_plan}/vorfaelle", $"/migration/plaene/{_plan}/entscheidungen",
        $"/migration/plaene/{_plan}/beteiligung", $"/migration/plaene/{_plan}/fortschritt", $"/migration/plaene/paket/{_package}",
    ];

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task German_EveryPageOfEveryRoleAndTheRespondent_HasNoKeyNoEnglishNoIsoDateNoUtc()
    {
        var problems = await WalkAllAsync("de-DE", LanguageChecks.GermanProblems, accessibility: true);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task English_EveryPageOfEveryRoleAndTheRespondent_HasNoGermanFragment()
    {
        var problems = await WalkAllAsync("en-GB", LanguageChecks.EnglishProblems, accessibility: false);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<List<string>> WalkAllAsync(string locale, Func<string, IEnumerable<string>> check, bool accessibility)
    {
        var problems = new List<string>();
        var checkedKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in Roles)
        {
            var context = await _browser.NewContextAsync(locale);
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(_server.Address, "/anmelden").ToString());
            await page.Locator("#email").FillAsync(role.ToLowerInvariant() + "@aufsicht.example");
            await page.Locator("#password").FillAsync(Password);
            await page.Locator("#password").PressAsync("Enter");
            await page.Locator("header .account a").First.WaitForAsync(new() { Timeout = 60_000 });
            problems.AddRange(await WalkAsync(page, ["/", "/umfragen", "/organisationen", "/fragebogen", "/konto", "/post", "/verwaltung/konten", "/katalog/zoom/bearbeiten?fact=contract.ownPurposes", "/katalog/bbb-self-operated/bearbeiten?fact=operatingModel", "/umfragen/1/organisationen?status=deficient", "/umfragen/1/andere", .. MigrationStarts], role, check, accessibility ? checkedKinds : null));
            if (role == "Supervisor")
            {
                problems.AddRange(await DocumentsAsync(page, locale == "de-DE", check));
            }

            await context.CloseAsync();
        }

        var respondent = await _browser.NewContextAsync(locale);
        var form = await respondent.NewPageAsync();
        problems.AddRange(await WalkAsync(form, ["/antwort/" + _token, "/antwort/" + _token + "?abschnitt=1", "/antwort/" + _token + "?abschnitt=2", "/antwort-nicht-moeglich"], "respondent", check,
            accessibility ? checkedKinds : null));
        await respondent.CloseAsync();
        return problems;
    }

    /// <summary>
    /// The documents a case handler takes away, read as text: the campaign report (ODT, the same document the PDF is
    /// drawn from) in the page's language, and in German the CSV export with its headers and values.
    /// </summary>
    private async Task<List<string>> DocumentsAsync(IPage page, bool german, Func<string, IEnumerable<string>> check)
    {
        var problems = new List<string>();
        var language = new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Accept-Language"] = german ? "de-DE" : "en-GB" } };
        var report = await page.APIRequest.GetAsync(new Uri(_server.Address, "/umfragen/1/bericht.odt").ToString(), language);
        Assert.Equal(200, report.Status);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await report.BodyAsync())))
        using (var reader = new StreamReader(zip.GetEntry("content.xml")!.Open()))
        {
            var xml = System.Xml.Linq.XDocument.Parse(await reader.ReadToEndAsync());
            var text = string.Join("\n", xml.Descendants().Where(e => !e.HasElements).Select(e => e.Value));
            problems.AddRange(check(text).Distinct().Select(p => "report.odt: " + p));
        }

        if (german)
        {
            var csv = await page.APIRequest.GetAsync(new Uri(_server.Address, "/umfragen/1/export.csv").ToString(), language);
            Assert.Equal(200, csv.Status);
            problems.AddRange(check((await csv.TextAsync()).Replace(';', '\n')).Distinct().Select(p => "export.csv: " + p));

            // The plan's packages as a case handler opens them in a spreadsheet; the key column is the machine's, for the way back.
            var packages = await page.APIRequest.GetAsync(new Uri(_server.Address, $"/migration/plaene/{_plan}/pakete.csv").ToString(), language);
            Assert.Equal(200, packages.Status);
            var cells = (await packages.TextAsync()).Split('\n').Skip(1).Select(line => string.Join("\n", line.Split(';').Skip(1)));
            problems.AddRange(check(string.Join("\n", cells)).Distinct().Select(p => "pakete.csv: " + p));
        }

        var timeline = await page.APIRequest.GetAsync(new Uri(_server.Address, $"/migration/plaene/{_plan}/zeitschiene.pdf").ToString(), language);
        Assert.Equal(200, timeline.Status);
        using (var pdf = PdfDocument.Open(await timeline.BodyAsync()))
        {
            var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Replace('\u00A0', ' ');
            problems.AddRange(check(text).Distinct().Select(p => "zeitschiene.pdf: " + p));
        }

        return problems;
    }

    /// <summary>Follows same-origin links breadth-first from <paramref name="starts"/>, a few pages of each kind; the problems found, each with its page.</summary>
    private async Task<List<string>> WalkAsync(IPage page, IEnumerable<string> starts, string who, Func<string, IEnumerable<string>> check, HashSet<string>? accessibilityChecked)
    {
        var problems = new List<string>();
        var queue = new Queue<string>(starts.Select(s => new Uri(_server.Address, s).ToString()));
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var perKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited < 120)
        {
            var url = queue.Dequeue();
            IResponse? response;
            try
            {
                response = await page.GotoAsync(url);
            }
            catch (PlaywrightException)
            {
                continue; // a download, not a page
            }

            if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            visited++;
            var path = new Uri(page.Url).PathAndQuery;
            // Text marked as another language (an e-mail template in English on a German page) is judged as that language is.
            var text = await page.EvaluateAsync<string>("""
                () => {
                    const own = document.documentElement.lang;
                    const foreign = [...document.body.querySelectorAll('[lang]')].filter(e => e.lang && e.lang !== own);
                    foreign.forEach(e => e.style.display = 'none');
                    const text = document.body.innerText;
                    foreign.forEach(e => e.style.display = '');
                    return text;
                }
                """);
            problems.AddRange(check(text).Distinct().Select(p => $"{who} {path}: {p}"));
            if (accessibilityChecked is not null && accessibilityChecked.Add(Kind(new Uri(page.Url))))
            {
                try
                {
                    await Chromium.AssertAccessible(page);
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    problems.Add($"{who} {path}: axe: {e.Message}");
                }
            }

            foreach (var href in await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)"))
            {
                if (!Uri.TryCreate(href, UriKind.Absolute, out var target) || target.Authority != _server.Address.Authority || Skipped(target))
                {
                    continue;
                }

                var clean = target.GetLeftPart(UriPartial.Query);
                var kind = Kind(target);
                if (seen.Add(clean) && perKind.GetValueOrDefault(kind) < (kind == "/katalog/*" ? 4 : 2))
                {
                    perKind[kind] = perKind.GetValueOrDefault(kind) + 1;
                    queue.Enqueue(clean);
                }
            }
        }

        Assert.True(visited >= 5, $"{who}: only {visited} pages reached");
        return problems;
    }

    /// <summary>Pages that are no pages, or leave the session or the language: downloads, the API, sign-out, the switch.</summary>
    private static bool Skipped(Uri target)
    {
        var path = target.AbsolutePath;
        return path.StartsWith("/api", StringComparison.Ordinal) || path is "/abmelden" or "/sprache" or "/healthz"
            || path.EndsWith(".csv", StringComparison.Ordinal) || path.EndsWith(".xlsx", StringComparison.Ordinal) || path.EndsWith(".pdf", StringComparison.Ordinal)
            || path.EndsWith(".odt", StringComparison.Ordinal) || path.EndsWith(".ics", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal) || path.Contains("/export", StringComparison.Ordinal)
            || path.EndsWith("/auskunft", StringComparison.Ordinal);
    }

    /// <summary>A page's kind: its path with numbers and catalogue ids made general, without the query.</summary>
    private static string Kind(Uri target)
    {
        var path = Numbers().Replace(target.AbsolutePath, "#");
        return path.StartsWith("/katalog/", StringComparison.Ordinal) && path.Count(c => c == '/') == 2 ? "/katalog/*" : path;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
