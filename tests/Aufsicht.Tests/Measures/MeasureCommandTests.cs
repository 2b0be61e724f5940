using Xunit;

namespace Aufsicht.Tests.Measures;

/// <summary>`aufsicht measure` as issue 13 specifies it: JSON by default, a note for the file as text, exit 2 on bad input.</summary>
[Trait("Category", "Unit")]
public sealed class MeasureCommandTests : IDisposable
{
    /// <summary>The example of the issue: a company in M-V, ongoing, a red transfer finding, an ignored order.</summary>
    public const string Example = """
        {"controller": {"publicBody": false, "inCompetition": false, "country": "DE", "state": "MV"}, "processing": "ongoing",
         "remedied": false, "findings": [{"criterion": "T02", "level": "red"}], "specialCategories": false, "minors": false,
         "dataSubjects": 12000, "culpability": "negligence", "previousMeasures": [{"power": "58(2)(d)", "complied": false}]}
        """;

    /// <summary>A school in M-V: a public body, pupils' data, an order ignored.</summary>
    public const string School = """
        {"controller": {"publicBody": true, "inCompetition": false, "country": "DE", "state": "MV"}, "processing": "ongoing",
         "remedied": false, "findings": [{"criterion": "U05", "level": "red"}, {"criterion": "T02", "level": "red"}], "specialCategories": false,
         "minors": true, "dataSubjects": 600, "culpability": "negligence", "previousMeasures": [{"power": "58(2)(d)", "complied": false}]}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_dir, "case.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Measure_IssueExample_PrintsTheContractJson()
    {
        var r = Cli.Run("measure", Write(Example));
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        var recommended = j.GetProperty("recommended").EnumerateArray().Select(e => e.GetString()!).ToArray();
        // Transfers: suspension (j) with the order (d), no ban; the ignored order and negligence add the fine (i).
        Assert.Equal(["58(2)(d)", "58(2)(i)", "58(2)(j)"], recommended);
        Assert.True(j.GetProperty("fineAdmissible").GetBoolean());
        Assert.Equal(5, j.GetProperty("rung").GetInt32());
        Assert.Contains("58(2)(b)", j.GetProperty("available").EnumerateArray().Select(e => e.GetString()));
        var a = j.GetProperty("unavailable").EnumerateArray().First(u => u.GetProperty("power").GetString() == "58(2)(a)");
        Assert.Contains("noch nicht begonnen", a.GetProperty("reason").GetProperty("de").GetString(), StringComparison.Ordinal);
        Assert.Contains(j.GetProperty("procedure").EnumerateArray(), p => p.GetProperty("step").GetString() == "fine-hearing" && p.GetProperty("basis").GetProperty("de").GetString()!.Contains("§ 55 OWiG", StringComparison.Ordinal));
        var step = j.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("id").GetString() == "culpability");
        Assert.Equal("CJEU C-807/21", step.GetProperty("source").GetString());
        Assert.StartsWith("https://", step.GetProperty("sourceUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("negligence", step.GetProperty("input").GetProperty("culpability").GetString());
        Assert.False(string.IsNullOrWhiteSpace(step.GetProperty("explanation").GetProperty("en").GetString()));
    }

    [Fact]
    public void Measure_Stdin_ReadsTheCase()
    {
        var r = Cli.RunWithInput(School, "measure", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("58(2)(i)", r.Json.GetProperty("recommended").EnumerateArray().Select(e => e.GetString()));
        Assert.False(r.Json.GetProperty("coerciveEnforcement").GetBoolean());
    }

    [Fact]
    public void Measure_TextGerman_ReadsLikeANoteForTheFile()
    {
        var r = Cli.Run("measure", Write(School), "--format", "text");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Empfohlene Maßnahmen", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Beschränkung oder Verbot der Verarbeitung (Art. 58 Abs. 2 lit. f DSGVO)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Geldbuße (Art. 58 Abs. 2 lit. i DSGVO): Gegen öffentliche Stellen", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Anhörung der Rechts- oder Fachaufsicht (§ 16 Abs. 1 BDSG)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Darstellung im Tätigkeitsbericht (Art. 59 DSGVO)", r.Stdout, StringComparison.Ordinal);
        // No internal key or wire name in the German note.
        Assert.DoesNotContain("58(2)(", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("measure.", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("GDPR", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_TextEnglish_IsComplete()
    {
        var r = Cli.Run("--lang", "en", "measure", Write(School), "--format", "text");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Recommended measures", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Limitation or ban of processing (Art. 58(2)(f) GDPR)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Hearing of the supervising body (§ 16(1) BDSG)", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("DSGVO", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "ongoing", "findings": [{"criterion": "Z9", "level": "red"}]}""", "findings[0].criterion: „Z9“ ist kein Kriterium")]
    [InlineData("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "ongoing", "findings": [{"criterion": "T02", "level": "crimson"}]}""", "findings[0].level: ")]
    [InlineData("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "ongoing", "previousMeasures": [{"power": "d", "complied": true}]}""", "previousMeasures[0].power: „d“ ist keine Befugnis")]
    [InlineData("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "ongoing", "dataSubjects": -1}""", "dataSubjects: darf nicht negativ sein")]
    [InlineData("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "ongoing", "dataSubjects": -1, "culpability": "x"}""", "culpability: ")]
    [InlineData("{", "kein gültiges JSON")]
    public void Measure_BadInput_Exit2NamingTheField(string json, string message)
    {
        var r = Cli.Run("measure", Write(json));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(r.Stdout);
    }

    [Fact]
    public void Measure_BadInputOnStdinInEnglish_NamesTheFieldPerLine()
    {
        var r = Cli.RunWithInput("""{"controller": {"publicBody": false, "country": "DE"}, "processing": "ongoing", "dataSubjects": -1, "culpability": "x"}""", "--lang", "en", "measure", "-");
        Assert.Equal(2, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("stdin: dataSubjects: must not be negative", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("stdin: culpability: expected one of intent, negligence, none, unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Measure_MissingFileOrArgument_Exit2()
    {
        Assert.Equal(2, Cli.Run("measure", Path.Combine(_dir, "nope.json")).ExitCode);
        var none = Cli.Run("measure");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("aufsicht measure", none.Stderr, StringComparison.Ordinal);
    }
}
