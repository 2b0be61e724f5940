using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Responses;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Responses;

[Trait("Category", "Database")]
public sealed class ResponseWriterTestsOnSqlite : ResponseWriterTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class ResponseWriterTestsOnPostgres : ResponseWriterTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The group commit behind saves and submissions, on the real database: concurrent writes of many bodies all land
/// once with their versions and evaluations; a write based on a response that changed meanwhile does nothing and
/// says so; a batch in which one write fails writes none of them, so each can be written alone.
/// </summary>
[Trait("Category", "Database")]
public abstract class ResponseWriterTests : IAsyncLifetime
{
    private AppServer _server = null!;
    private long _campaign;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database);
        using var supervisor = _server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        (_campaign, _) = await _server.StartCampaignAsync(supervisor, "Gruppen-Commit");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ResponseWriter Writer => _server.Services.GetRequiredService<ResponseWriter>();

    [Fact]
    public async Task ConcurrentSubmissions_OfManyBodies_EachLandOnce_WithItsVersionAndEvaluation()
    {
        var bodies = AddBodies(40);

        var first = await Task.WhenAll(bodies.Select(b => Writer.WriteAsync(Submission(b, seen: null, "first"))));
        Assert.All(first, Assert.True);
        var responses = _server.Db(db => db.Responses.Where(r => r.CampaignId == _campaign).ToDictionary(r => r.BodyId));
        Assert.Equal(bodies.Order(), responses.Keys.Order());
        Assert.All(responses.Values, r => Assert.Equal((1, 1, """{"note":["first"]}"""), (r.Revision, r.SubmittedVersion, r.DraftJson)));

        // Amendments on top of what each body saw: version 2, and the evaluation replaced rather than added.
        var second = await Task.WhenAll(bodies.Select(b => Writer.WriteAsync(Submission(b, responses[b], "second"))));
        Assert.All(second, Assert.True);
        var versions = _server.Db(db => db.ResponseVersions.Where(v => responses.Values.Select(r => r.Id).Contains(v.ResponseId)).ToList());
        Assert.Equal(80, versions.Count);
        Assert.All(bodies, b => Assert.Equal([1, 2], versions.Where(v => v.ResponseId == responses[b].Id).Select(v => v.Version).Order()));
        var evaluations = _server.Db(db => db.Evaluations.Where(e => e.CampaignId == _campaign).ToList());
        Assert.Equal(40, evaluations.Count);
        Assert.All(evaluations, e => Assert.Equal((2, Compliance.Deficient), (e.Version, e.Status)));
        Assert.Equal(40, _server.Db(db => db.EvaluationServices.Count(e => e.CampaignId == _campaign)));
    }

    [Fact]
    public async Task Write_OnAResponseThatChangedMeanwhile_DoesNothing_AndSaysSo()
    {
        var body = AddBodies(1)[0];
        Assert.True(await Writer.WriteAsync(Submission(body, seen: null, "first")));
        var seen = _server.Db(db => db.Responses.Single(r => r.CampaignId == _campaign && r.BodyId == body));

        // Two windows submit on top of the same revision, and a third still believes there is no response.
        var results = await Writer.CommitAsync([Submission(body, seen, "window A"), Submission(body, seen, "window B"), Submission(body, null, "late first")]);

        Assert.Equal([true, false, false], results);
        var response = _server.Db(db => db.Responses.Single(r => r.CampaignId == _campaign && r.BodyId == body));
        Assert.Equal((2, 2, """{"note":["window A"]}"""), (response.Revision, response.SubmittedVersion, response.DraftJson));
        Assert.Equal(2, _server.Db(db => db.ResponseVersions.Count(v => v.ResponseId == response.Id)));
    }

    [Fact]
    public async Task Batch_InWhichOneWriteFails_WritesNone_SoEachCanBeWrittenAlone()
    {
        var bodies = AddBodies(2);
        Assert.True(await Writer.WriteAsync(Submission(bodies[0], seen: null, "first")));
        var seen = _server.Db(db => db.Responses.Single(r => r.CampaignId == _campaign && r.BodyId == bodies[0]));

        // The second write claims version 1 again: its row breaks the unique (response, version) and fails the batch.
        var clash = Submission(bodies[0], seen, "clash") with { Version = 1 };
        var results = await Writer.CommitAsync([Submission(bodies[1], seen: null, "good"), clash]);

        Assert.Equal([false, false], results);
        Assert.False(_server.Db(db => db.Responses.Any(r => r.CampaignId == _campaign && r.BodyId == bodies[1])));
        Assert.Equal(1, _server.Db(db => db.Responses.Single(r => r.Id == seen.Id).Revision));

        // Alone, the good write goes through.
        Assert.True(await Writer.WriteAsync(Submission(bodies[1], seen: null, "good")));
    }

    private List<long> AddBodies(int count) => _server.Db(db =>
    {
        var added = SurveyServer.NewBodies(count, "W-" + Guid.NewGuid().ToString("N")[..8] + "-", "Schule {0}", "school");
        db.Bodies.AddRange(added);
        db.SaveChanges();
        return added.ConvertAll(b => b.Id);
    });

    /// <summary>A submission of <paramref name="note"/> on top of <paramref name="seen"/>, with a one-service evaluation.</summary>
    private PendingWrite Submission(long body, ResponseRecord? seen, string note)
    {
        var now = DateTime.UtcNow;
        var version = (seen?.SubmittedVersion ?? 0) + 1;
        var evaluation = new EvaluationRecord
        {
            CampaignId = _campaign,
            BodyId = body,
            Version = version,
            Status = Compliance.Deficient,
            MainFindings = "L03",
            ResultJson = "[]",
            AsOf = DateOnly.FromDateTime(now),
            Authority = "default",
            EvaluatedAt = now,
        };
        var service = new EvaluationServiceRecord { CampaignId = _campaign, BodyId = body, Service = "zoom", Verdict = Verdict.Red };
        return new PendingWrite(_campaign, body, seen, $$"""{"note":["{{note}}"]}""", now, true, version, $"U{_campaign}-{body}-F{version}", (evaluation, [service]));
    }
}
