using System.Net;
using System.Text.RegularExpressions;
using Aufsicht.Core.Law;
using Aufsicht.Features.Letters;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Xunit;

namespace Aufsicht.Tests.Letters;

[Trait("Category", "Database")]
public sealed class LetterTemplatePagesTestsOnSqlite : LetterTemplatePagesTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class LetterTemplatePagesTestsOnPostgres : LetterTemplatePagesTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The authority's letter templates and letterhead in the browser: the list, saving (checked, over the revision shown,
/// audited), resetting, the previews, the letterhead as letters use it, and a reader who may only look.
/// </summary>
public abstract partial class LetterTemplatePagesTests : IAsyncLifetime
{
    private const string Editor = "/verfahren/vorlagen/hearing/de";
    private const string Marker = "Zauberwort4711";

    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync() => _server = await SurveyServer.StartAsync(Database);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static KeyValuePair<string, string> F(string name, string value) => KeyValuePair.Create(name, value);

    private async Task<Session> SupervisorAsync()
    {
        var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        return session;
    }

    private async Task<T> SourcesAsync<T>(Func<LetterSources, Task<T>> read)
    {
        using var scope = _server.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<LetterSources>());
    }

    /// <summary>The shipped hearing letter with a sentence of ours before the closing.</summary>
    private async Task<string> EditedTextAsync()
    {
        var text = await SourcesAsync(s => Task.FromResult(s.DefaultTemplate(LetterKind.Hearing, Language.De)));
        var closing = text.LastIndexOf("Mit freundlichen Grüßen", StringComparison.Ordinal);
        Assert.True(closing > 0);
        return text[..closing] + $"Dies ist das {Marker} der Behörde.\n\n" + text[closing..];
    }

    [Fact]
    public async Task List_Staff_ShowsFourteenTemplatesAsDefault()
    {
        using var supervisor = await SupervisorAsync();
        var (status, html, _) = await supervisor.GetAsync("/verfahren/vorlagen");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(14, EditorLink().Count(html));
        Assert.Equal(14, Regex.Count(html, "mitgelieferte Fassung \\(Standard\\)"));
        Assert.Contains("Bußgeldbescheid (§ 66 OWiG)", html, StringComparison.Ordinal);
        Assert.Contains("/verfahren/briefkopf", (await supervisor.GetAsync("/verfahren")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_ValidEdit_IsInForceAuditedAndListed()
    {
        using var supervisor = await SupervisorAsync();
        var text = await EditedTextAsync();

        var saved = await supervisor.PostFormAsync(Editor, Editor + "?handler=Save", [F("revision", "0"), F("text", text)]);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var inForce = await SourcesAsync(s => s.TemplateAsync(LetterKind.Hearing, Language.De, CancellationToken.None));
        Assert.Equal((true, 1), (inForce.Edited, inForce.Revision));
        Assert.Contains(Marker, inForce.Text, StringComparison.Ordinal);
        var audit = _server.Db(db => db.AuditLog.Single(a => a.Action == SaveLetterTemplate.AuditAction));
        Assert.Null(audit.CaseId);
        Assert.Equal("sachbearbeitung@aufsicht.example", audit.Actor);
        var page = await supervisor.GetAsync(saved.Location!.OriginalString);
        Assert.Contains("Die Vorlage ist gespeichert.", page.Body, StringComparison.Ordinal);
        Assert.Matches(@"zuletzt geändert am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr", page.Body);
        Assert.Equal(13, Regex.Count((await supervisor.GetAsync("/verfahren/vorlagen")).Body, "mitgelieferte Fassung \\(Standard\\)"));
    }

    [Fact]
    public async Task Save_UnknownVariable_NamesItAndSavesNothing()
    {
        using var supervisor = await SupervisorAsync();
        var text = (await EditedTextAsync()).Replace(Marker, "{{ body.secret }}", StringComparison.Ordinal);

        var refused = await supervisor.PostFormAsync(Editor, Editor + "?handler=Save", [F("revision", "0"), F("text", text)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("unbekannte Variable 'body.secret'", WebUtility.HtmlDecode(refused.Body), StringComparison.Ordinal);
        Assert.Contains("href=\"#vorlage\"", refused.Body, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", refused.Body, StringComparison.Ordinal);
        Assert.Contains("{{ body.secret }}", WebUtility.HtmlDecode(refused.Body), StringComparison.Ordinal);
        Assert.Equal(0, _server.Db(db => db.LetterTemplates.Count()));
        Assert.Equal(0, _server.Db(db => db.AuditLog.Count()));
    }

    [Fact]
    public async Task Save_StaleRevision_ConflictsAndOverwritesNothing()
    {
        using var supervisor = await SupervisorAsync();
        var text = await EditedTextAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(Editor, Editor + "?handler=Save", [F("revision", "0"), F("text", text)])).Status);

        var stale = await supervisor.PostFormAsync(Editor, Editor + "?handler=Save", [F("revision", "0"), F("text", text.Replace(Marker, "Anderes", StringComparison.Ordinal))]);

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("inzwischen von anderer Seite geändert", stale.Body, StringComparison.Ordinal);
        var inForce = await SourcesAsync(s => s.TemplateAsync(LetterKind.Hearing, Language.De, CancellationToken.None));
        Assert.Equal(1, inForce.Revision);
        Assert.Contains(Marker, inForce.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_EditedTemplate_DefaultAgainAndAudited()
    {
        using var supervisor = await SupervisorAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(Editor, Editor + "?handler=Save", [F("revision", "0"), F("text", await EditedTextAsync())])).Status);

        var reset = await supervisor.PostFormAsync(Editor, Editor + "?handler=Reset", [F("revision", "1")]);

        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        var inForce = await SourcesAsync(s => s.TemplateAsync(LetterKind.Hearing, Language.De, CancellationToken.None));
        var shipped = await SourcesAsync(s => Task.FromResult(s.DefaultTemplate(LetterKind.Hearing, Language.De)));
        Assert.Equal((false, shipped), (inForce.Edited, inForce.Text));
        Assert.Equal(1, _server.Db(db => db.AuditLog.Count(a => a.Action == ResetLetterTemplate.AuditAction && a.CaseId == null)));
        Assert.Equal(0, _server.Db(db => db.LetterTemplates.Count()));
    }

    [Fact]
    public async Task Preview_UnsavedAndSavedText_ShowTheirWords()
    {
        using var supervisor = await SupervisorAsync();
        var text = await EditedTextAsync();

        var unsaved = await supervisor.PostFormAsync(Editor, Editor + "?handler=Preview", [F("revision", "0"), F("text", text)]);
        Assert.Equal(HttpStatusCode.OK, unsaved.Status);
        Assert.Contains($"Dies ist das {Marker} der Behörde.", unsaved.Body, StringComparison.Ordinal);
        Assert.Contains("Beispieldaten", unsaved.Body, StringComparison.Ordinal);
        Assert.Contains("Grundschule Am Inselsee", unsaved.Body, StringComparison.Ordinal);
        Assert.Equal(0, _server.Db(db => db.LetterTemplates.Count()));

        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync(Editor, Editor + "?handler=Save", [F("revision", "0"), F("text", text)])).Status);
        var (status, type, pdf) = await supervisor.DownloadAsync(Editor + "/vorschau.pdf");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/pdf", type);
        using var document = PdfDocument.Open(pdf);
        Assert.Contains(document.GetPages().SelectMany(p => p.GetWords()), w => w.Text == Marker);
    }

    [Fact]
    public async Task Letterhead_Saved_IsWhatLettersUse()
    {
        using var supervisor = await SupervisorAsync();

        var saved = await supervisor.PostFileAsync("/verfahren/briefkopf", "/verfahren/briefkopf", "logo", "logo.png", LetterSample.Logo,
            [F("revision", "0"), F("authorityName", "Landesbeauftragter Testland"), F("address", "Hauptstraße 1\r\n\r\n12345 Teststadt "), F("contact", "Telefon 0123 4567"),
             F("seat", "Teststadt"), F("court", "Verwaltungsgericht Teststadt")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var authority = await SourcesAsync(s => s.AuthorityAsync(Language.De, CancellationToken.None));
        Assert.Equal("Landesbeauftragter Testland", authority.Name);
        Assert.Equal(["Hauptstraße 1", "12345 Teststadt"], authority.AddressLines);
        Assert.Equal(("Teststadt", "Verwaltungsgericht Teststadt"), (authority.Seat, authority.Court));
        Assert.Equal(LetterSample.Logo, authority.Logo);
        Assert.Equal(1, _server.Db(db => db.AuditLog.Count(a => a.Action == SaveLetterhead.AuditAction && a.CaseId == null)));

        var (_, type, pdf) = await supervisor.DownloadAsync("/verfahren/vorlagen/hearing/de/vorschau.pdf");
        Assert.Equal("application/pdf", type);
        using var document = PdfDocument.Open(pdf);
        Assert.Contains(document.GetPage(1).GetWords(), w => w.Text == "Testland");

        Assert.DoesNotContain("fehlen noch Sitz oder Verwaltungsgericht", (await supervisor.GetAsync("/verfahren/vorlagen/order/de")).Body, StringComparison.Ordinal);

        // Removing the logo keeps the rest; an empty court is allowed, but warned.
        var page = await supervisor.GetAsync("/verfahren/briefkopf");
        Assert.Contains("data:image/png;base64,", page.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync("/verfahren/briefkopf", "/verfahren/briefkopf",
            [F("revision", "1"), F("authorityName", "Landesbeauftragter Testland"), F("address", "Hauptstraße 1"), F("contact", ""), F("seat", "Teststadt"), F("court", ""), F("removeLogo", "true")])).Status);
        var after = await SourcesAsync(s => s.LetterheadAsync(CancellationToken.None));
        Assert.Equal((null, null, 2), (after!.LogoPng, after.Court, after.Revision));
        Assert.Contains("Rechtsbehelfsbelehrung", (await supervisor.GetAsync("/verfahren/briefkopf")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letterhead_BadInput_RefusedNamingTheFieldAndNothingSaved()
    {
        using var supervisor = await SupervisorAsync();
        var gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"u8.ToArray();

        var notPng = await supervisor.PostFileAsync("/verfahren/briefkopf", "/verfahren/briefkopf", "logo", "logo.png", gif,
            [F("revision", "0"), F("authorityName", "Behörde"), F("address", ""), F("contact", ""), F("seat", ""), F("court", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, notPng.Status);
        Assert.Contains("Logo (PNG): Die Datei ist kein PNG-Bild.", notPng.Body, StringComparison.Ordinal);

        var broken = LetterSample.Logo.ToArray();
        broken[^5] ^= 0xFF;
        var damaged = await supervisor.PostFileAsync("/verfahren/briefkopf", "/verfahren/briefkopf", "logo", "logo.png", broken,
            [F("revision", "0"), F("authorityName", "Behörde")]);
        Assert.Equal(HttpStatusCode.BadRequest, damaged.Status);
        Assert.Contains("beschädigt", damaged.Body, StringComparison.Ordinal);

        var noName = await supervisor.PostFormAsync("/verfahren/briefkopf", "/verfahren/briefkopf", [F("revision", "0"), F("authorityName", " "), F("seat", new string('x', 101))]);
        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        Assert.Contains("Name der Behörde: Bitte den Namen der Behörde angeben.", noName.Body, StringComparison.Ordinal);
        Assert.Contains("Sitz (Ort): höchstens 100 Zeichen.", noName.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"#seat\"", noName.Body, StringComparison.Ordinal);

        Assert.Null(await SourcesAsync(s => s.LetterheadAsync(CancellationToken.None)));
        Assert.Equal(0, _server.Db(db => db.AuditLog.Count()));
    }

    [Fact]
    public async Task Reader_MayReadButNotSave()
    {
        using var reader = _server.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/verfahren/vorlagen")).Status);
        var (status, html, _) = await reader.GetAsync(Editor);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<textarea", html, StringComparison.Ordinal);
        Assert.Contains("<code>{{ deadline.date }}</code>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/verfahren/briefkopf")).Status);
        Assert.Contains("fehlen noch Sitz oder Verwaltungsgericht", (await reader.GetAsync("/verfahren/vorlagen/order/de")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("fehlen noch Sitz oder Verwaltungsgericht", html, StringComparison.Ordinal);

        var save = await reader.PostFormAsync(Editor, Editor + "?handler=Save", [F("revision", "0"), F("text", await EditedTextAsync())]);
        var reset = await reader.PostFormAsync(Editor, Editor + "?handler=Reset", [F("revision", "0")]);
        var head = await reader.PostFormAsync("/verfahren/briefkopf", "/verfahren/briefkopf", [F("revision", "0"), F("authorityName", "Leitung")]);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (save.Status, reset.Status, head.Status));
        Assert.Equal(0, _server.Db(db => db.LetterTemplates.Count() + db.Letterhead.Count()));
    }

    [Fact]
    public async Task Editor_InEnglish_IsEnglishThroughout()
    {
        using var supervisor = await SupervisorAsync();
        supervisor.Cookies.Add(_server.Address, new Cookie("aufsicht-lang", "en"));

        var (status, html, _) = await supervisor.GetAsync("/verfahren/vorlagen/order/en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Template: Order with instructions on legal remedies – English", html, StringComparison.Ordinal);
        Assert.Contains("Allowed variables", html, StringComparison.Ordinal);
        Assert.Contains("The discretion considered", html, StringComparison.Ordinal);
        Assert.Contains("sample data (no real case).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Erlaubte Variablen", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bletters\.(templates?|head|kind|language|preview|logo)\.", html);
    }

    [GeneratedRegex("href=\"/verfahren/vorlagen/[a-z-]+/(de|en)\"")]
    private static partial Regex EditorLink();
}
