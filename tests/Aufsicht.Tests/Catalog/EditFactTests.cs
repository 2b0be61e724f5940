using Aufsicht.Core.Assessment;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Law;
using Aufsicht.Features.Catalog;
using Xunit;

namespace Aufsicht.Tests.Catalog;

/// <summary>What the fact edit offers a case handler: every fact and every value by a name, in both languages.</summary>
[Trait("Category", "Unit")]
public sealed class EditFactTests
{
    private static readonly Lazy<CriteriaCatalog> Criteria = new(() =>
    {
        var read = DataReader.Read(Aufsicht.Cli.DataFolder.Files(Path.Combine(Cli.Repository, "data")));
        return read.IsOk ? read.Value.Criteria : throw new InvalidOperationException(string.Join("\n", read.Errors));
    });

    [Fact]
    public void EveryValueOfEveryEditableFact_HasALabelInBothLanguages()
    {
        var texts = new FindingText(Criteria.Value);
        var unlabelled = EditFact.Editable
            .SelectMany(kv => kv.Value.Select(value => (Path: kv.Key, Value: value)))
            .Where(f => !texts.HasValueName(f.Path, f.Value)
                || string.IsNullOrWhiteSpace(texts.ValueName(f.Path, f.Value, Language.De))
                || string.IsNullOrWhiteSpace(texts.ValueName(f.Path, f.Value, Language.En)))
            .Select(f => $"{f.Path}={f.Value}")
            .ToList();

        Assert.Empty(unlabelled);
        Assert.Equal("eingeschränkt", texts.ValueName("contract.deletion", "restricted", Language.De));
        Assert.Equal("unbekannt", texts.ValueName("contract.deletion", "unknown", Language.De));
        Assert.Equal("online service (SaaS)", texts.ValueName("operatingModel", "saas", Language.En));
    }

    [Fact]
    public void EveryEditableFact_HasANameInBothLanguages_AndIsInOneGroup()
    {
        var texts = new FindingText(Criteria.Value);
        Assert.All(EditFact.Editable.Keys, path =>
        {
            Assert.NotEqual(path, texts.FactName(path, Language.De));
            Assert.NotEqual(path, texts.FactName(path, Language.En));
        });
        var grouped = EditFact.Groups.SelectMany(g => g.Paths).ToList();
        Assert.Equal(EditFact.Editable.Keys.Order(StringComparer.Ordinal), grouped.Order(StringComparer.Ordinal));
        Assert.All(EditFact.Groups, g => Assert.True(Aufsicht.Features.Texts.Has(g.Key), g.Key));
    }
}
