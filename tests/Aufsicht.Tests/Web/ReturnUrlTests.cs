using System.Net;
using Xunit;

namespace Aufsicht.Tests.Web;

/// <summary>
/// Every place that takes an address to go back to (the language switch's <c>back</c>, sign-in's <c>returnUrl</c>)
/// goes only to a path on this server: a browser strips tabs and line breaks from a URL, so <c>/\t/evil.example</c>
/// becomes <c>//evil.example</c>, another host (issue 12, point 1).
/// </summary>
[Trait("Category", "Database")]
public sealed class ReturnUrlTests : IAsyncLifetime
{
    private AppServer _server = null!;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Off-site or malformed targets, URL-encoded as they arrive in a query string.</summary>
    public static TheoryData<string> Foreign => new()
    {
        "%2F%09%2Fevil.example",      // /\t/evil.example
        "%2F%0A%2Fevil.example",      // /\n/evil.example (was a 500)
        "%2F%0D%0A%2Fevil.example",
        "%2F%0Bx",
        "%2F%20%2Fevil.example",
        "%20%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",         // /\evil.example
        "https%3A%2F%2Fevil.example",
        "%2Fkatalog%09",
        "%2F%C2%A0%2Fevil.example",   // a non-breaking space
        "%2F%E2%80%8B%2Fevil.example", // a zero-width space (a format character)
    };

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task LanguageSwitch_ForeignOrMalformedBack_GoesHome(string back)
    {
        using var response = await _server.Client.GetAsync("/sprache?lang=en&back=" + back);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task SignIn_ForeignOrMalformedReturnUrl_GoesHome(string returnUrl)
    {
        const string password = "correct horse battery staple";
        await _server.CreateUserAsync("leser@aufsicht.example", password, "Reader");
        using var session = _server.NewSession();
        var (status, page, _) = await session.GetAsync("/anmelden?returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", page, StringComparison.Ordinal);

        var (posted, _, location) = await session.PostFormAsync("/anmelden", "/anmelden",
            [new("email", "leser@aufsicht.example"), new("password", password), new("returnUrl", Uri.UnescapeDataString(returnUrl))]);
        Assert.Equal(HttpStatusCode.Redirect, posted);
        Assert.Equal("/", location!.OriginalString);
    }

    [Fact]
    public async Task LanguageSwitch_LocalPathWithQuery_IsKept()
    {
        using var response = await _server.Client.GetAsync("/sprache?lang=de&back=%2Fkatalog%2Fzoom%3FasOf%3D2020-07-03");
        Assert.Equal("/katalog/zoom?asOf=2020-07-03", response.Headers.Location!.OriginalString);
    }
}
