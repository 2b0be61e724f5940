using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Aufsicht.Core.Evaluation;
using Aufsicht.Data;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using Aufsicht.Web;
using Xunit;

namespace Aufsicht.Tests.Responses;

/// <summary>
/// The answer API over a real server process: what it acknowledges is on disk even when the process is killed at
/// once; bad JSON and wrong answers are refused with messages, writing nothing.
/// </summary>
[Trait("Category", "Database")]
public sealed class ResponseApiTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-api-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly object Complete = new
    {
        answers = SurveyAnswers.For("opentalk", null).ToDictionary(a => a.Key, a => a.Values),
        submit = true,
    };

    [Fact]
    public async Task Submission_Acknowledged_SurvivesKillingTheServerAtOnce()
    {
        var token = DemoToken();

        var (server, address) = await StartProcessAsync();
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.PutAsJsonAsync($"/api/v1/antworten/{token}", Complete);
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        server.Dispose();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var receipt = result.GetProperty("receipt").GetString();
        var version = Db(db => db.ResponseVersions.SingleOrDefault(v => v.Receipt == receipt));
        Assert.NotNull(version);
        var bodyId = Db(db => db.Responses.Single(r => r.Id == version.ResponseId).BodyId);
        var evaluation = Db(db => db.Evaluations.Single(e => e.BodyId == bodyId));
        Assert.Equal((version.Version, Compliance.Compliant), (evaluation.Version, evaluation.Status));
    }

    [Fact]
    public async Task BadJsonOrWrongAnswers_AreRefusedWithMessages_AndWriteNothing()
    {
        var token = DemoToken();
        var before = Db(db => db.ResponseVersions.Count());
        await using var app = await AppServer.StartAsync("--data-dir", _dir);
        using var client = new HttpClient { BaseAddress = app.Address };

        using var malformed = await client.PutAsync($"/api/v1/antworten/{token}", new StringContent("{\"answers\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("malformed JSON", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrong = await client.PutAsJsonAsync($"/api/v1/antworten/{token}", new { answers = new Dictionary<string, string[]> { ["usesVideo"] = ["vielleicht"] }, submit = false });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("usesVideo", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The errors name each answer key; the messages are in the request's language (German unless it asks for English).
        var problem = await wrong.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("„vielleicht“ ist keine der angebotenen Antworten", problem.GetProperty("errors").GetProperty("usesVideo")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Einige Antworten sind ungültig; es wurde nichts gespeichert.", problem.GetProperty("title").GetString());

        using var unknown = await client.PutAsJsonAsync($"/api/v1/antworten/{new string('x', 43)}", Complete);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, Db(db => db.ResponseVersions.Count()));
    }

    [Fact]
    public async Task SameSubmission_SentTwentyTimesAtOnce_MakesOneVersion_AndEveryAnswerIsTheFirstOnes()
    {
        var token = DemoToken();
        var before = Db(db => db.ResponseVersions.Count());
        await using var app = await AppServer.StartAsync("--data-dir", _dir);
        using var client = new HttpClient { BaseAddress = app.Address };

        // A client retrying impatiently: the same answers, concurrently, before any answer came back.
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await client.PutAsJsonAsync($"/api/v1/antworten/{token}", Complete);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers.Select(a => a.Item2).Distinct(StringComparer.Ordinal));
        Assert.Contains("\"status\":\"compliant\"", answers[0].Item2, StringComparison.Ordinal);
        Assert.Equal(before + 1, Db(db => db.ResponseVersions.Count()));
    }

    /// <summary>A demo of three bodies in the test's folder; the first body's link token.</summary>
    private string DemoToken()
    {
        var tokens = Path.Combine(_dir, "tokens.txt");
        Assert.Equal(0, Cli.Run("demo", "--bodies", "3", "--data-dir", _dir, "--tokens", tokens).ExitCode);
        return File.ReadAllLines(tokens)[0];
    }

    private T Db<T>(Func<AufsichtDb, T> query)
    {
        using var db = DatabaseSetup.Open(new ServerOptions(_dir, null, null));
        return query(db);
    }

    /// <summary>The app as its own process (so it can be killed), on a free loopback port, once /healthz answers.</summary>
    private async Task<(Process Server, Uri Address)> StartProcessAsync()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "aufsicht.dll"), "serve", "--urls", address.ToString().TrimEnd('/'), "--data-dir", _dir, "--catalog", Path.Combine(Cli.Repository, "data") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var health = await client.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    return (server, address);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        server.Kill(entireProcessTree: true);
        throw new TimeoutException("the server process did not answer /healthz within 60 s");
    }
}
