using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aufsicht.Tests.Campaigns;
using Xunit;

namespace Aufsicht.Tests.Web;

/// <summary>
/// Issue 12, points 5 and 6: invitation links never follow a forged Host header; HTTPS is enforced when the app is
/// served over it or behind a trusted proxy (HSTS, a redirect from plain http, Secure cookies), never on plain loopback;
/// the data-protection keys are encrypted at rest with a configured certificate.
/// </summary>
[Trait("Category", "Database")]
public sealed class HostAndHttpsTests
{
    private const string Forged = "evil.example";

    [Fact]
    public async Task HostFiltering_IsOnByDefault_AForgedHostIsRefused()
    {
        await using var app = await AppServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = Forged;
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task StartAndReplaceLink_WithAForgedHost_MakeNoLinkToIt()
    {
        // Host filtering switched off: the links must still not take the forged host.
        await using var server = await SurveyServer.StartAsync("sqlite", "--AllowedHosts=*");
        using var supervisor = server.NewSession(Forged);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password)).Status);
        var (id, links) = await server.StartCampaignAsync(supervisor, "Gefälschter Host");
        var bodyId = server.Db(db => db.Bodies.Single(b => b.ExternalId == "S-1").Id);
        var (status, _, _) = await supervisor.PostFormAsync($"/umfragen/{id}/organisationen/{bodyId}", $"/umfragen/{id}/organisationen/{bodyId}?handler=Reissue", []);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Redirect, status.ToString());

        var mails = server.Db(db => db.Outbox.Where(o => o.CampaignId == id).Select(o => o.Body).ToList());
        Assert.Equal(3, mails.Count);
        var own = server.Address.GetLeftPart(UriPartial.Authority);
        Assert.All(mails, m => Assert.DoesNotContain(Forged, m, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains(own + "/antwort/", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HttpsFromATrustedProxy_GetsHsts_AndSecureCookies()
    {
        await using var app = await AppServer.StartAsync("--Aufsicht:TrustedProxies", "127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/anmelden");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("aufsicht-af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HttpFromATrustedProxy_IsRedirectedToHttps()
    {
        await using var app = await AppServer.StartAsync("--Aufsicht:TrustedProxies", "127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/katalog/zoom?asOf=2020-07-03");
        request.Headers.Add("X-Forwarded-Proto", "http");
        request.Headers.Host = "aufsicht.behoerde.example";
        using var response = await app.Client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.PermanentRedirect or HttpStatusCode.MovedPermanently, response.StatusCode.ToString());
        Assert.Equal("https://aufsicht.behoerde.example/katalog/zoom?asOf=2020-07-03", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task PlainHttpOnLoopback_IsNeitherRedirectedNorHsts_AndItsCookiesAreNotSecure()
    {
        await using var app = await AppServer.StartAsync();
        using var response = await app.Client.GetAsync("/anmelden");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("aufsicht-af=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DataProtectionKeys_WithACertificate_AreEncryptedAtRest_AndSignInWorks()
    {
        var folder = Directory.CreateTempSubdirectory("aufsicht-cert-").FullName;
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=Aufsicht test keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder, "keys.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "geheim"));

            await using var app = await AppServer.StartAsync("--Aufsicht:DataProtection:Certificate", pfx, "--Aufsicht:DataProtection:CertificatePassword", "geheim");
            await app.CreateUserAsync("leser@aufsicht.example", "correct horse battery staple", "Reader");
            using var session = app.NewSession();
            var (status, _, location) = await session.LoginAsync("leser@aufsicht.example", "correct horse battery staple");
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.Equal("/", location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/konto")).Status);

            var stored = app.Db(db => db.DataProtectionKeys.Select(k => k.Xml).ToList());
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DataProtectionCertificate_Unreadable_IsAClearStartupError()
    {
        var e = await Assert.ThrowsAsync<Aufsicht.Web.SettingException>(() => AppServer.StartAsync("--Aufsicht:DataProtection:Certificate", "/nonexistent/keys.pfx"));
        Assert.StartsWith("Aufsicht:DataProtection:Certificate: ", e.Message, StringComparison.Ordinal);
    }
}
