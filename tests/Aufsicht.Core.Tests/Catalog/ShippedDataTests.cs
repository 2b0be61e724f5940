using System.Text.Json;
using System.Text.RegularExpressions;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Catalog;

/// <summary>The shipped catalogue: big enough, every fact sourced, every criterion worded in both languages, schemas in step with the code.</summary>
[Trait("Category", "Unit")]
public sealed partial class ShippedDataTests
{
    [Fact]
    public void Catalogue_HasAtLeast40ServicesIn5Categories()
    {
        var ids = Data.Catalog.ServiceIds.ToList();
        Assert.True(ids.Count >= 40, $"{ids.Count} services");
        Assert.True(ids.Select(id => Data.Catalog.Latest(id)!.Category).Distinct().Count() >= 5);
    }

    [Fact]
    public void EverySnapshot_EveryKnownFact_HasASource()
    {
        var uncovered = Data.Catalog.ServiceIds.SelectMany(Data.Catalog.History)
            .SelectMany(s => SourceCoverage.Uncovered(s).Select(p => $"{s.Id}@{s.FactsAsOf}: {p}"))
            .ToList();
        Assert.Empty(uncovered);
    }

    [Fact]
    public void EveryFactTheEngineOrACatalogueSourceNames_HasANameInBothLanguages()
    {
        // Criteria name their fact, the engine names deployment fields and a few facts of its own, sources say what they are about.
        var named = Data.Criteria.All.Select(c => c.Fact)
            .Concat(DeploymentFields.All.Select(f => f.Name))
            .Concat(FactDomains.Contract.Keys).Concat(FactDomains.Technical.Keys)
            .Concat(["processing.countries", "provider.thirdCountryAccess", "transfers"])
            .Concat(Data.Catalog.ServiceIds.SelectMany(Data.Catalog.History).SelectMany(s => s.Sources).SelectMany(s => s.About.Split(',', StringSplitOptions.TrimEntries)))
            .Where(f => f.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var texts = new Aufsicht.Core.Assessment.FindingText(Data.Criteria);

        var unnamed = named.Where(f => texts.FactName(f, Language.De) == f || texts.FactName(f, Language.En) == f).ToList();

        Assert.Empty(unnamed);
        Assert.Equal("Auftragsverarbeitungsvertrag (Art. 28 Abs. 3 DSGVO), Länder der Verarbeitung", texts.FactName("contract.processorAgreement, processing.countries", Language.De));
    }

    [Fact]
    public void EveryServiceAndProviderName_InGerman_HasNoWordOfOurEnglish()
    {
        // Our own words in a name ("self-operated", "hosted by") are written in both languages; a provider's own name stays as it is.
        var english = new Regex(@"\b(self-operated|hosted by|free version|as part of|project|group|formerly|various|operator)\b", RegexOptions.IgnoreCase);
        var found = Data.Catalog.ServiceIds.SelectMany(Data.Catalog.History)
            .SelectMany(s => new[] { s.Names.De, s.Provider.Names.De }.Where(n => english.IsMatch(n)).Select(n => $"{s.Id}@{s.FactsAsOf}: {n}"))
            .Distinct()
            .ToList();
        Assert.Empty(found);
    }

    [Fact]
    public void EverySource_HasAPublicNoteInBothLanguages_WithoutAPathOrAnInternalKey()
    {
        var ours = new Regex(@"(shared|docs|data|src)/|\.json\b|\.md\b|\b(self-operated|third-country|not-assessed|external-provider)\b|\b[a-z]+\.[a-z]+[A-Z]\w*");
        var wrong = Data.Catalog.ServiceIds.SelectMany(Data.Catalog.History)
            .SelectMany(s => s.Sources.Select((source, i) => (Where: $"{s.Id}@{s.FactsAsOf} source {i}", source.Summary)))
            .Where(x => x.Summary is null || ours.IsMatch(x.Summary.De) || ours.IsMatch(x.Summary.En))
            .Select(x => x.Where)
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void SourceCoverage_FindsAnUnsourcedFact()
    {
        var snapshot = Data.Catalog.Latest("zoom")!;
        var contract = SourceCoverage.KnownFacts(snapshot).Where(p => p.StartsWith("contract.", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(contract);
        var stripped = snapshot with { Sources = [.. snapshot.Sources.Where(s => !s.About.Contains("contract", StringComparison.Ordinal))] };
        Assert.Superset(contract.ToHashSet(), SourceCoverage.Uncovered(stripped).ToHashSet());
    }

    [Fact]
    public void EveryServiceNotGreenToday_HasAnAlternative()
    {
        var today = D("2026-12-06");
        var authority = Default(today);
        var assessor = CatalogAssessor;
        var missing = Data.Catalog.ServiceIds
            .Select(id => Data.Catalog.SnapshotOn(id, today)!)
            .Select(s => (s.Id, Result: assessor.Assess(s, null, today, authority)))
            .Where(r => r.Result.Service.Verdict != Verdict.Green && r.Result.Alternatives.Count == 0)
            .Select(r => r.Id)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Alternatives_AreGreenThemselves()
    {
        var today = D("2026-11-27");
        var a = CatalogAssessor.Assess(Data.Catalog.Latest("zoom")!, null, today, Default(today));
        Assert.NotEmpty(a.Alternatives);
        Assert.All(a.Alternatives, id => Assert.Equal(Verdict.Green, CatalogAssessor.VerdictOf(id, today, Default(today))));
    }

    [Fact]
    public void Criteria_AllTextsWritten_InBothLanguages_WithKnownPlaceholders()
    {
        var allowed = new HashSet<string> { "service", "date", "authority", "fact", "stage", "countries", "country", "recipient", "tool", "provider", "missing" };
        var texts = Data.Criteria.All.SelectMany(c => c.Reasons.Values.Select(r => (c.Id, r)))
            .Concat(Data.Criteria.Common.Values.Select(r => ("common", r)))
            .SelectMany(x => new[] { x.r.Explanation, x.r.Remedy }.Where(t => t is not null).Select(t => (x.Item1, t!)))
            .ToList();
        Assert.NotEmpty(texts);
        foreach (var (id, text) in texts)
        {
            foreach (var s in new[] { text.De, text.En })
            {
                Assert.DoesNotContain("TODO", s, StringComparison.Ordinal);
                foreach (Match m in Placeholder().Matches(s))
                {
                    Assert.True(allowed.Contains(m.Groups[1].Value), $"{id}: unknown placeholder {m.Value}");
                }
            }
        }

        Assert.All(Data.Criteria.All, c => Assert.DoesNotContain("TODO", c.Question.De, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryCriterion_HasAShortTitle_InBothLanguages()
    {
        Assert.All(Data.Criteria.All, c =>
        {
            foreach (var title in new[] { c.Title.De, c.Title.En })
            {
                var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                Assert.True(words is >= 1 and <= 5, $"{c.Id}: '{title}' is no short title");
                Assert.DoesNotContain("TODO", title, StringComparison.Ordinal);
                Assert.False(title.EndsWith('?'), $"{c.Id}: '{title}' is a question, not a title");
            }

            Assert.NotEqual(c.Title.De, c.Title.En);
        });
        Assert.Equal("L01 Auftragsverarbeitungsvertrag angeboten", Data.Criteria.Label("L01", Language.De));
        Assert.Equal("L01 Processor agreement offered", Data.Criteria.Label("L01", Language.En));
        Assert.Equal("X99", Data.Criteria.Label("X99", Language.De));
    }

    [Fact]
    public void Criteria_CoverEveryCriterionOfTheDomainDocument()
    {
        var expected = Enumerable.Range(1, 12).Select(i => $"L{i:00}")
            .Concat(["T01", "T02", "T03"])
            .Concat(Enumerable.Range(1, 8).Select(i => $"TE{i:00}"))
            .Concat(Enumerable.Range(1, 6).Select(i => $"U{i:00}"));
        Assert.Equal(expected.Order(), Data.Criteria.All.Select(c => c.Id).Order());
    }

    [Fact]
    public void EveryServiceSchemaEnum_MatchesTheCode()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "schemas", "service-profile.schema.json")));
        foreach (var (path, values) in FactDomains.Contract.Concat(FactDomains.Technical).Where(kv => kv.Key != "technical.browserClient"))
        {
            var parts = path.Split('.');
            var listed = schema.RootElement.GetProperty("properties").GetProperty(parts[0]).GetProperty("properties").GetProperty(parts[1])
                .GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Where(v => v is not ("unknown" or "not-applicable"));
            Assert.Equal(values, listed);
        }
    }

    [Fact]
    public void DeploymentSchema_ListsTheFieldsOfTheCode()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "schemas", "deployment-profile.schema.json")));
        var root = schema.RootElement;
        JsonElement Property(DeploymentField f) => f.Parent is null
            ? root.GetProperty("properties").GetProperty(f.Name)
            : root.GetProperty("properties").GetProperty(f.Parent).GetProperty("properties").GetProperty(f.Local);
        static IEnumerable<string> Names(JsonElement o) => o.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        static IEnumerable<string> Required(JsonElement o) => o.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!) : [];

