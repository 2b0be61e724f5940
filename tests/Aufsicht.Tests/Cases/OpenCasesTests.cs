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

[Trait("Category", "Database")]
public sealed class OpenCasesBatchTestsOnSqlite : OpenCasesBatchTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class OpenCasesBatchTestsOnPostgres : OpenCasesBatchTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// Opening cases for hundreds of bodies at once, written in bulk (more than one multi-row statement on PostgreSQL):
/// every case with its infringements and its audit entry, file numbers without gaps, the audit chain whole — and two
/// requests at the same moment open each body once, the later one skipping what the earlier opened.
/// </summary>
public abstract class OpenCasesBatchTests : IAsyncLifetime
{
    private AppServer _server = null!;
    private long _campaign;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync(Database, "--Aufsicht:Cases:FileNumberPattern=LfDI-{year}-{seq:0000}");
        (_campaign, _) = await _server.SeedDemoAsync(900);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<Core.Result<OpenedCases>> OpenAsync(OpenCasesRequest request)
    {
        using var scope = _server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OpenCases>().RunAsync(request, "sachbearbeitung@aufsicht.example", "handler-1", CancellationToken.None);
    }

    private List<long> Deficient() =>
        _server.Db(db => db.Evaluations.Where(e => e.CampaignId == _campaign && e.Status == Compliance.Deficient).OrderBy(e => e.BodyId).Select(e => e.BodyId).ToList());

    private async Task AssertChainWholeAsync(int entries)
    {
        using var scope = _server.Services.CreateScope();
        var (broken, count) = await AuditLog.VerifyAsync(scope.ServiceProvider.GetRequiredService<AufsichtDb>(), CancellationToken.None);
        Assert.Null(broken);
        Assert.Equal(entries, count);
    }

    [Fact]
    public async Task Open_HundredsOfBodies_EveryCaseHasItsInfringementsAndAuditEntry_NumbersWithoutGaps()
    {
        var deficient = Deficient();
        Assert.True(deficient.Count > 400, $"the demo has {deficient.Count} deficient bodies; more than one statement of 400 rows is wanted");
        var year = DateTime.UtcNow.Year;

        // One case first, so the batch continues both the numbers and the audit chain after existing rows.
        Assert.True((await OpenAsync(new OpenCasesRequest(_campaign, [deficient[0]]))).IsOk);
        var all = await OpenAsync(new OpenCasesRequest(_campaign));

        Assert.True(all.IsOk, string.Join("; ", all.Errors));
        Assert.Equal(1, all.Value.AlreadyOpen);
        Assert.Equal(deficient.Skip(1), all.Value.Opened.Select(o => o.BodyId));
        Assert.Equal(Enumerable.Range(2, deficient.Count - 1).Select(n => $"LfDI-{year}-{n:0000}"), all.Value.Opened.Select(o => o.FileNumber));
        _server.Db(db =>
        {
            var cases = db.Cases.Where(c => c.CampaignId == _campaign).ToDictionary(c => c.Id);
            Assert.Equal(deficient.Count, cases.Count);
            foreach (var opened in all.Value.Opened)
            {
                var stored = cases[opened.CaseId];
                Assert.Equal((opened.BodyId, opened.FileNumber, CaseState.Opened, "handler-1", 0), (stored.BodyId, stored.FileNumber, stored.State, stored.HandlerId, stored.Revision));
            }

            // Each case's infringements are exactly the red and yellow findings of its frozen evaluation, once per service and criterion.
            var infringements = db.CaseInfringements.AsEnumerable().GroupBy(i => i.CaseId).ToDictionary(g => g.Key, g => g.Select(i => (i.Service, i.Criterion, i.Level)).Order().ToList());
            foreach (var stored in cases.Values)
            {
                var expected = Features.Evaluation.CampaignEvaluator.Outcomes(stored.EvaluationJson)
                    .SelectMany(o => o.Findings.Where(f => f.Level is "red" or "yellow").DistinctBy(f => f.Criterion).Select(f => (o.Service ?? o.Other, f.Criterion, f.Level)))
                    .Order().ToList();
                Assert.Equal(expected, infringements.GetValueOrDefault(stored.Id, []));
            }

            var audit = db.AuditLog.Where(a => a.Action == "case.open").ToList();
            Assert.Equal(cases.Keys.Order(), audit.Select(a => a.CaseId!.Value).Order());
            Assert.All(audit, a => Assert.Contains(cases[a.CaseId!.Value].FileNumber, a.DataJson, StringComparison.Ordinal));
            Assert.Equal(deficient.Count, db.CaseCounters.Single(c => c.Year == year).Last);
            return 0;
        });
        await AssertChainWholeAsync(deficient.Count);
    }

    [Fact]
    public async Task Open_TwoRequestsAtOnce_EachBodyOpenedOnce_TheLaterSkipsWhatTheEarlierOpened()
    {
        var deficient = Deficient();
        var year = DateTime.UtcNow.Year;

        var both = await Task.WhenAll(OpenAsync(new OpenCasesRequest(_campaign)), OpenAsync(new OpenCasesRequest(_campaign)));

        Assert.All(both, r => Assert.True(r.IsOk, string.Join("; ", r.Errors)));
        var opened = both.SelectMany(r => r.Value.Opened).ToList();
        Assert.Equal(deficient, opened.Select(o => o.BodyId).Order());
        Assert.Equal(Enumerable.Range(1, deficient.Count).Select(n => $"LfDI-{year}-{n:0000}"), opened.Select(o => o.FileNumber).Order(StringComparer.Ordinal));
        Assert.All(both, r => Assert.Equal(deficient.Count, r.Value.Opened.Count + r.Value.AlreadyOpen));
        Assert.Equal(deficient.Count, _server.Db(db => db.Cases.Count(c => c.CampaignId == _campaign)));
        await AssertChainWholeAsync(deficient.Count);
    }
}
