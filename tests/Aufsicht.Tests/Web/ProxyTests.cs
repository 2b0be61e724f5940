using System.Net;
using Aufsicht.Features.Responses;
using Xunit;

namespace Aufsicht.Tests.Web;

/// <summary>
/// Behind a reverse proxy: the client address comes from X-Forwarded-For only when the request comes from a proxy named
/// in Aufsicht:TrustedProxies, so the limit on wrong links counts clients, not the proxy — and nobody else can pick an
/// address by sending the header.
/// </summary>
[Trait("Category", "Database")]
public sealed class ProxyTests
{
    [Fact]
    public async Task TrustedProxy_WrongLinksAreCountedPerForwardedClient()
    {
        await using var app = await AppServer.StartAsync("--Aufsicht:TrustedProxies", "127.0.0.1");
        using var client = NoRedirects(app);

        for (var i = 0; i < RespondentLinks.MaxFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, await WrongLinkAsync(client, "203.0.113.5", i));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongLinkAsync(client, "203.0.113.5", 99));
        Assert.Equal(HttpStatusCode.Redirect, await WrongLinkAsync(client, "203.0.113.6", 99));
    }

    [Fact]
    public async Task WithoutTrustedProxies_TheHeaderIsIgnored_AndEveryRequestCountsForItsRealAddress()
    {
        await using var app = await AppServer.StartAsync();
        using var client = NoRedirects(app);

        for (var i = 0; i < RespondentLinks.MaxFailures; i++)
        {
            await WrongLinkAsync(client, "203.0.113." + (i + 10), i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongLinkAsync(client, "203.0.113.99", 99));
    }

    [Theory]
    [InlineData("proxy.behoerde.example")]
    [InlineData("10.0.0.5,10.0.0.256")]
    public async Task TrustedProxies_NotAnAddress_IsAClearStartupError(string value)
    {
        var e = await Assert.ThrowsAsync<Aufsicht.Web.SettingException>(() => AppServer.StartAsync("--Aufsicht:TrustedProxies", value));
        Assert.StartsWith("Aufsicht:TrustedProxies: '", e.Message, StringComparison.Ordinal);
        Assert.Contains("is not an IP address", e.Message, StringComparison.Ordinal);
    }

    private static HttpClient NoRedirects(AppServer app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };

    /// <summary>A link that opens nothing, as if sent by <paramref name="forwardedFor"/> through a proxy.</summary>
    private static async Task<HttpStatusCode> WrongLinkAsync(HttpClient client, string forwardedFor, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/antwort/" + new string('Q', 40) + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
