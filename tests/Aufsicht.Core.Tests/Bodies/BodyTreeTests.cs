using Aufsicht.Core.Bodies;
using Xunit;

namespace Aufsicht.Core.Tests.Bodies;

/// <summary>The parents of a registry file against the stored tree: unknown parents and cycles are refused at the row's parent cell.</summary>
[Trait("Category", "Unit")]
public sealed class BodyTreeTests
{
    private static BodyInput Body(string id, string? parent) => new(id, "Stelle " + id, "state-authority", null, "MV", true, false, null, null, "de", parent);

    [Theory]
    // file rows as "id>parent" (parent empty: top), stored as "id>parent"; expected errors as "row:key"
    [InlineData("A>|B>A", "", "")]
    [InlineData("B>M", "M>", "")]
    [InlineData("B>X", "M>", "2:parent bodies.parentUnknown")]
    [InlineData("A>B|B>A", "", "2:parent bodies.parentCycle;3:parent bodies.parentCycle")]
    [InlineData("M>C", "M>|O>M|C>O", "2:parent bodies.parentCycle")]
    [InlineData("A>A", "", "2:parent bodies.parentCycle")]
    public void CheckTree_Parents_ErrorsAtTheParentCell(string file, string stored, string expected)
    {
        var rows = file.Split('|').Select((r, i) => (Body(r.Split('>')[0], r.Split('>')[1] is { Length: > 0 } p ? p : null), i + 2)).ToList();
        var existing = stored.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(s => s.Split('>')[0], s => s.Split('>')[1] is { Length: > 0 } p ? p : null, StringComparer.Ordinal);
        var errors = BodyRows.CheckTree(rows, existing).Select(e => $"{e.Field} {e.Key}");
        Assert.Equal(expected.Split(';', StringSplitOptions.RemoveEmptyEntries), errors);
    }

    [Fact]
    public void ReadOne_ParentIsItself_Refused()
    {
        var result = BodyRows.ReadOne(new Dictionary<string, string?> { ["externalId"] = "A", ["name"] = "A", ["kind"] = "school", ["state"] = "MV", ["parent"] = "A" });
        Assert.Equal("parent", Assert.Single(result.Errors).Field);
    }
}
