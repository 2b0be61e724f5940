using System.Text;
using Aufsicht.Cli;
using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Law;
using BenchmarkDotNet.Attributes;

namespace Aufsicht.Bench;

/// <summary>
/// The engine must cost less than parsing its own input (issue 2): per batch of 1,000 deployment profiles, parsing
/// them from JSON (the baseline) against assessing them — with the per-service memo `assess batch` uses, and without.
/// </summary>
[MemoryDiagnoser]
public class AssessmentBenchmarks
{
    private const int Count = 1000;
    private byte[][] _json = [];
    private DeploymentProfile[] _deployments = [];
    private ServiceProfile[] _services = [];
    private Assessor _engine = null!;
    private LegalData _data = null!;
    private AuthorityProfile _authority = null!;
    private readonly DateOnly _asOf = new(2026, 11, 27);

    [GlobalSetup]
    public void Setup()
    {
        _data = DataFolder.Load(DataFolder.Locate(Environment.GetEnvironmentVariable("AUFSICHT_CATALOG")));
        _engine = new Assessor(_data.Criteria, _data.Law);
        _authority = _data.Catalog.DefaultAuthority.On(_asOf);
        _json = Deployments.Lines(Count).Select(Encoding.UTF8.GetBytes).ToArray();
        _deployments = _json.Select(j => ProfileReader.ReadDeployment(j).Value).ToArray();
        _services = _deployments.Select(d => _data.Catalog.SnapshotOn(d.Service, _asOf)!).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ParseDeployments()
    {
        var ok = 0;
        foreach (var json in _json)
        {
            ok += ProfileReader.ReadDeployment(json).IsOk ? 1 : 0;
        }

        return ok;
    }

    /// <summary>What `assess batch` does per line after parsing: the service verdict from the memo, then U01–U06.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int AssessDeployments()
    {
        var assessor = new CatalogAssessor(_engine, _data.Catalog);
        var red = 0;
        for (var i = 0; i < _deployments.Length; i++)
        {
            var d = _deployments[i];
            var atNeed = assessor.AssessService(_services[i], _asOf, _authority, d.ProtectionNeed);
            red += _engine.AssessDeployment(_services[i], atNeed, d).Verdict == Verdict.Red ? 1 : 0;
        }

        return red;
    }

    /// <summary>The whole engine for every deployment, the service assessed afresh each time (no memo).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int AssessDeploymentsWithoutMemo()
    {
        var red = 0;
        for (var i = 0; i < _deployments.Length; i++)
        {
            red += _engine.Assess(_services[i], _deployments[i], _asOf, _authority).Deployment!.Verdict == Verdict.Red ? 1 : 0;
        }

        return red;
    }
}
