using System.Net;
using System.Text;
using System.Text.Json;
using Aufsicht.Features.Scheduling;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Scheduling;

/// <summary>`POST /api/v1/plans/solve`: the same JSON as `aufsicht plan solve`; bad input a ProblemDetails naming task and field; 503 when every slot solves.</summary>
[Trait("Category", "Database")]
public sealed class PlansApiTests : IAsyncLifetime
{
    private AppServer _server = null!;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, HttpResponseMessage Response, JsonElement Body)> Post(string json, string query = "", string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/solve" + query) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await _server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response, JsonDocument.Parse(body).RootElement.Clone());
    }

    [Fact]
    public async Task PostSolve_Example_200WithTheSchedule()
    {
        var (status, _, body) = await Post(PlanCommandTests.Example, "?timeLimit=5");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("optimal", body.GetProperty("status").GetString());
        Assert.Equal(7, body.GetProperty("makespan").GetInt32());
        Assert.Equal(4, body.GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task PostSolve_Infeasible_200WithTheExplanation()
    {
        var (status, _, body) = await Post(PlanCommandTests.Infeasible);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("infeasible", body.GetProperty("status").GetString());
        Assert.Equal("b", Assert.Single(body.GetProperty("infeasibility").EnumerateArray()).GetProperty("task").GetString());
    }

    [Theory]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1, "after": ["zz"]}]}""", "", "tasks[0].after[0]", "task 'a': the predecessor 'zz' does not exist")]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1}], "colour": 1}""", "", "colour", "unknown field")]
    [InlineData("""{"tasks": []}""", "?timeLimit=soon", "timeLimit", "whole number of seconds")]
    public async Task PostSolve_BadInput_400NamingTheField(string json, string query, string field, string message)
    {
        var (status, response, body) = await Post(json, query, "en");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
        response.Dispose();
    }

    [Fact]
    public async Task PostSolve_EverySlotBusy_503WithRetryAfter()
    {
        var taken = 0;
        while (PlansApi.Solves.Wait(0))
        {
            taken++;
        }

        try
        {
            var (status, response, _) = await Post(PlanCommandTests.Example);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.NotNull(response.Headers.RetryAfter);
            response.Dispose();
        }
        finally
        {
            PlansApi.Solves.Release(taken);
        }
    }
}
