using Xunit;

namespace Aufsicht.Tests.Fines;

/// <summary>`aufsicht fine FILE|-` as issue 13 specifies it: JSON by default, a calculation sheet as text, exit 2 naming the field.</summary>
[Trait("Category", "Unit")]
public sealed class FineCommandTests : IDisposable
{
    public const string Example = """
        {"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "inCompetition": false, "country": "DE", "state": "MV"},
         "tier": "83(5)", "seriousness": "medium", "startingPercent": "0.15", "turnoverFactor": "0.05"}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-fine-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_dir, "fine.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Fine_EdpbExample_PrintsTheContractJson()
    {
        var r = Cli.Run("fine", Write(Example));
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        Assert.True(j.GetProperty("fineAdmissible").GetBoolean());
        Assert.Equal("20000000.00", j.GetProperty("legalMaximum").GetString());
        Assert.Equal(["2000000.00", "4000000.00"], j.GetProperty("startingRange").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("3000000.00", j.GetProperty("startingAmount").GetString());
        Assert.Equal(["0.015", "0.10"], j.GetProperty("turnoverFactorRange").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("applied", j.GetProperty("turnoverAdjustment").GetString());
        Assert.Equal("150000.00", j.GetProperty("adjusted").GetString());
        Assert.Equal("150000.00", j.GetProperty("fine").GetString());
        Assert.False(j.TryGetProperty("sizeClass", out _));
        Assert.False(j.TryGetProperty("dailyRate", out _));
        var legal = j.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "legal-maximum");
        Assert.Equal("Art. 83(5) GDPR", legal.GetProperty("rule").GetString());
        Assert.StartsWith("https://", legal.GetProperty("sourceUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("30000000", legal.GetProperty("input").GetProperty("turnover").GetString());
        Assert.Equal("20000000.00", legal.GetProperty("output").GetString());
        Assert.False(string.IsNullOrWhiteSpace(legal.GetProperty("explanation").GetProperty("de").GetString()));
    }

    [Fact]
    public void Fine_DskFromStdin_HasSizeClassAndDailyRate_NoEdpbFields()
    {
        var r = Cli.RunWithInput("""{"method": "dsk-2019", "turnover": 250000000, "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "infringement": "material", "factor": 8}""", "fine", "-");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        Assert.Equal("D.IV", j.GetProperty("sizeClass").GetString());
        Assert.Equal("694444.44", j.GetProperty("dailyRate").GetString());
        Assert.Equal("5555555.56", j.GetProperty("fine").GetString());
        Assert.False(j.TryGetProperty("startingRange", out _));
        Assert.False(j.TryGetProperty("turnoverAdjustment", out _));
    }

    [Fact]
    public void Fine_TextInGerman_ReadsLikeACalculationSheet()
    {
        var r = Cli.Run("fine", Write(Example), "--format", "text");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Berechnung der Geldbuße", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Geldbuße: 150.000,00 €", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("20.000.000,00 €", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Art. 83 Abs. 5 DSGVO", r.Stdout, StringComparison.Ordinal);
        foreach (var english in new[] { "GDPR", "chapter", "Fine:", "legal-maximum", "turnover" })
        {
            Assert.DoesNotContain(english, r.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fine_TextInEnglish_AmountsInEnglishNotation()
    {
        var r = Cli.Run("fine", Write(Example), "--format", "text", "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Fine: €150,000.00", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Art. 83(5) GDPR", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Geldbuße", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fine_PublicBodyInGermany_NotAdmissibleWithReasonAndNoAmount()
    {
        var r = Cli.RunWithInput("""{"method": "edpb-2022", "controller": {"publicBody": true, "country": "DE", "state": "MV"}, "tier": "83(5)"}""", "fine", "-");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        Assert.False(j.GetProperty("fineAdmissible").GetBoolean());
        Assert.False(j.TryGetProperty("fine", out _));
        Assert.False(j.TryGetProperty("legalMaximum", out _));
        Assert.Contains("BDSG", j.GetProperty("basis").GetProperty("de").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(j.GetProperty("reason").GetProperty("en").GetString()));
    }

    [Theory]
    [InlineData("""{"method": "edpb-2022", "turnover": "x", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)"}""", "turnover: ")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.05", "turnoverFactor": "0.05", "adjustments": [{"factor": "83(2)(c)", "percent": "-10"}]}""", "adjustments[0].reason: Pflichtfeld fehlt")]
    [InlineData("""{"method": "edpb-2022", "turnover": "30000000", "controller": {"publicBody": false, "country": "DE"}, "tier": "83(5)", "seriousness": "low", "startingPercent": "0.15", "turnoverFactor": "0.05"}""", "startingPercentReason: ")]
    [InlineData("{ nope", "")]
    public void Fine_BadInput_Exit2WithOneLineNamingTheField(string json, string line)
    {
        var r = Cli.RunWithInput(json, "fine", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(line, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(r.Stdout);
    }

    [Fact]
    public void Fine_MissingFile_Exit2()
    {
        var r = Cli.Run("fine", Path.Combine(_dir, "none.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("none.json", r.Stderr, StringComparison.Ordinal);
    }
}
