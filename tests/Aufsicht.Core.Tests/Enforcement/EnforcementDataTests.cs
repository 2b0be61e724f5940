using System.Text.Json;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Enforcement;

/// <summary>
/// The enforcement tables are shown to case handlers and written into letters: every text a user reads is in both
/// languages and names no repository file (the maintainers' <c>note</c> may), and every source has a date seen.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EnforcementDataTests
{
    public static TheoryData<string> Files() => new(Directory.EnumerateFiles(Path.Combine(DataFolder, "enforcement"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryShownText_NamesNoRepositoryFile_AndHasBothLanguages(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(DataFolder, "enforcement", file)));
        var problems = new List<string>();
        Walk(document.RootElement, "$", problems);
        Assert.Empty(problems);
    }

    private static void Walk(JsonElement element, string path, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("de", out var de) && de.ValueKind == JsonValueKind.String && !element.TryGetProperty("en", out _))
                {
                    problems.Add($"{path}: German without English");
                }

                if (element.TryGetProperty("url", out _) && !element.TryGetProperty("seen", out _))
                {
                    problems.Add($"{path}: a source without the date seen");
                }

                foreach (var property in element.EnumerateObject().Where(p => p.Name != "note"))
                {
                    Walk(property.Value, $"{path}.{property.Name}", problems);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", problems);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.Contains(".md", StringComparison.Ordinal) || text.Contains("domain/", StringComparison.Ordinal) || text.Contains("shared/", StringComparison.Ordinal))
                {
                    problems.Add($"{path}: names a repository file: {text}");
                }

                break;
        }
    }
}
