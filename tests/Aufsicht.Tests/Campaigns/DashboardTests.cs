using System.Net;
using System.Text;
using System.Text.Json;
using Aufsicht.Core.Evaluation;
using Aufsicht.Data;
using Aufsicht.Features.Campaigns;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Campaigns;

[Trait("Category", "Database")]
public sealed class DashboardTestsOnSqlite : DashboardTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class DashboardTestsOnPostgres : DashboardTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The dashboard's cached figures (ADR 11): reused while nothing changed, and after every kind of change — an answer
/// through the API, a body's kind, a message's state, an evaluation removed, each written past the app as another
/// instance or a hand-written UPDATE would — equal to figures computed afresh.
/// </summary>
[Trait("Category", "Database")]
public abstract class DashboardTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    private static readonly string Skype = SurveyAnswers.Json(
        "skype", "120", ("operatingModel", "saas"), ("hosting", "third-country"), ("purposes", "teaching"), ("purposes", "parent-meetings"),
        ("participants", "pupils"), ("participants", "teachers"), ("protectionNeed", "high"), ("dpia", "threshold-only"),
        ("participantsInformed", "partial"), ("telemetryBlocked", "unknown"));

    private static readonly string OpenTalk = SurveyAnswers.Json("opentalk", "40");

    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync() => _server = await SurveyServer.StartAsync(Database);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Dashboard_AfterEachKindOfChange_ShowsExactlyWhatAFreshComputationShows()
    {
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        var (id, links) = await _server.StartCampaignAsync(supervisor, "Videokonferenzen 2026");

        var first = await ExactAsync(id);
        Assert.Equal((0, 0, 3), (first.Overall.Compliant, first.Overall.Deficient, first.Overall.NotAnswered));

        // Nothing changed: the same figures, not computed again.
        var again = await ExactAsync(id);
        Assert.Same(first.ByKind, again.ByKind);

        // An answer through the API: the municipality uses OpenTalk on its own servers.
        await SubmitAsync("/api/v1/responses/", links["gemeinde@example.org"], OpenTalk);
        var answered = await ExactAsync(id);
        Assert.Equal((1, 0, 2), (answered.Overall.Compliant, answered.Overall.Deficient, answered.Overall.NotAnswered));
        Assert.Single(answered.Responses);

        // The school uses Skype hosted in a third country: deficient, listed with its findings, Skype among the services.
        await SubmitAsync("/api/v1/antworten/", links["schule@example.org"], Skype); // the API's first path, kept for existing clients
        var deficient = await ExactAsync(id);
        Assert.Equal((1, 1, 1), (deficient.Overall.Compliant, deficient.Overall.Deficient, deficient.Overall.NotAnswered));
        Assert.Equal("Grundschule Am Deich", Assert.Single(deficient.Deficient).Name);
        Assert.Contains(deficient.Services, s => s.Service == "skype" && s.Total == 1);

        // Another writer renames the school and makes it a university: the list and the kinds follow at once.
        await WriteAsync(db => db.Bodies.Where(b => b.ExternalId == "S-1")
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Kind, "university").SetProperty(b => b.Name, "Hochschule Am Deich")));
        var renamed = await ExactAsync(id);
        Assert.Contains(renamed.ByKind, k => k.Group == "university" && k.Deficient == 1);
        Assert.Equal("Hochschule Am Deich", Assert.Single(renamed.Deficient).Name);

        // A message's state changes (as the mail worker of another instance would record it).
        var before = renamed.Mail.GetValueOrDefault(OutboxState.Sent);
        await WriteAsync(db => db.Outbox.Where(o => o.CampaignId == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Sent)));
        var mailed = await ExactAsync(id);
        Assert.NotEqual(before, mailed.Mail.GetValueOrDefault(OutboxState.Sent));

        // An evaluation removed by hand: the body counts as not answered again.
        await WriteAsync(db => db.Evaluations.Where(e => e.CampaignId == id && e.Status == Compliance.Deficient).ExecuteDeleteAsync());
        var removed = await ExactAsync(id);
        Assert.Equal((1, 0, 2), (removed.Overall.Compliant, removed.Overall.Deficient, removed.Overall.NotAnswered));
        Assert.Empty(removed.Deficient);
    }

    [Fact]
    public async Task Dashboard_UnknownCampaign_IsNull()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        Assert.Null(await CampaignDashboard.LoadAsync(db, _server.Services.GetRequiredService<DashboardCache>(), 999, page: null, regions: 12, CancellationToken.None));
    }

    /// <summary>The dashboard's figures as a view gets them, after asserting they equal a fresh computation.</summary>
    private async Task<DashboardFigures> ExactAsync(long id)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        var shown = await CampaignDashboard.LoadAsync(db, _server.Services.GetRequiredService<DashboardCache>(), id, page: null, regions: 12, CancellationToken.None);
        var fresh = await CampaignDashboard.ComputeAsync(db, id, regions: 12, CancellationToken.None);
        Assert.NotNull(shown);
        Assert.Equal(JsonSerializer.Serialize(fresh, Json), JsonSerializer.Serialize(shown.Figures, Json));
        Assert.Same(shown.Figures.Deficient, shown.Deficient); // no page asked for: every deficient body
        return shown.Figures;
    }

    private async Task SubmitAsync(string api, string link, string answers)
    {
        using var client = new HttpClient { BaseAddress = _server.Address };
        using var content = new StringContent(answers, Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri(api + link.Split('/')[^1], UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task WriteAsync(Func<AufsichtDb, Task<int>> write)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        Assert.True(await write(scope.ServiceProvider.GetRequiredService<AufsichtDb>()) > 0);
    }
}
