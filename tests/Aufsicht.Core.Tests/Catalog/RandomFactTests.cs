using System.Globalization;
using System.Text.RegularExpressions;
using Aufsicht.Core.Catalog;
using Xunit;
using Xunit.Abstractions;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Catalog;

/// <summary>
/// A spot check of the shipped catalogue, drawn anew each run: ten known facts of any snapshot, each of which must have
/// a quoted passage, a source address and the day it was seen, and a value its criterion allows. The seed is printed;
/// <c>AUFSICHT_FACT_SEED=N</c> repeats a run.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class RandomFactTests(ITestOutputHelper output)
{
    [Fact]
    public void TenFactsDrawnAtRandom_EachHaveAPassageASourceADateAndAnAllowedValue()
    {
        var seed = Environment.GetEnvironmentVariable("AUFSICHT_FACT_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"seed {seed} (repeat with AUFSICHT_FACT_SEED={seed})");
        var facts = Data.Catalog.ServiceIds.SelectMany(Data.Catalog.History)
            .SelectMany(profile => SourceCoverage.KnownValues(profile).Select(f => (Profile: profile, f.Path, f.Value)))
            .ToArray();
        new Random(seed).Shuffle(facts);

        foreach (var (profile, path, value) in facts.Take(10))
        {
            var fact = $"{profile.Id} {profile.FactsAsOf:yyyy-MM-dd} {path} = {value}";
            output.WriteLine(fact);
            var quoting = SourceCoverage.SourcesOf(profile, path).Where(s => !string.IsNullOrWhiteSpace(s.Passage)).ToList();
            Assert.True(quoting.Count > 0, $"{fact}: no source quotes a passage for it");
            Assert.All(quoting, s =>
            {
                Assert.Matches(Address(), s.Url);
                Assert.True(s.Seen.Year >= 2020, $"{fact}: {s.Url} seen {s.Seen}");
                Assert.True(s.Inferred is null || (s.Inferred.De.Length > 0 && s.Inferred.En.Length > 0), $"{fact}: an inference without its reasoning");
            });
            Assert.True(Allowed(path, value), $"{fact}: not a value the fact allows");
        }
    }

    [Theory]
    [InlineData("contract.ownPurposes", "reserved", true)]
    [InlineData("contract.ownPurposes", "maybe", false)]
    [InlineData("technical.e2ee", "available", true)]
    [InlineData("provider.seat", "US", true)]
    [InlineData("provider.seat", "USA", false)]
    [InlineData("operatingModel", "saas", true)]
    [InlineData("operatingModel", "cloud", false)]
    [InlineData("openSource", "true", true)]
    [InlineData("openSource", "yes", false)]
    [InlineData("processing.countries", "DE, worldwide", true)]
    [InlineData("processing.countries", "DE, Europe", false)]
    [InlineData("transfers", "US:scc-2021, US:dpf", true)]
    [InlineData("transfers", "US:handshake", false)]
    [InlineData("transfers", "US:unknown", true)] // a transfer is known, its tool is not (Zoom, 3 July 2020)
    public void Allowed_KnowsTheValuesOfEachKindOfFact(string path, string value, bool allowed) =>
        Assert.Equal(allowed, Allowed(path, value));

    private static bool Allowed(string path, string value) => path switch
    {
        _ when FactDomains.Contract.TryGetValue(path, out var values) => values.Contains(value),
        _ when FactDomains.Technical.TryGetValue(path, out var values) => values.Contains(value),
        "provider.seat" or "provider.parentSeat" => Country().IsMatch(value),
        "operatingModel" => FactDomains.OperatingModels.Contains(value),
        "openSource" or "provider.thirdCountryAccess" or "processing.providerCanReadContent" or "processing.providerReceivesPersonalData" => value is "true" or "false",
        "licence" => value.Length > 0,
        "processing.countries" => value.Split(", ").All(c => c == "worldwide" || Country().IsMatch(c)),
        "transfers" => value.Split(", ").All(t => t.Split(':') is [var to, var tool] && Country().IsMatch(to) && (tool == FactDomains.Unknown || FactDomains.TransferTools.Contains(tool))),
        _ => false,
    };

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex Country();

    [GeneratedRegex("^https?://[^\\s/]+")]
    private static partial Regex Address();
}
