using Xunit;

namespace Aufsicht.Tests.Deadlines;

/// <summary>`aufsicht deadline`: the JSON contract, German and English text, bad input with exit 2 and nothing on stdout.</summary>
[Trait("Category", "Unit")]
public sealed class DeadlineCommandTests
{
    [Fact]
    public void Deadline_Delivered_PrintsTheContractJson()
    {
        var r = Cli.Run("deadline", "--delivered", "2026-12-22", "--period", "2w");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        Assert.Equal("2026-12-22", j.GetProperty("delivered").GetString());
        Assert.Equal("2027-01-05", j.GetProperty("nominalEnd").GetString());
        Assert.Equal("2027-01-05", j.GetProperty("end").GetString());
        var step = j.GetProperty("steps")[0];
        Assert.Equal("§ 41 Abs. 1 VwVfG", step.GetProperty("rule").GetString());
        Assert.StartsWith("https://", step.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-12-22", step.GetProperty("date").GetString());
        Assert.Equal(JsonValueKindNull, j.GetProperty("state").ValueKind);
        Assert.Empty(r.Stderr);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public void Deadline_SentByPostInMV_HasTheAlternativesAndAcceptUntil()
    {
        var j = Cli.Run("deadline", "--sent", "2026-12-22", "--period", "1m", "--state", "MV").Json;
        Assert.Equal(("2026-12-26", "2027-01-26"), (j.GetProperty("delivered").GetString(), j.GetProperty("end").GetString()));
        Assert.Equal("MV", j.GetProperty("state").GetString());
        Assert.Equal("2027-01-28", j.GetProperty("acceptUntil").GetString());
        var ends = j.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("end").GetString()).ToList();
        Assert.Equal(["2027-01-28", "2027-01-25"], ends);
        Assert.All(j.GetProperty("alternatives").EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("reason").GetProperty("de").GetString())));
    }

    [Fact]
    public void Deadline_TextInGerman_ShowsGermanDatesAndNoEnglish()
    {
        var r = Cli.Run("deadline", "--delivered", "2026-12-18", "--period", "2w", "--state", "MV", "--format", "text");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Fristende: Montag, 04.01.2027", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Neujahr", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-01-04", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Monday", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("deadline.", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_TextInEnglish_ShowsEnglishLabels()
    {
        var r = Cli.Run("--lang", "en", "deadline", "--delivered", "2026-12-18", "--period", "2w", "--format", "text");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Deadline: Monday, 4 Jan 2027", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("only the nationwide public holidays count", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Montag", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--sent", "2026-12-22", "--delivered", "2026-12-22", "--period", "2w" }, "--delivered: ")]
    [InlineData(new[] { "--period", "2w" }, "--sent: ")]
    [InlineData(new[] { "--sent", "2026-12-32", "--period", "2w" }, "--sent: ")]
    [InlineData(new[] { "--sent", "2026-12-22", "--period", "0w" }, "--period: ")]
    [InlineData(new[] { "--sent", "2026-12-22", "--period", "3x" }, "--period: ")]
    [InlineData(new[] { "--sent", "2026-12-22", "--period", "2w", "--state", "XY" }, "--state: ")]
    [InlineData(new[] { "--sent", "2026-12-22", "--period", "2w", "--delivery", "fax" }, "--delivery: ")]
    [InlineData(new[] { "--sent", "2026-12-22", "--period", "2w", "--format", "xml" }, "--format")]
    [InlineData(new[] { "--sent", "2026-12-22", "--period", "2w", "--bogus", "1" }, "--bogus")]
    public void Deadline_BadInput_Exit2NamingTheOptionAndNothingOnStdout(string[] args, string named)
    {
        var r = Cli.Run(["deadline", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Stdout);
        Assert.Contains(named, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_BadInputInEnglish_IsWordedInEnglish()
    {
        var r = Cli.Run("--lang", "en", "deadline", "--sent", "2026-12-22", "--period", "3x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--period: \"3x\" is no period", r.Stderr, StringComparison.Ordinal);
    }
}
