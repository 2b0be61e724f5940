using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Aufsicht.Data;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit;

namespace Aufsicht.Tests.Cases;

[Trait("Category", "Browser")]
public sealed class EnforcementPathBrowserTestsOnSqlite : EnforcementPathBrowserTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Browser")]
public sealed class EnforcementPathBrowserTestsOnPostgres : EnforcementPathBrowserTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The whole enforcement path of issue 13 in a real browser with the German interface, on a fixed clock: a deficient
/// body on the campaign dashboard → case opened → recommended measure with its reasons → hearing with the proposed
/// deadline (across New Year's Day) → hearing letter as ODT and PDF → the deadline passes → order with its letter →
/// follow-up link → the body answers again → closed as remedied; and a second case that escalates after
/// non-compliance. The body's answers go through the answer API with the link's token from an anonymous browser
/// context (the questionnaire's pages are a walk of their own, covered by the survey tests).
/// </summary>
[Trait("Category", "Browser")]
public abstract partial class EnforcementPathBrowserTests : IAsyncLifetime
{
    private const string Handler = "sachbearbeitung@aufsicht.example";

    private static string SkypeAnswers(string users) => SurveyAnswers.Json(
        "skype", users, ("operatingModel", "saas"), ("hosting", "third-country"), ("purposes", "teaching"),
        ("participants", "pupils"), ("protectionNeed", "high"), ("dpia", "threshold-only"), ("participantsInformed", "partial"), ("telemetryBlocked", "unknown"));

    private static readonly string OpenTalk = SurveyAnswers.Json("opentalk", "40");

