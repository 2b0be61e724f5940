using System.Net;
using System.Text.RegularExpressions;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Accounts;

[Trait("Category", "Database")]
public sealed class AccountManagementTestsOnSqlite : AccountManagementTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class AccountManagementTestsOnPostgres : AccountManagementTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// One's own password, the administrators' actions on accounts (one-time password, role, deactivation, deletion, each
/// destructive one asked first), and the sign-in's guards: sessions that end on the server, answers that do not tell
/// which addresses have accounts, the per-address limit.
/// </summary>
[Trait("Category", "Database")]
public abstract class AccountManagementTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string Admin = "admin@aufsicht.example";
    private const string Clerk = "sachbearbeitung@aufsicht.example";
    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync(Database);
        await _server.CreateUserAsync(Admin, Password, "Administrator");
        await _server.CreateUserAsync(Clerk, Password, "Supervisor");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<Session> SignedInAsync(string email, string password = Password)
    {
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(email, password)).Status);
        return session;
    }

    private string IdOf(string email) => _server.Db(db => db.Users.Single(u => u.Email == email).Id);

    [Fact]
    public async Task ChangeOwnPassword_BadInputRefusedInGerman_ThenChanged_OtherSessionsEnd()
    {
        using var here = await SignedInAsync(Clerk);
        using var elsewhere = await SignedInAsync(Clerk);
        KeyValuePair<string, string>[] Form(string current, string next, string repeat) => [new("currentPassword", current), new("newPassword", next), new("repeat", repeat)];

        var cases = new (string Current, string Next, string Repeat, string Message)[]
        {
            ("wrong password entirely", "a brand new passphrase", "a brand new passphrase", "Das aktuelle Passwort ist falsch."),
            (Password, "a brand new passphrase", "a different passphrase", "Die beiden Passwörter stimmen nicht überein."),
            (Password, "kurz", "kurz", "Das Passwort muss mindestens 12 Zeichen lang sein."),
            (Password, "password1234", "password1234", "gehört zu den am häufigsten verwendeten"),
            (Password, Password, Password, "muss sich vom bisherigen unterscheiden"),
        };
        foreach (var (current, next, repeat, message) in cases)
        {
            var (status, body, _) = await here.PostFormAsync("/konto", "/konto?handler=Password", Form(current, next, repeat));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(message, body, StringComparison.Ordinal);
        }

        var (ok, okBody, _) = await here.PostFormAsync("/konto", "/konto?handler=Password", Form(Password, "a brand new passphrase", "a brand new passphrase"));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("Ihr Passwort ist geändert.", okBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/konto")).Status); // this session goes on
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/konto")).Status); // the other one has ended
        using var old = _server.NewSession();
        Assert.Equal(HttpStatusCode.BadRequest, (await old.LoginAsync(Clerk, Password)).Status);
        (await SignedInAsync(Clerk, "a brand new passphrase")).Dispose();
    }

    [Fact]
    public async Task Logout_ACopiedCookie_NoLongerSignsIn()
    {
        using var session = await SignedInAsync(Clerk);
        using var thief = _server.NewSession();
        foreach (Cookie cookie in session.Cookies.GetCookies(_server.Address))
        {
            thief.Cookies.Add(_server.Address, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/konto")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/konto", "/abmelden", [])).Status);
        var (status, _, location) = await thief.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/anmelden", location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UnknownAndKnownAddress_SameAnswer_AlsoWhenLocked()
    {
        string Message(string body) => Regex.Match(body, "role=\"alert\"[\\s\\S]*?<li>([^<]+)</li>").Groups[1].Value;
        for (var i = 0; i < 6; i++)
        {
            using var a = _server.NewSession();
            using var b = _server.NewSession();
            var (knownStatus, known, _) = await a.LoginAsync(Clerk, "a wrong password " + i);
            var (unknownStatus, unknown, _) = await b.LoginAsync("niemand@aufsicht.example", "a wrong password " + i);
            Assert.Equal(knownStatus, unknownStatus);
            Assert.NotEmpty(Message(known));
            Assert.Equal(Message(known), Message(unknown));
            if (i == 5)
            {
                Assert.Contains("gesperrt", Message(known), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Login_TwentyFailuresFromOneAddress_ThenItWaits_EvenWithTheRightPassword()
    {
        using var session = _server.NewSession();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await session.LoginAsync($"versuch{i}@aufsicht.example", "a wrong password")).Status);
        }

        var (status, body, _) = await session.LoginAsync(Clerk, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("Bitte warten Sie 10 Minuten", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_AsksFirst_ShowsAOneTimePasswordOnce_WhichMustBeReplaced()
    {
        using var admin = await SignedInAsync(Admin);
        using var clerk = await SignedInAsync(Clerk);
        var page = "/verwaltung/konten/" + IdOf(Clerk);

        var (asked, question, _) = await admin.PostFormAsync(page, page + "?handler=Reset", []);
        Assert.Equal(HttpStatusCode.OK, asked);
        Assert.Contains("Bitte bestätigen: Einmalpasswort ausgeben", question, StringComparison.Ordinal);
        Assert.DoesNotContain("one-time-password", question, StringComparison.Ordinal);
        (await SignedInAsync(Clerk)).Dispose(); // nothing changed yet

        var (done, body, _) = await admin.PostFormAsync(page, page + "?handler=Reset", [new("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.OK, done);
        var otp = Regex.Match(body, "id=\"one-time-password\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$", otp);
        Assert.DoesNotContain(otp, (await admin.GetAsync(page)).Body, StringComparison.Ordinal); // shown once
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync("/konto")).Status); // the old session has ended

        using var fresh = await SignedInAsync(Clerk, otp);
        var (status, _, location) = await fresh.GetAsync("/umfragen");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/konto", location!.OriginalString);
        Assert.Contains("Einmalpasswort angemeldet", (await fresh.GetAsync("/konto")).Body, StringComparison.Ordinal);
        var (changed, _, _) = await fresh.PostFormAsync("/konto", "/konto?handler=Password",
            [new("currentPassword", otp), new("newPassword", "my very own passphrase"), new("repeat", "my very own passphrase")]);
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/umfragen")).Status);
    }

    [Fact]
    public async Task Roles_GermanNames_ReaderByDefault_LastAdministratorCannotDemoteOrDeleteThemselves()
    {
        using var admin = await SignedInAsync(Admin);
        var (_, list, _) = await admin.GetAsync("/verwaltung/konten");
        Assert.Contains("<option value=\"Reader\" selected=\"selected\">Lesezugriff</option>", list, StringComparison.Ordinal);
        Assert.Contains("<td>Sachbearbeitung</td>", list, StringComparison.Ordinal);
        Assert.Contains("<td>Administration</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(">Supervisor<", list, StringComparison.Ordinal);
        Assert.DoesNotContain(">Administrator<", list, StringComparison.Ordinal);

        var own = "/verwaltung/konten/" + IdOf(Admin);
        var (demote, demoteBody, _) = await admin.PostFormAsync(own, own + "?handler=Role", [new("role", "Reader")]);
        Assert.Equal(HttpStatusCode.Conflict, demote);
        Assert.Contains("letzte aktive Administrationskonto", demoteBody, StringComparison.Ordinal);
        var (delete, _, _) = await admin.PostFormAsync(own, own + "?handler=Delete", [new("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Conflict, delete);
        Assert.Equal(1, _server.Db(db => db.Users.Count(u => u.Email == Admin)));

        var clerk = "/verwaltung/konten/" + IdOf(Clerk);
        using var clerkSession = await SignedInAsync(Clerk);
        var (bad, _, _) = await admin.PostFormAsync(clerk, clerk + "?handler=Role", [new("role", "Kaiser")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var (promoted, promotedBody, _) = await admin.PostFormAsync(clerk, clerk + "?handler=Role", [new("role", "Administrator")]);
        Assert.Equal(HttpStatusCode.OK, promoted);
        Assert.Contains("hat jetzt die Rolle „Administration“", promotedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await clerkSession.GetAsync("/konto")).Status); // the session with the old role has ended

        // Now there are two: the first may step down.
        var (down, _, _) = await admin.PostFormAsync(own, own + "?handler=Role", [new("role", "Reader")]);
        Assert.Equal(HttpStatusCode.OK, down);
    }

    [Fact]
    public async Task Delete_AsksFirst_ThenDeletes_TheChangeHistoryStaysIntact()
    {
        using (var clerk = await SignedInAsync(Clerk))
        {
            var (edited, _, _) = await clerk.PostFormAsync("/katalog/zoom/bearbeiten?asOf=2020-07-03", "/katalog/zoom/bearbeiten",
            [
                new("fact", "contract.ownPurposes=excluded"), new("factsAsOf", "2020-07-03"), new("sourceUrl", "https://example.org/zoom-dpa-2020"),
                new("sourceSeen", "2026-11-01"), new("reason", "Neuer Vertrag schließt eigene Zwecke aus."), new("passage", "We do not use customer content for our own purposes."), new("passageLang", "en"), new("revision", string.Empty),
            ]);
            Assert.Equal(HttpStatusCode.OK, edited);
        }

        using var admin = await SignedInAsync(Admin);
        var page = "/verwaltung/konten/" + IdOf(Clerk);
        var (asked, question, _) = await admin.PostFormAsync(page, page + "?handler=Delete", []);
        Assert.Equal(HttpStatusCode.OK, asked);
        Assert.Contains("Bitte bestätigen: Löschen", question, StringComparison.Ordinal);
        Assert.Equal(1, _server.Db(db => db.Users.Count(u => u.Email == Clerk)));

        var (deleted, body, _) = await admin.PostFormAsync(page, page + "?handler=Delete", [new("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Contains($"Konto {Clerk} ist gelöscht.", body, StringComparison.Ordinal);
        Assert.Equal(0, _server.Db(db => db.Users.Count(u => u.Email == Clerk)));
        Assert.Equal(1, _server.Db(db => db.FactChanges.Count(c => c.User == Clerk && c.Path == "contract.ownPurposes")));
        Assert.Contains(Clerk, (await admin.GetAsync("/katalog/zoom?asOf=2020-07-03")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(page)).Status);
    }

    [Fact]
    public async Task Deactivate_AsksFirst_EndsTheSessionsAtOnce_NotOnesOwn()
    {
        using var admin = await SignedInAsync(Admin);
        using var clerk = await SignedInAsync(Clerk);
        var page = "/verwaltung/konten/" + IdOf(Clerk);
        Assert.Contains("Bitte bestätigen: Deaktivieren", (await admin.PostFormAsync(page, page + "?handler=Deactivate", [])).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/konto")).Status);

        var (done, body, _) = await admin.PostFormAsync(page, page + "?handler=Deactivate", [new("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.OK, done);
        Assert.Contains("<dd>deaktiviert</dd>", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync("/konto")).Status);
        using var again = _server.NewSession();
        var (refused, refusedBody, _) = await again.LoginAsync(Clerk, Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("Dieses Konto ist deaktiviert.", refusedBody, StringComparison.Ordinal);

        var own = "/verwaltung/konten/" + IdOf(Admin);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostFormAsync(own, own + "?handler=Deactivate", [new("confirmed", "true")])).Status);
    }

    [Fact]
    public async Task AccountPage_QrCodeDrawnHere_AsADataImage_WithTheKeyBeside()
    {
        using var clerk = await SignedInAsync(Clerk);
        var (_, page, _) = await clerk.GetAsync("/konto");
        var image = Regex.Match(page, "id=\"authenticator-qr\" src=\"data:image/png;base64,([^\"]+)\"").Groups[1].Value;
        var png = Convert.FromBase64String(WebUtility.HtmlDecode(image));
        Assert.Equal((byte)0x89, png[0]);
        Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(png, 1, 3));
        Assert.Matches("id=\"authenticator-key\">[a-z2-7 ]{20,}<", page);
        Assert.Contains("img-src 'self' data:", Aufsicht.Web.SecurityHeaders.Policy, StringComparison.Ordinal);
    }
}

/// <summary>`aufsicht admin reset-password` and `admin create-user` on a SQLite data folder.</summary>
[Trait("Category", "Database")]
public sealed class AdminCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-admin-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ResetPassword_UnknownAccount_ClearMessage_Exit2()
    {
        var result = Cli.Run("admin", "reset-password", "--email", "niemand@aufsicht.example", "--data-dir", _dir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Es gibt kein Konto mit der E-Mail-Adresse niemand@aufsicht.example.", result.Stderr, StringComparison.Ordinal);
        var english = Cli.Run("admin", "reset-password", "--email", "niemand@aufsicht.example", "--data-dir", _dir, "--lang", "en");
        Assert.Contains("There is no account with the e-mail address niemand@aufsicht.example.", english.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Cli.Run("admin", "reset-password", "--data-dir", _dir).ExitCode);
    }

    [Fact]
    public async Task ResetPassword_PrintsAOneTimePasswordOnce_OrTakesOneFromStdin()
    {
        Assert.Equal(0, Cli.RunWithInput("correct horse battery staple\n", "admin", "create-user", "--email", "s@aufsicht.example", "--role", "Supervisor", "--password-stdin", "--data-dir", _dir).ExitCode);
        var reset = Cli.Run("admin", "reset-password", "--email", "s@aufsicht.example", "--data-dir", _dir);
        Assert.Equal(0, reset.ExitCode);
        var otp = Regex.Match(reset.Stdout, "Einmalpasswort \\(nur jetzt angezeigt\\): (\\S+)").Groups[1].Value;
        Assert.NotEmpty(otp);

        var weak = Cli.RunWithInput("password1234\n", "admin", "reset-password", "--email", "s@aufsicht.example", "--password-stdin", "--data-dir", _dir);
        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("gehört zu den am häufigsten verwendeten", weak.Stderr, StringComparison.Ordinal);

        await using var server = await AppServer.StartAsync("--data-dir", _dir);
        using var session = server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("s@aufsicht.example", otp)).Status);
        Assert.Equal("/konto", (await session.GetAsync("/umfragen")).Location!.OriginalString);
    }

    [Fact]
    public void CreateUser_WeakPassword_GermanIdentityMessage_UnderLangDe()
    {
        var de = Cli.RunWithInput("kurz\n", "admin", "create-user", "--email", "k@aufsicht.example", "--password-stdin", "--data-dir", _dir, "--lang", "de");
        Assert.Equal(2, de.ExitCode);
        Assert.Contains("Das Passwort muss mindestens 12 Zeichen lang sein.", de.Stderr, StringComparison.Ordinal);
        var en = Cli.RunWithInput("kurz\n", "admin", "create-user", "--email", "k@aufsicht.example", "--password-stdin", "--data-dir", _dir, "--lang", "en");
        Assert.Contains("The password must be at least 12 characters long.", en.Stderr, StringComparison.Ordinal);
    }
}
