using System.Net;
using System.Text;
using System.Text.Json;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Measures;

/// <summary>`POST /api/v1/measures`: the same JSON as the CLI; bad input is a ProblemDetails naming the field.</summary>
[Trait("Category", "Database")]
public sealed class MeasuresApiTests : IAsyncLifetime
{
    private AppServer _server = null!;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? Type, string Body)> Post(string json, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/measures") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await _server.Client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostMeasures_IssueExample_200WithTheCliJson()
    {
        var (status, _, body) = await Post(MeasureCommandTests.Example);
        Assert.Equal(HttpStatusCode.OK, status);
        using var doc = JsonDocument.Parse(body);
        var cli = Cli.RunWithInput(MeasureCommandTests.Example, "measure", "-");
        string[] Recommended(JsonElement e) => e.GetProperty("recommended").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Equal(["58(2)(d)", "58(2)(i)", "58(2)(j)"], Recommended(doc.RootElement));
        Assert.Equal(Recommended(cli.Json), Recommended(doc.RootElement));
        Assert.True(doc.RootElement.GetProperty("fineAdmissible").GetBoolean());
        Assert.NotEmpty(doc.RootElement.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task PostMeasures_PublicSchool_NoFineAndTheEscalationPath()
    {
        var (status, _, body) = await Post(MeasureCommandTests.School);
        Assert.Equal(HttpStatusCode.OK, status);
        using var doc = JsonDocument.Parse(body);
        Assert.False(doc.RootElement.GetProperty("fineAdmissible").GetBoolean());
        var steps = doc.RootElement.GetProperty("procedure").EnumerateArray().Select(p => p.GetProperty("step").GetString()!).ToArray();
        Assert.Equal(["hearing", "supervisory-hearing", "supervisory-body", "annual-report", "court"], steps);
    }

    [Theory]
    [InlineData("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "ongoing", "findings": [{"criterion": "Q1", "level": "red"}]}""", "findings[0].criterion", "is not a criterion", "en")]
    [InlineData("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "ongoing", "dataSubjects": -3}""", "dataSubjects", "darf nicht negativ sein", null)]
    [InlineData("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "ongoing", "previousMeasures": [{"power": "58(2)(z)", "complied": false}]}""", "previousMeasures[0].power", "is not a power", "en")]
    [InlineData("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "later"}""", "processing", "expected one of planned, ongoing, ended", "en")]
    [InlineData("{ \"controller\": ", "body", "malformed JSON", "en")]
    public async Task PostMeasures_BadBody_400ProblemDetailsNamingTheField(string json, string field, string message, string? language)
    {
        var (status, type, body) = await Post(json, language);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }
}
