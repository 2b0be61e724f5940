using System.Net;
using System.Text;
using System.Text.Json;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Deadlines;

/// <summary><c>POST /api/v1/deadlines</c>: 200 with the contract's JSON; 400 ProblemDetails naming the field.</summary>
[Trait("Category", "Database")]
public sealed class DeadlineApiTests : IAsyncLifetime
{
    private AppServer _server = null!;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> Post(string json, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/deadlines") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await _server.Client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostDeadline_SentByPost_Is200WithTheContract()
    {
        var (status, body, _) = await Post("""{"sent": "2026-12-22", "period": "1m", "delivery": "post", "state": "MV"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-12-26", body.GetProperty("delivered").GetString());
        Assert.Equal("2027-01-26", body.GetProperty("nominalEnd").GetString());
        Assert.Equal("2027-01-26", body.GetProperty("end").GetString());
        Assert.Equal("2027-01-28", body.GetProperty("acceptUntil").GetString());
        Assert.All(body.GetProperty("steps").EnumerateArray(), s => Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", s.GetProperty("date").GetString()!));
    }

    [Fact]
    public async Task PostDeadline_Delivered_Is200AndMatchesTheCli()
    {
        var (status, body, _) = await Post("""{"delivered": "2027-03-12", "period": "2w", "state": "MV"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var cli = Cli.Run("deadline", "--delivered", "2027-03-12", "--period", "2w", "--state", "MV").Json;
        Assert.Equal(cli.GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal),
            body.GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("2027-03-30", body.GetProperty("end").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheDeadlinesEndpoint()
    {
        using var response = await _server.Client.GetAsync("/api/v1/openapi.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/deadlines", out var path));
        Assert.True(path.TryGetProperty("post", out _));
    }

    [Theory]
    [InlineData("""{"sent": "2026-12-22", "delivered": "2026-12-22", "period": "2w"}""", "delivered", "en", "only one of the two")]
    [InlineData("""{"period": "2w"}""", "sent", "en", "give either the day sent")]
    [InlineData("""{"sent": "22.12.2026", "period": "2w"}""", "sent", "en", "is not a date")]
    [InlineData("""{"sent": "2026-12-22", "period": "0w"}""", "period", "en", "at least 1")]
    [InlineData("""{"sent": "2026-12-22", "period": "3x"}""", "period", null, "ist keine Frist")]
    [InlineData("""{"sent": "2026-12-22", "period": "2w", "state": "XY"}""", "state", "en", "is not a Land")]
    [InlineData("""{"sent": "2026-12-22", "period": "2w", "delivery": "fax"}""", "delivery", "en", "no delivery channel")]
    [InlineData("""{"sent": "2026-12-22", "period": 14}""", "period", "en", "expected a string")]
    [InlineData("""{"sent": "2026-12-22", "period": "2w", "lang": "de"}""", "lang", "en", "unknown field")]
    [InlineData("""{"sent": """, "body", "en", "malformed JSON")]
    [InlineData("""[1]""", "body", "en", "expected an object")]
    public async Task PostDeadline_BadInput_Is400ProblemDetailsNamingTheField(string json, string field, string? language, string message)
    {
        var (status, body, mediaType) = await Post(json, language);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        var errors = body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }
}