        Assert.Equal(["$schema", "id", "service", "body", .. DeploymentFields.All.Select(f => f.Parent ?? f.Name).Distinct()], Names(root));
        Assert.Equal(["service", "body", .. DeploymentFields.All.Where(f => f.Required).Select(f => f.Parent ?? f.Name).Distinct()], Required(root));
        foreach (var group in DeploymentFields.All.Where(f => f.Parent is not null).GroupBy(f => f.Parent!))
        {
            var nested = root.GetProperty("properties").GetProperty(group.Key);
            Assert.Equal(group.Select(f => f.Local), Names(nested));
            Assert.Equal(group.Where(f => f.Required).Select(f => f.Local), Required(nested));
        }

        foreach (var field in DeploymentFields.All)
        {
            var property = Property(field);
            switch (field.Shape)
            {
                case FieldShape.OneOf:
                    Assert.Equal([.. field.Values!, FactDomains.Unknown], property.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
                    break;
                case FieldShape.AnyOf when property.GetProperty("items").TryGetProperty("enum", out var items):
                    Assert.Equal(field.Values!, items.EnumerateArray().Select(e => e.GetString()!));
                    break;
                case FieldShape.AnyOf:
                    // Listed by pattern (legalBasis): every value must match it.
                    var pattern = property.GetProperty("items").GetProperty("pattern").GetString()!;
                    Assert.All(field.Values!, v => Assert.Matches(pattern, v));
                    break;
                case FieldShape.Texts:
                    Assert.Equal("string", property.GetProperty("items").GetProperty("type").GetString());
                    break;
                case FieldShape.YesNoUnknown:
                    Assert.Equal("""[{"type":"boolean"},{"const":"unknown"}]""", JsonSerializer.Serialize(property.GetProperty("oneOf")));
                    break;
            }
        }
    }

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