    // Monday 14 December 2026, 10:00 in Berlin: a hearing letter posted today is notified on Friday 18 December (four
    // days, § 41(2) VwVfG); two weeks later is Friday 1 January 2027, New Year's Day, so the period ends on Monday 4 January.
    private readonly JumpingClock _clock = new(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.Zero));
    private AppServer _server = null!;
    private HeadlessChromium _browser = null!;
    private long _campaign;
    private Dictionary<string, string> _links = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database, _clock, "--Aufsicht:Cases:State=MV");
        using (var setup = _server.NewSession())
        {
            await setup.LoginAsync(Handler, SurveyServer.Password);
            (_campaign, _links) = await _server.StartCampaignAsync(setup, "Videokonferenzen 2026", Day(30));
        }

        _browser = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }

    private string Day(int days) => _clock.GetUtcNow().AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Url(string path) => new Uri(_server.Address, path).ToString();

    [GeneratedRegex("/antwort/([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkToken();

    [GeneratedRegex(@"\b20[0-9]{2}-[01][0-9]-[0-3][0-9]\b")]
    private static partial Regex IsoDate();

    /// <summary>The body answers through its link's token, from a browser context without a session (as the portal's script would).</summary>
    private async Task AnswerAsync(IBrowserContext anonymous, string link, string answers)
    {
        var token = LinkToken().Match(link).Groups[1].Value;
        Assert.NotEmpty(token);
        var response = await anonymous.APIRequest.PutAsync(Url("/api/v1/responses/" + token), new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            DataString = answers,
        });
        Assert.True(response.Ok, $"PUT answers: {response.Status} {await response.TextAsync()}");
    }

    /// <summary>Signs in through the page (again after days have passed: the session lasts eight hours).</summary>
    private async Task SignInAsync(IPage page, string returnUrl)
    {
        await page.GotoAsync(Url("/anmelden?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        await page.GetByLabel("E-Mail-Adresse").FillAsync(Handler);
        await page.GetByLabel("Passwort").FillAsync(SurveyServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await WaitAsync(page, "Angemeldet als " + Handler, "header");
    }

    /// <summary>Waits until <paramref name="selector"/>'s text contains <paramref name="text"/>; says where the page is if it never comes.</summary>
    private static async Task WaitAsync(IPage page, string text, string selector = "main")
    {
        try
        {
            await page.WaitForFunctionAsync(
                "([selector, text]) => { const e = document.querySelector(selector); return document.readyState !== 'loading' && e !== null && e.textContent.includes(text); }",
                new[] { selector, text },
                new() { Timeout = 60_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"waited for „{text}“ in {selector}; the page is {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>The case's state as the page shows it: the first fact of the case page.</summary>
    private static async Task WaitForStateAsync(IPage page, string state)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "state => { const e = document.querySelector('dl.facts dd'); return document.readyState !== 'loading' && e !== null && e.textContent.trim().startsWith(state); }",
                state,
                new() { Timeout = 60_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"waited for the state „{state}“; the page is {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>Opens the case for <paramref name="body"/> from the campaign dashboard; returns the case page's path.</summary>
    private async Task<string> OpenCaseAsync(IPage page, string body)
    {
        await page.GotoAsync(Url($"/umfragen/{_campaign}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verfahren eröffnen: " + body }).ClickAsync();
        await WaitForStateAsync(page, "eröffnet");
        Assert.Contains(body, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>Decides an order (Art. 58(2)(d)) alone, with a compliance deadline; a hearing omitted needs its ground.</summary>
    private static async Task DecideOrderAsync(IPage page, string deadline, string? ground = null)
    {
        var form = page.Locator("#schritt-decide");
        foreach (var box in await form.Locator("input[name=powers]").AllAsync())
        {
            await box.SetCheckedAsync(await box.GetAttributeAsync("value") == "58(2)(d)");
        }

        await form.Locator("input[name=deadline]").FillAsync(deadline);
        if (ground is not null)
        {
            await form.Locator("textarea[name=ground]").FillAsync(ground);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Maßnahme entscheiden" }).ClickAsync();
        await WaitForStateAsync(page, "Maßnahme entschieden");
    }

    /// <summary>Starts the follow-up check and reads the link shown once on the case page.</summary>
    private static async Task<string> StartFollowUpAsync(IPage page)
    {
        await page.Locator("#schritt-start-follow-up").GetByRole(AriaRole.Button, new() { Name = "Nachprüfung beginnen" }).ClickAsync();
        await WaitForStateAsync(page, "Nachprüfung");
        var link = await page.Locator("[role=status] code").InnerTextAsync();
        Assert.Matches(LinkToken(), link);
        Assert.Contains("Noch keine neuen Antworten", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        return link;
    }

    /// <summary>The body opens its follow-up link in a browser of its own (no session) and answers.</summary>
    private async Task BodyAnswersAgainAsync(string link, string answers)
    {
        var context = await _browser.NewContextAsync("de-DE");
        var portal = await context.NewPageAsync();
        var response = await portal.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        Assert.Contains("Videokonferenz", await portal.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Angemeldet als", await portal.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
        await AnswerAsync(context, link, answers);
        await context.CloseAsync();
    }

    /// <summary>Downloads the filed letter of the kind (its German name in the list) with the page's cookies.</summary>
    private static async Task<byte[]> DownloadAsync(IPage page, string kindName, string format)
    {
        var row = page.Locator("table tbody tr").Filter(new() { Has = page.Locator("td", new() { HasTextRegex = new Regex("^" + kindName + "$") }) });
        var href = await row.GetByRole(AriaRole.Link, new() { Name = format, Exact = true }).GetAttributeAsync("href");
        var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
        Assert.Equal(200, response.Status);
        return await response.BodyAsync();
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>Makes a letter of <paramref name="kind"/> on the letters page; returns its PDF's text.</summary>
    private static async Task<string> MakeLetterAsync(IPage page, string caseId, string kind, string kindName)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), $"/verfahren/{caseId}/schreiben").ToString());
        await page.Locator("#kind").SelectOptionAsync(kind);
        await page.GetByRole(AriaRole.Button, new() { Name = "Schreiben erstellen" }).ClickAsync();
        await WaitAsync(page, "Das Schreiben ist abgelegt.");
        return PdfText(await DownloadAsync(page, kindName, "PDF"));
    }

    private async Task FillLetterheadAsync(IPage page)
    {
        await page.GotoAsync(Url("/verfahren/briefkopf"));
        await page.GetByLabel("Name der Behörde").FillAsync("Der Landesbeauftragte für Datenschutz Mecklenburg-Vorpommern");
        await page.GetByLabel("Anschrift").FillAsync("Werderstraße 74a\n19055 Schwerin");
        await page.GetByLabel("Sitz (Ort)").FillAsync("Schwerin");
        await page.GetByLabel("Verwaltungsgericht").FillAsync("Verwaltungsgericht Schwerin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await WaitAsync(page, "Der Briefkopf ist gespeichert.");
    }

    private async Task AdvanceAsync(IPage page, string casePage, int days)
    {
        _clock.Advance(TimeSpan.FromDays(days));
        await SignInAsync(page, casePage);
        await page.GotoAsync(Url(casePage));
    }

    [Fact]
    public async Task EnforcementPath_DeficientSchool_HearingOrderFollowUp_ClosedAsRemedied()
    {
        await AnswerAsync(await _browser.NewContextAsync("de-DE"), _links["schule@example.org"], SkypeAnswers("120"));
        var context = await _browser.NewContextAsync("de-DE");
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/");
        await FillLetterheadAsync(page);

        // Dashboard → case opened; the page recommends a measure in German notation, with its reasons.
        var casePage = await OpenCaseAsync(page, "Grundschule Am Deich");
        var caseId = casePage.Split('/')[^1];
        var fileNumber = _server.Db(db => db.Cases.Single(c => c.Id == long.Parse(caseId, CultureInfo.InvariantCulture)).FileNumber);
        var recommendation = await page.Locator("#empfehlung + p").InnerTextAsync();
        Assert.Contains("Art. 58 Abs. 2 lit.", recommendation, StringComparison.Ordinal);
        Assert.NotEmpty(await page.Locator("#empfehlung ~ details ol li").AllInnerTextsAsync());
        await Chromium.AssertAccessible(page);

        // The hearing with the proposed deadline: its computation names the holiday it moved across.
        var deadline = page.Locator("#deadline-start-hearing");
        Assert.Equal("2027-01-04", await deadline.InputValueAsync());
        var hint = await page.Locator("#hint-start-hearing").InnerTextAsync();
        Assert.Contains("01.01.2027", hint, StringComparison.Ordinal);
        Assert.Contains("Neujahr", hint, StringComparison.Ordinal);
        Assert.Contains("04.01.2027", hint, StringComparison.Ordinal);
        await page.Locator("#schritt-start-hearing").GetByRole(AriaRole.Button, new() { Name = "Anhörung einleiten" }).ClickAsync();
        await WaitForStateAsync(page, "Anhörung läuft");
        Assert.Contains("04.01.2027", await page.Locator("dl.facts").First.InnerTextAsync(), StringComparison.Ordinal);

        // The hearing letter, as PDF (text read back) and as ODT (a zip with its mimetype first).
        var hearing = await MakeLetterAsync(page, caseId, "hearing", "Anhörung");
        await Chromium.AssertAccessible(page);
        Assert.Contains(fileNumber, hearing, StringComparison.Ordinal);
        Assert.Contains("Grundschule", hearing, StringComparison.Ordinal);
        Assert.Contains("04.01.2027", hearing, StringComparison.Ordinal);
        Assert.Contains("01.01.2027", hearing, StringComparison.Ordinal);
        Assert.DoesNotMatch(IsoDate(), hearing);
        using (var odt = new ZipArchive(new MemoryStream(await DownloadAsync(page, "Anhörung", "ODT"))))
        {
            Assert.Equal("mimetype", odt.Entries[0].FullName);
            using var reader = new StreamReader(odt.GetEntry("content.xml")!.Open(), Encoding.UTF8);
            Assert.Contains(fileNumber, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        // The hearing period passes without a statement; the order is decided with a compliance deadline and its letter made.
        await AdvanceAsync(page, casePage, 22);
        await page.Locator("#schritt-record-hearing-lapsed").GetByRole(AriaRole.Button, new() { Name = "Fristablauf der Anhörung erfassen" }).ClickAsync();
        await WaitForStateAsync(page, "Anhörungsfrist verstrichen");
        await DecideOrderAsync(page, Day(14));
        Assert.Contains("Art. 58 Abs. 2 lit. d", await page.Locator("dl.facts").First.InnerTextAsync(), StringComparison.Ordinal);
        var order = await MakeLetterAsync(page, caseId, "order", "Anordnung");
        Assert.Contains("Rechtsbehelfsbelehrung", order, StringComparison.Ordinal);
        Assert.Contains("Verwaltungsgericht Schwerin", order, StringComparison.Ordinal);
        Assert.Contains(fileNumber, order, StringComparison.Ordinal);
        Assert.DoesNotMatch(IsoDate(), order);

        // After the compliance deadline: the follow-up link; the body answers compliant now.
        await AdvanceAsync(page, casePage, 15);
        var link = await StartFollowUpAsync(page);
        await BodyAnswersAgainAsync(link, OpenTalk);
        await page.ReloadAsync();
        await WaitAsync(page, "Vorschlag: Die Mängel sind behoben");
        await page.Locator("#vorschlag").GetByRole(AriaRole.Button, new() { Name = "Als „Mangel behoben“ abschließen" }).ClickAsync();
        await WaitForStateAsync(page, "abgeschlossen – Mangel behoben");

        // Every step is in the audit chain, and the chain holds.
        using var scope = _server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        var (broken, count) = await AuditLog.VerifyAsync(db, CancellationToken.None);
        Assert.Null(broken);
        Assert.True(count >= 6, $"{count} audit entries");
        var id = long.Parse(caseId, CultureInfo.InvariantCulture);
        var actions = await db.AuditLog.Where(a => a.CaseId == id).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
        Assert.Equal(["case.open", "case.start-hearing", "case.letter", "case.record-hearing-lapsed", "case.decide", "case.letter", "case.start-follow-up", "case.close"], actions);
    }

    [Fact]
    public async Task EnforcementPath_OrderNotCompliedWith_EscalatesToTheNextRung()
    {
        await AnswerAsync(await _browser.NewContextAsync("de-DE"), _links["gemeinde@example.org"], SkypeAnswers("120"));
        var context = await _browser.NewContextAsync("de-DE");
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/");

        var casePage = await OpenCaseAsync(page, "Gemeinde Süderholz");
        var first = await page.Locator("#empfehlung + p").InnerTextAsync();
        await DecideOrderAsync(page, Day(10), ground: "§ 28 Abs. 2 Nr. 1 VwVfG");

        await AdvanceAsync(page, casePage, 11);
        var link = await StartFollowUpAsync(page);
        // Changed answers, still deficient (the same answers again would make no new version to evaluate).
        await BodyAnswersAgainAsync(link, SkypeAnswers("150"));
        await page.ReloadAsync();
        await WaitAsync(page, "Vorschlag: Die Maßnahme wurde nicht befolgt");
        await page.Locator("#vorschlag").GetByRole(AriaRole.Button, new() { Name = "Eskalieren" }).ClickAsync();
        await WaitForStateAsync(page, "eskaliert");

        // The recommendation is the next rung now, for non-compliance with the order, and its procedure says so.
        var next = await page.Locator("#empfehlung + p").InnerTextAsync();
        var rung = await page.Locator("#empfehlung + p + p").InnerTextAsync();
        var reasons = await page.Locator("#empfehlung ~ details").First.TextContentAsync();
        Assert.NotEqual(first, next);
        Assert.Contains("missachtete Anordnung", rung, StringComparison.Ordinal);
        Assert.Contains("nicht befolgt", reasons, StringComparison.Ordinal);
    }
}

/// <summary>
/// A clock that jumps days at once for the case's deadlines while timers run in real time. A FakeTimeProvider moved by
/// days fires every periodic timer once per elapsed period — the catalogue refresher's one-second timer some
/// two million times for 22 days — and that took minutes per jump.
/// </summary>
internal sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
