using System.Net;
using System.Text.RegularExpressions;
using Aufsicht.Data;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Accounts;

[Trait("Category", "Database")]
public sealed class AccountTestsOnSqlite : AccountTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class AccountTestsOnPostgres : AccountTests
{
    protected override string Database => "postgres";
}

/// <summary>Signing in, roles, and a supervisor correcting a fact with source and reason — with every bad input refused.</summary>
[Trait("Category", "Database")]
public abstract class AccountTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync(Database);
        await _server.CreateUserAsync("sachbearbeitung@aufsicht.example", Password, "Supervisor");
        await _server.CreateUserAsync("leitung@aufsicht.example", Password, "Reader");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<int> ChangeCountAsync()
    {
        using var scope = _server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AufsichtDb>().FactChanges.CountAsync();
    }

    private const string Quote = "Zoom will not use Customer Data for its own purposes.";

    private static KeyValuePair<string, string>[] Edit(string fact = "contract.ownPurposes=excluded", string reason = "Neuer Vertrag vom 01.08.2020 schließt eigene Zwecke aus.",
        string url = "https://example.org/zoom-dpa-2020", string seen = "2026-11-01", string factsAsOf = "2020-07-03", string? revision = null,
        string passage = Quote, string passageLang = "en", string inferred = "") =>
    [
        new("fact", fact), new("factsAsOf", factsAsOf), new("sourceUrl", url), new("sourceSeen", seen), new("reason", reason),
        new("passage", passage), new("passageLang", passageLang), new("inferred", inferred), new("revision", revision ?? string.Empty),
    ];

    [Fact]
    public async Task Login_WrongPassword_OneMessage_ThenLockout()
    {
        using var session = _server.NewSession();
        var (status, body, _) = await session.LoginAsync("sachbearbeitung@aufsicht.example", "wrong password here");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch", body, StringComparison.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            (_, body, _) = await session.LoginAsync("sachbearbeitung@aufsicht.example", "wrong password here");
        }

        Assert.Contains("für 15 Minuten gesperrt", body, StringComparison.Ordinal);
        (status, _, _) = await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        Assert.Equal(HttpStatusCode.BadRequest, status); // locked even with the right password
    }

    [Fact]
    public async Task EditPage_Anonymous_RedirectsToLogin_Reader_Forbidden()
    {
        using var anonymous = _server.NewSession();
        var (status, _, location) = await anonymous.GetAsync("/katalog/zoom/bearbeiten");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/anmelden", location!.PathAndQuery, StringComparison.Ordinal);

        using var reader = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await reader.LoginAsync("leitung@aufsicht.example", Password)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/katalog/zoom/bearbeiten")).Status);
    }

    [Fact]
    public async Task Supervisor_ChangesAFact_WithSourceAndReason_AuditedAndAssessedAnew()
    {
        using var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("sachbearbeitung@aufsicht.example", Password)).Status);
        var before = await _server.Client.GetStringAsync("/api/v1/catalog/services/zoom/assessment?asOf=2020-07-03");
        Assert.Contains("\"verdict\":\"red\"", before, StringComparison.Ordinal);

        var (status, body, _) = await session.PostFormAsync("/katalog/zoom/bearbeiten?asOf=2020-07-03", "/katalog/zoom/bearbeiten", Edit(reason: "Vertrag <script>alert(1)</script> geändert"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("role=\"status\"", body, StringComparison.Ordinal);
        Assert.Contains("Gespeichert: Verarbeitung zu eigenen Zwecken des Anbieters von „im Vertrag vorbehalten“ auf „ausgeschlossen“.", body, StringComparison.Ordinal);
        Assert.Equal(1, await ChangeCountAsync());

        // The engine sees the new fact at once: L03 no longer red; the other contract facts stay unknown.
        var after = await _server.Client.GetStringAsync("/api/v1/catalog/services/zoom/assessment?asOf=2020-07-03");
        Assert.Contains("\"verdict\":\"not-assessed\"", after, StringComparison.Ordinal);

        // The history shows who, what, why — encoded, never as markup.
        var (_, page, _) = await session.GetAsync("/katalog/zoom?asOf=2020-07-03");
        Assert.Contains("sachbearbeitung@aufsicht.example", page, StringComparison.Ordinal);
        Assert.Contains("Verarbeitung zu eigenen Zwecken des Anbieters von „im Vertrag vorbehalten“ auf „ausgeschlossen“", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);

        // The new source quotes its passage, in its language, beside the fact.
        Assert.Contains(Quote, page, StringComparison.Ordinal);
        Assert.Matches("lang=\"en\"[^>]*>[^<]*" + Regex.Escape(Quote), page);
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);

        // Anonymous visitors see the facts, not who changed them.
        var (_, publicPage, _) = await _server.NewSession().GetAsync("/katalog/zoom?asOf=2020-07-03");
        Assert.DoesNotContain("sachbearbeitung@aufsicht.example", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_NewDate_CreatesANewSnapshotFromThePreviousOne()
    {
        using var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (status, _, _) = await session.PostFormAsync("/katalog/wire/bearbeiten", "/katalog/wire/bearbeiten", Edit(fact: "technical.telemetry=configurable", factsAsOf: "2024-05-01"));
        Assert.Equal(HttpStatusCode.OK, status);
        var detail = await _server.Client.GetStringAsync("/api/v1/catalog/services/wire");
        Assert.Contains("\"2024-05-01\"", detail, StringComparison.Ordinal);
        var old = await _server.Client.GetStringAsync("/api/v1/catalog/services/wire/assessment?asOf=2023-01-01");
        Assert.DoesNotContain("\"factsAsOf\":\"2024-05-01\"", old, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_German_FactsAndValuesByName_CurrentValueAndSourcesShown()
    {
        using var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);

        // Step 1: the facts by name in their groups, no form to post yet.
        var (status, first, _) = await session.GetAsync("/katalog/zoom/bearbeiten?asOf=2020-07-03");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<optgroup label=\"Vertrag\">", first, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Übermittlungen und Verarbeitung\">", first, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Technik\">", first, StringComparison.Ordinal);
        Assert.Contains("Auftragsverarbeitungsvertrag (Art. 28 Abs. 3 DSGVO) — derzeit: unbekannt", first, StringComparison.Ordinal);
        Assert.Contains("Betriebsmodell — derzeit: Online-Dienst (SaaS)", first, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"reason\"", first, StringComparison.Ordinal);
        AssertNoRawKeys(VisibleText(first));

        // Step 2: the chosen fact's current value, its sources with German dates, the values by name.
        var (chosenStatus, body, _) = await session.GetAsync("/katalog/zoom/bearbeiten?asOf=2020-07-03&fact=contract.ownPurposes");
        Assert.Equal(HttpStatusCode.OK, chosenStatus);
        var text = VisibleText(body);
        AssertNoRawKeys(text);
        Assert.Contains("Derzeitiger Wert (Faktenstand 03.07.2020) im Vertrag vorbehalten", text, StringComparison.Ordinal);
        Assert.Contains("gesehen am 27.11.2026", text, StringComparison.Ordinal);
        Assert.Contains("<legend>Neuer Wert für „Verarbeitung zu eigenen Zwecken des Anbieters“</legend>", body, StringComparison.Ordinal);
        Assert.Contains("value=\"contract.ownPurposes=excluded\"", body, StringComparison.Ordinal);
        Assert.Contains(">ausgeschlossen</label>", body, StringComparison.Ordinal);
        Assert.Contains(">im Vertrag vorbehalten (derzeitiger Wert)</label>", body, StringComparison.Ordinal);

        // A fact that is not editable is refused with the field's name.
        var (bad, refused, _) = await session.GetAsync("/katalog/zoom/bearbeiten?fact=provider.name");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Fakt: „provider.name“ ist kein Fakt, der hier geändert werden kann.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_AfterAChange_ShowsItByName_InLocalTime()
    {
        using var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (status, body, _) = await session.PostFormAsync("/katalog/zoom/bearbeiten?asOf=2020-07-03&fact=contract.deletion", "/katalog/zoom/bearbeiten?asOf=2020-07-03&fact=contract.deletion",
            Edit(fact: "contract.deletion=guaranteed"));
        Assert.Equal(HttpStatusCode.OK, status);
        var text = VisibleText(body);
        AssertNoRawKeys(text);
        Assert.Contains("Gespeichert: Löschung und Rückgabe der Daten von „eingeschränkt“ auf „zugesichert“.", text, StringComparison.Ordinal);
        Assert.Contains("Derzeitiger Wert (Faktenstand 03.07.2020) zugesichert", text, StringComparison.Ordinal);
        Assert.Matches(@"\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr, sachbearbeitung@aufsicht\.example — Löschung und Rückgabe der Daten von „eingeschränkt“ auf „zugesichert“ \(Faktenstand 03\.07\.2020\)", text);
    }

    /// <summary>What a reader sees of a page: its text without markup, scripts and styles (the sources' notes are prose, in English in the shipped data).</summary>
    private static string VisibleText(string html)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", System.Text.RegularExpressions.RegexOptions.Singleline);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " ");
        return System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(text), @"\s+", " ");
    }

    private static void AssertNoRawKeys(string text)
    {
        foreach (var raw in new[] { "contract.", "technical.", "processing.", "operatingModel", "self-operated", "external-provider", "saas", "not-applicable", "unknown", "undisclosed-used", "controller-claimed" })
        {
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"\b(true|false)\b", text);
    }

    [Theory]
    [InlineData("contract.ownPurposes=bogus", "https://example.org/x", "2026-11-01", "A sound reason", "value")]
    [InlineData("contract.nothing=excluded", "https://example.org/x", "2026-11-01", "A sound reason", "fact")]
    [InlineData("", "https://example.org/x", "2026-11-01", "A sound reason", "fact")]
    [InlineData("contract.ownPurposes", "https://example.org/x", "2026-11-01", "A sound reason", "value")]
    [InlineData("contract.ownPurposes=excluded", "javascript:alert(1)", "2026-11-01", "A sound reason", "sourceUrl")]
    [InlineData("contract.ownPurposes=excluded", "https://proxy.example/?u=https%3A%2F%2Fzoom.us%2Fprivacy", "2026-11-01", "A sound reason", "sourceUrl")]
    [InlineData("contract.ownPurposes=excluded", "https://example.org/x", "2099-01-01", "A sound reason", "sourceSeen")]
    [InlineData("contract.ownPurposes=excluded", "https://example.org/x", "2026-11-01", "", "reason")]
    [InlineData("contract.ownPurposes=excluded", "https://example.org/x", "2026-11-01", "TOO-LONG", "reason")]
    [InlineData("contract.ownPurposes=excluded", "https://example.org/x", "2026-11-01", "A sound reason", "passage")]
    [InlineData("contract.ownPurposes=excluded", "https://example.org/x", "2026-11-01", "A sound reason", "passageLang")]
    [InlineData("contract.ownPurposes=excluded", "https://example.org/x", "2026-11-01", "A sound reason", "inferred")]
    public async Task Supervisor_BadInput_ClearMessage_NothingWritten(string fact, string url, string seen, string reason, string field)
    {
        using var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        reason = reason == "TOO-LONG" ? new string('x', 3000) : reason;
        var form = field switch
        {
            "passage" => Edit(fact: fact, url: url, seen: seen, reason: reason, passage: "  "),
            "passageLang" => Edit(fact: fact, url: url, seen: seen, reason: reason, passageLang: "xx"),
            "inferred" => Edit(fact: fact, url: url, seen: seen, reason: reason, inferred: new string('y', 1001)),
            _ => Edit(fact: fact, url: url, seen: seen, reason: reason),
        };
        var (status, body, _) = await session.PostFormAsync("/katalog/zoom/bearbeiten", "/katalog/zoom/bearbeiten", form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("role=\"alert\"", body, StringComparison.Ordinal);
        Assert.Contains(UiLabel(field), body, StringComparison.Ordinal);
        if (fact == "contract.ownPurposes=bogus")
        {
            // The allowed values by their names, as the form offers them.
            Assert.Contains("„bogus“ ist für „Verarbeitung zu eigenen Zwecken des Anbieters“ kein zulässiger Wert; erlaubt sind: „ausgeschlossen“, „vage formuliert“, „im Vertrag vorbehalten“, „unbekannt“.", body, StringComparison.Ordinal);
        }

        if (url.StartsWith("https://proxy.example/", StringComparison.Ordinal))
        {
            // A proxy's copy is refused as validate refuses it in a file: the page at its own address is what a letter cites.
            Assert.Contains("Bitte die Seite selbst unter ihrer eigenen Adresse angeben", body, StringComparison.Ordinal);
        }

        Assert.Equal(0, await ChangeCountAsync());
    }

    [Fact]
    public async Task Supervisor_ValueForACriterionThatDoesNotApply_Refused_NothingWritten()
    {
        using var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (status, body, _) = await session.PostFormAsync("/katalog/libreoffice/bearbeiten", "/katalog/libreoffice/bearbeiten",
            Edit(fact: "technical.recordingTransparency=indicated", factsAsOf: "2026-12-06"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("wird bei Diensten der Kategorie „Büroanwendungen“ nicht bewertet; möglich sind hier nur „unbekannt“ und „nicht anwendbar“.", body, StringComparison.Ordinal);
        Assert.Equal(0, await ChangeCountAsync());

        // Not applicable is what such a fact may say.
        var (allowed, _, _) = await session.PostFormAsync("/katalog/libreoffice/bearbeiten", "/katalog/libreoffice/bearbeiten",
            Edit(fact: "technical.recordingTransparency=not-applicable", factsAsOf: "2026-12-06", passage: ""));
        Assert.Equal(HttpStatusCode.OK, allowed);
        Assert.Equal(1, await ChangeCountAsync());
    }

    private static string UiLabel(string field) => field switch
    {
        "value" => "Neuer Wert:",
        "fact" => "Fakt:",
        "sourceUrl" => "Quelle (Adresse):",
        "sourceSeen" => "Quelle gesehen am:",
        "passage" => "Fundstelle (wörtlich zitiert):",
        "passageLang" => "Sprache der Fundstelle:",
        "inferred" => "Gefolgert, weil … (nur wenn die Quelle den Wert nicht ausdrücklich nennt):",
        _ => "Begründung:",
    };

    [Fact]
    public async Task ForgedAntiforgeryToken_IsRefused_NothingWritten()
    {
        using var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (status, _, _) = await session.PostFormAsync("/katalog/zoom/bearbeiten", "/katalog/zoom/bearbeiten", Edit(), tokenOverride: "forged");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(0, await ChangeCountAsync());
    }

    [Fact]
    public async Task TwoSupervisors_SameSnapshot_SecondGetsAConflict_NotALostUpdate()
    {
        using var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (_, form, _) = await session.GetAsync("/katalog/zoom/bearbeiten?asOf=2020-07-03&fact=contract.ownPurposes");
        var revision = System.Text.RegularExpressions.Regex.Match(form, "name=\"revision\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(revision);
        Assert.Equal(HttpStatusCode.OK, (await session.PostFormAsync("/katalog/zoom/bearbeiten", "/katalog/zoom/bearbeiten", Edit(revision: revision))).Status);
        var (status, body, _) = await session.PostFormAsync("/katalog/zoom/bearbeiten", "/katalog/zoom/bearbeiten", Edit(fact: "contract.deletion=guaranteed", revision: revision));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("von jemand anderem geändert, seit Sie das Formular geöffnet haben", body, StringComparison.Ordinal);
        Assert.Equal(1, await ChangeCountAsync());
    }

    [Fact]
    public async Task EditedSnapshot_WithNewerShippedVersion_ShowsBothValues()
    {
        using var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        await session.PostFormAsync("/katalog/zoom/bearbeiten", "/katalog/zoom/bearbeiten", Edit(fact: "contract.deletion=guaranteed"));

        // A release ships Zoom's 2020 snapshot as it was (deletion restricted): the import keeps it beside the edit.
        using (var scope = _server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var shipped = Aufsicht.Cli.DataFolder.Files(Path.Combine(Cli.Repository, "data")).Single(f => f.Path == "services/zoom/2020-07-03.json");
            var changed = shipped with { Content = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(shipped.Content.Span) + " ") };
            var report = await Aufsicht.Features.Catalog.CatalogImport.RunAsync(db, [changed], DateTime.UtcNow, CancellationToken.None);
            Assert.Equal(1, report.Conflicts);
        }

        var (_, page, _) = await session.GetAsync("/katalog/zoom?asOf=2020-07-03");
        Assert.Contains("Abweichung von der ausgelieferten Fassung", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Löschung und Rückgabe der Daten</th><td>zugesichert</td><td>eingeschränkt</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_CreatesDeactivatesAndReactivatesAnAccount()
    {
        await _server.CreateUserAsync("admin@aufsicht.example", Password, "Administrator");
        using var admin = _server.NewSession();
        await admin.LoginAsync("admin@aufsicht.example", Password);
        var (created, body, _) = await admin.PostFormAsync("/verwaltung/konten", "/verwaltung/konten?handler=Create",
            [new("email", "neu@aufsicht.example"), new("role", "Reader"), new("password", "another long password")]);
        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Contains("Konto neu@aufsicht.example (Lesezugriff) angelegt.", body, StringComparison.Ordinal);

        var (bad, badBody, _) = await admin.PostFormAsync("/verwaltung/konten", "/verwaltung/konten?handler=Create",
            [new("email", "x@aufsicht.example"), new("role", "Kaiser"), new("password", "another long password")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("role=\"alert\"", badBody, StringComparison.Ordinal);

        using (var user = _server.NewSession())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await user.LoginAsync("neu@aufsicht.example", "another long password")).Status);
        }

        var id = System.Text.RegularExpressions.Regex.Match(body, "<th scope=\"row\">neu@aufsicht.example</th>[\\s\\S]*?href=\"/verwaltung/konten/([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(id);
        var page = "/verwaltung/konten/" + id;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostFormAsync(page, page + "?handler=Deactivate", [new("confirmed", "true")])).Status);
        using (var locked = _server.NewSession())
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await locked.LoginAsync("neu@aufsicht.example", "another long password")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PostFormAsync(page, page + "?handler=Reactivate", [])).Status);
        using (var again = _server.NewSession())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await again.LoginAsync("neu@aufsicht.example", "another long password")).Status);
        }
    }

    [Fact]
    public async Task TwoFactor_SetUpWithTotp_ThenRequiredAtSignIn_RecoveryCodeWorksOnce()
    {
        using var session = _server.NewSession();
        await session.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        var (_, page, _) = await session.GetAsync("/konto");
        var key = System.Text.RegularExpressions.Regex.Match(page, "id=\"authenticator-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);

        var (wrong, wrongBody, _) = await session.PostFormAsync("/konto", "/konto?handler=Enable", [new("code", "000000")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong);
        Assert.Contains("Der Code stimmt nicht", wrongBody, StringComparison.Ordinal);

        // Codes from one instant: computed later, "the same code" could fall into the next 30-second step and be new.
        var now = DateTimeOffset.UtcNow;
        var enabling = Totp.Code(key, now);
        var (ok, body, _) = await session.PostFormAsync("/konto", "/konto?handler=Enable", [new("code", enabling)]);
        Assert.Equal(HttpStatusCode.OK, ok);
        var recovery = System.Text.RegularExpressions.Regex.Matches(body, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recovery.Count);

        // Signing in now asks for the second factor.
        using var second = _server.NewSession();
        var (_, _, location) = await second.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        Assert.StartsWith("/anmelden/code", location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/konto")).Status); // not signed in yet
        var (bad, _, _) = await second.PostFormAsync("/anmelden/code", "/anmelden/code", [new("code", "123456"), new("returnUrl", "/konto")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        // The code that turned it on is used up: a code is accepted once.
        var (replayed, _, _) = await second.PostFormAsync("/anmelden/code", "/anmelden/code", [new("code", enabling), new("returnUrl", "/konto")]);
        Assert.Equal(HttpStatusCode.BadRequest, replayed);
        var next = Totp.Code(key, now.AddSeconds(30));
        var (good, _, to) = await second.PostFormAsync("/anmelden/code", "/anmelden/code", [new("code", next), new("returnUrl", "/konto")]);
        Assert.Equal(HttpStatusCode.Redirect, good);
        Assert.Equal("/konto", to!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/konto")).Status);

        // The same code again, from another browser within its 30 seconds: refused.
        using var replay = _server.NewSession();
        await replay.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        Assert.Equal(HttpStatusCode.BadRequest, (await replay.PostFormAsync("/anmelden/code", "/anmelden/code", [new("code", next), new("returnUrl", "/konto")])).Status);

        // A recovery code works once.
        using var third = _server.NewSession();
        await third.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await third.PostFormAsync("/anmelden/code", "/anmelden/code", [new("code", recovery[0]), new("returnUrl", "/")])).Status);
        using var fourth = _server.NewSession();
        await fourth.LoginAsync("sachbearbeitung@aufsicht.example", Password);
        Assert.Equal(HttpStatusCode.BadRequest, (await fourth.PostFormAsync("/anmelden/code", "/anmelden/code", [new("code", recovery[0]), new("returnUrl", "/")])).Status);

        // Turning it off asks for the password (or a current code).
        var (refused, refusedBody, _) = await second.PostFormAsync("/konto", "/konto?handler=Disable", [new("confirmation", "not my password at all")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("bleibt eingeschaltet", refusedBody, StringComparison.Ordinal);
        var (off, offBody, _) = await second.PostFormAsync("/konto", "/konto?handler=Disable", [new("confirmation", Password)]);
        Assert.Equal(HttpStatusCode.OK, off);
        Assert.Contains("Die Zwei-Faktor-Anmeldung ist ausgeschaltet.", offBody, StringComparison.Ordinal);
        Assert.Contains("id=\"authenticator-qr\" src=\"data:image/png;base64,", offBody, StringComparison.Ordinal);
    }
}

[Trait("Category", "Database")]
public sealed class SetupTestsOnSqlite : SetupTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class SetupTestsOnPostgres : SetupTests
{
    protected override string Database => "postgres";
}

/// <summary>First run: the set-up page creates the first administrator, from the server itself only, and only once.</summary>
[Trait("Category", "Database")]
public abstract class SetupTests
{
    protected abstract string Database { get; }

    [Fact]
    public async Task Setup_WhileNoAdministrator_CreatesOne_ThenDisappears()
    {
        await using var server = await AppServer.StartOnAsync(Database);
        using var session = server.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/einrichtung")).Status);

        var (mismatch, body, _) = await session.PostFormAsync("/einrichtung", "/einrichtung",
            [new("email", "admin@aufsicht.example"), new("password", "a long enough password"), new("repeat", "another password here")]);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch);
        Assert.Contains("stimmen nicht überein", body, StringComparison.Ordinal);

        var (weak, weakBody, _) = await session.PostFormAsync("/einrichtung", "/einrichtung",
            [new("email", "admin@aufsicht.example"), new("password", "short"), new("repeat", "short")]);
        Assert.Equal(HttpStatusCode.BadRequest, weak);
        Assert.Contains("Das Passwort muss mindestens 12 Zeichen lang sein.", weakBody, StringComparison.Ordinal);

        var (created, _, to) = await session.PostFormAsync("/einrichtung", "/einrichtung",
            [new("email", "admin@aufsicht.example"), new("password", "a long enough password"), new("repeat", "a long enough password")]);
        Assert.Equal(HttpStatusCode.Redirect, created);
        Assert.Equal("/konto", to!.OriginalString);
        Assert.Contains("<dd>Administration</dd>", (await session.GetAsync("/konto")).Body, StringComparison.Ordinal);

        // Once an administrator exists the page is gone, for everyone.
        Assert.Equal(HttpStatusCode.NotFound, (await server.NewSession().GetAsync("/einrichtung")).Status);
    }
}

/// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as an authenticator app computes it — written here so the test does not trust the server's code.</summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // TOTP is defined over HMAC-SHA1 (RFC 6238); this is the test's independent implementation.
        var hash = System.Security.Cryptography.HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
