using Aufsicht.Core.Cases;
using Aufsicht.Core.Evaluation;
using Aufsicht.Data;
using Aufsicht.Features.Cases;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Cases;

[Trait("Category", "Database")]
public sealed class OpenCasesTestsOnSqlite : OpenCasesTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class OpenCasesTestsOnPostgres : OpenCasesTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// Opening cases from a campaign's deficient bodies, on the real database: one body, then all of a kind, numbered
/// without gaps, each with its frozen evaluation, infringements with their tier and an audit entry — and never twice.
/// </summary>
public abstract class OpenCasesTests : IAsyncLifetime
{
    private AppServer _server = null!;
    private long _campaign;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync(Database, "--Aufsicht:Cases:FileNumberPattern=LfDI-{year}-{seq:0000}");
        (_campaign, _) = await _server.SeedDemoAsync(60);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<Core.Result<OpenedCases>> OpenAsync(OpenCasesRequest request)
    {
        using var scope = _server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OpenCases>().RunAsync(request, "sachbearbeitung@aufsicht.example", "handler-1", CancellationToken.None);
    }

    [Fact]
    public async Task Open_OneBodyThenAllDeficient_NumbersEachOnce_WithFrozenEvaluationInfringementsAndAudit()
    {
        var deficient = _server.Db(db => db.Evaluations.Where(e => e.CampaignId == _campaign && e.Status == Compliance.Deficient).OrderBy(e => e.BodyId).Select(e => e.BodyId).ToList());
        Assert.True(deficient.Count >= 3, $"the demo has {deficient.Count} deficient bodies");
        var year = DateTime.UtcNow.Year;

        var one = await OpenAsync(new OpenCasesRequest(_campaign, [deficient[1]]));
        Assert.True(one.IsOk, string.Join("; ", one.Errors));
        var first = Assert.Single(one.Value.Opened);
        Assert.Equal($"LfDI-{year}-0001", first.FileNumber);

        var all = await OpenAsync(new OpenCasesRequest(_campaign));
        Assert.True(all.IsOk);
        Assert.Equal(deficient.Count - 1, all.Value.Opened.Count);
        Assert.Equal(1, all.Value.AlreadyOpen);
        Assert.Equal(
            Enumerable.Range(2, deficient.Count - 1).Select(n => $"LfDI-{year}-{n:0000}"),
            all.Value.Opened.Select(o => o.FileNumber));

        var again = await OpenAsync(new OpenCasesRequest(_campaign));
        Assert.Empty(again.Value.Opened);
        Assert.Equal(deficient.Count, again.Value.AlreadyOpen);

        _server.Db(db =>
        {
            var cases = db.Cases.Where(c => c.CampaignId == _campaign).ToList();
            Assert.Equal(deficient.Order(), cases.Select(c => c.BodyId).Order());
            Assert.All(cases, c => Assert.Equal((CaseState.Opened, "handler-1"), (c.State, c.HandlerId)));
            var evaluation = db.Evaluations.Single(e => e.CampaignId == _campaign && e.BodyId == first.BodyId);
            var frozen = cases.Single(c => c.Id == first.CaseId);
            Assert.Equal(evaluation.ResultJson, frozen.EvaluationJson);
            Assert.Equal(evaluation.Version, frozen.EvaluationVersion);

            var infringements = db.CaseInfringements.Where(i => i.CaseId == first.CaseId).ToList();
            Assert.NotEmpty(infringements);
            Assert.All(infringements, i => Assert.True(i.Level is "red" or "yellow", i.Level));
            Assert.All(infringements, i => Assert.True(i.Tier is "83(4)" or "83(5)" or "unknown", i.Tier));
            Assert.Contains(infringements, i => i.Tier != "unknown");

            var audit = db.AuditLog.OrderBy(a => a.Sequence).ToList();
            Assert.Equal(cases.Count, audit.Count(a => a.Action == "case.open"));
            Assert.Contains(audit, a => a.CaseId == first.CaseId && a.DataJson.Contains(first.FileNumber, StringComparison.Ordinal));
            return 0;
        });

        using var scope = _server.Services.CreateScope();
        var (broken, count) = await AuditLog.VerifyAsync(scope.ServiceProvider.GetRequiredService<AufsichtDb>(), CancellationToken.None);
        Assert.Null(broken);
        Assert.Equal(deficient.Count, count);
    }

    [Fact]
    public async Task Open_ByKind_OpensOnlyThatKind_AndABodyNotDeficientIsRefused()
    {
        var byKind = _server.Db(db => db.Evaluations.Where(e => e.CampaignId == _campaign && e.Status == Compliance.Deficient)
            .Join(db.Bodies, e => e.BodyId, b => b.Id, (e, b) => b.Kind).GroupBy(k => k).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).First());
        var opened = await OpenAsync(new OpenCasesRequest(_campaign, Kind: byKind.Key));
        Assert.Equal(byKind.Count, opened.Value.Opened.Count);

        var compliant = _server.Db(db => db.Evaluations.Where(e => e.CampaignId == _campaign && e.Status != Compliance.Deficient).Select(e => e.BodyId).FirstOrDefault());
        var refused = await OpenAsync(new OpenCasesRequest(_campaign, [compliant]));
        Assert.Equal("case.body.notDeficient", Assert.Single(refused.Errors).Key);

        var unknown = await OpenAsync(new OpenCasesRequest(987654));
        Assert.Equal(Core.ErrorKind.NotFound, Assert.Single(unknown.Errors).Kind);
    }
}
