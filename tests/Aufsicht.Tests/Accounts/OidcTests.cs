using System.Net;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Accounts;

[Trait("Category", "Database")]
public sealed class OidcTestsOnSqlite : OidcTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class OidcTestsOnPostgres : OidcTests
{
    protected override string Database => "postgres";
}

/// <summary>Signing in through the authority's identity provider (OpenID Connect), against a real provider on loopback.</summary>
[Trait("Category", "Database")]
public abstract class OidcTests : IAsyncLifetime
{
    private OidcTestServer _idp = null!;
    private AppServer _app = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _idp = await OidcTestServer.StartAsync();
        _app = await AppServer.StartOnAsync(
            Database,
            "--Aufsicht:Oidc:Authority=" + _idp.Address, "--Aufsicht:Oidc:ClientId=aufsicht", "--Aufsicht:Oidc:ClientSecret=test-secret",
            "--Aufsicht:Oidc:RequireHttps=false", "--Aufsicht:Oidc:DisplayName=Landes-IdP");
        await _idp.RegisterClientAsync("aufsicht", "test-secret", _app.Address);
        await _app.CreateUserAsync("sachbearbeitung@aufsicht.example", "correct horse battery staple", "Supervisor");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _idp.DisposeAsync();
    }

    /// <summary>A browser-like client that follows redirects across the app and the provider, keeping each one's cookies.</summary>
    private HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true, MaxAutomaticRedirections = 10 }) { BaseAddress = _app.Address };

    private static async Task<HttpResponseMessage> StartExternalLogin(HttpClient browser, string returnUrl)
    {
        var page = await browser.GetStringAsync("/anmelden");
        Assert.Contains("Anmelden mit Landes-IdP", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent([new("returnUrl", returnUrl), new("__RequestVerificationToken", token)]);
        return await browser.PostAsync("/anmelden/extern", form);
    }

    [Fact]
    public async Task KnownPerson_SignsInThroughTheProvider_WithTheLocalRole()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        using var response = await StartExternalLogin(browser, "/konto");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.True(response.RequestMessage!.RequestUri!.AbsolutePath == "/konto", response.RequestMessage.RequestUri + "\n" + await response.Content.ReadAsStringAsync());
        Assert.Equal("/konto", response.RequestMessage!.RequestUri!.AbsolutePath);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("sachbearbeitung@aufsicht.example", body, StringComparison.Ordinal);
        Assert.Contains("Sachbearbeitung", body, StringComparison.Ordinal);

        // The identity is now linked: signing in again goes straight through.
        var again = new CookieContainer();
        using var second = Browser(again);
        using var secondResponse = await StartExternalLogin(second, "/");
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
        Assert.Contains("Angemeldet als sachbearbeitung@aufsicht.example", await secondResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPerson_IsRefused_WithAMessage()
    {
        _idp.Email = "fremd@example.org";
        using var browser = Browser(new CookieContainer());
        using var response = await StartExternalLogin(browser, "/konto");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("kein Konto", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HalfAConfiguration_IsAClearStartupError()
    {
        var e = await Assert.ThrowsAsync<Aufsicht.Web.SettingException>(() => AppServer.StartAsync("--Aufsicht:Oidc:Authority=https://idp.example"));
        Assert.Contains("Aufsicht:Oidc:ClientId: required", e.Message, StringComparison.Ordinal);
        var insecure = await Assert.ThrowsAsync<Aufsicht.Web.SettingException>(() => AppServer.StartAsync("--Aufsicht:Oidc:Authority=http://idp.example", "--Aufsicht:Oidc:ClientId=x"));
        Assert.Contains("must use https", insecure.Message, StringComparison.Ordinal);
    }
}
