using System.Net;
using System.Text;
using System.Text.Json;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Fines;

/// <summary>`POST /api/v1/fines`: the same JSON as `aufsicht fine`; bad input is a ProblemDetails naming the field.</summary>
[Trait("Category", "Database")]
public sealed class FinesApiTests : IAsyncLifetime
{
    private AppServer _server = null!;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? Type, JsonElement Body)> Post(string json, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/fines") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await _server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(body).RootElement.Clone());
    }

    [Fact]
    public async Task PostFine_EdpbExample_200WithTheFine()
    {
        var (status, _, body) = await Post(FineCommandTests.Example);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("150000.00", body.GetProperty("fine").GetString());
        Assert.Equal("20000000.00", body.GetProperty("legalMaximum").GetString());
        Assert.NotEmpty(body.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task PostFine_TwoConducts_ConductsArrayAndTotal()
    {
        var (status, _, body) = await Post("""
            {"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"},
             "infringements": [{"articles": ["Art. 6"], "conduct": "1"}, {"articles": ["Art. 33"], "conduct": "2"}],
             "seriousness": "medium", "startingPercent": "0.15", "turnoverFactor": "0.05"}
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        var conducts = body.GetProperty("conducts").EnumerateArray().ToList();
        Assert.Equal(["83(5)", "83(4)"], conducts.Select(c => c.GetProperty("tier").GetString()));
        // 150,000 for the 83(5) conduct; 83(4): 10m × 15 % × 5 % = 75,000.
        Assert.Equal("225000.00", body.GetProperty("fine").GetString());
        Assert.False(body.TryGetProperty("legalMaximum", out _));
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheFinesEndpoint()
    {
        using var response = await _server.Client.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/fines", out _));
    }

    [Theory]
    [InlineData("""{"method": "edpb-2022", "turnover": "-5", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)"}""", "turnover", "must not be negative", "en")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.05", "turnoverFactor": "0.05", "adjustments": [{"factor": "83(2)(c)", "percent": "-10"}]}""", "adjustments[0].reason", "Pflichtfeld fehlt", null)]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.05", "turnoverFactor": "0.05", "adjustments": [{"factor": "83(2)(a)", "percent": "10", "reason": "r"}]}""", "adjustments[0].factor", "may not be counted again", "en")]
    [InlineData("{ ", "body", "kein gültiges JSON", null)]
    public async Task PostFine_BadInput_400ProblemNamingTheField(string json, string field, string message, string? language)
    {
        var (status, type, body) = await Post(json, language);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        var errors = body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }
}
