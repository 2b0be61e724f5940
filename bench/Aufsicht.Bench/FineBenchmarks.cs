using System.Text;
using Aufsicht.Cli;
using Aufsicht.Core.Fines;
using BenchmarkDotNet.Attributes;

namespace Aufsicht.Bench;

/// <summary>
/// A fine calculation must take under 50 µs (issue 13): the calculation alone (EDPB with two adjustments, DSK), and
/// as the CLI and API do it, from the JSON bytes of the input to the JSON of the result.
/// </summary>
[MemoryDiagnoser]
public class FineBenchmarks
{
    private static readonly byte[] EdpbJson = Encoding.UTF8.GetBytes("""
        {"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "inCompetition": false, "country": "DE", "state": "MV"},
         "infringements": [{"articles": ["Art. 6"], "conduct": "1"}, {"articles": ["Art. 32"], "conduct": "1"}],
         "seriousness": "medium", "startingPercent": "0.15", "turnoverFactor": "0.05",
         "adjustments": [{"factor": "83(2)(c)", "percent": "-10", "reason": "damage mitigated"}, {"factor": "83(2)(e)", "percent": "25", "reason": "earlier infringement"}]}
        """);

    private static readonly byte[] DskJson = Encoding.UTF8.GetBytes("""
        {"method": "dsk-2019", "turnover": "250000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "infringement": "material", "factor": "8"}
        """);

    private FineCalculator _calculator = null!;
    private FineInput _edpb = null!;
    private FineInput _dsk = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = DataFolder.Locate(Environment.GetEnvironmentVariable("AUFSICHT_CATALOG"));
        _calculator = new FineCalculator(DataFolder.FineMethods(folder), DataFolder.Jurisdictions(folder));
        _edpb = FineInputReader.Read(EdpbJson).Value;
        _dsk = FineInputReader.Read(DskJson).Value;
    }

    [Benchmark(Baseline = true)]
    public decimal? CalculateEdpb() => _calculator.Calculate(_edpb).Value.Fine;

    [Benchmark]
    public decimal? CalculateDsk() => _calculator.Calculate(_dsk).Value.Fine;

    /// <summary>What `aufsicht fine` and POST /api/v1/fines do: parse the input, calculate, write the JSON.</summary>
    [Benchmark]
    public long ParseCalculateWriteJson()
    {
        var input = FineInputReader.Read(EdpbJson).Value;
        var result = _calculator.Calculate(input).Value;
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            Aufsicht.Features.Fines.FineJson.Write(w, result);
        }

        return buffer.Length;
    }
}
