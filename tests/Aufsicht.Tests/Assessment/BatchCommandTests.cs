using Aufsicht.Tests.Shared;
using Xunit;

namespace Aufsicht.Tests.Assessment;

/// <summary>`aufsicht assess batch`: one result per line, streamed; a bad line is reported and the rest goes on.</summary>
[Trait("Category", "Unit")]
public sealed class BatchCommandTests
{
    private static string Line(string need = "high", string service = "webex-telekom") =>
        DomainExamples.Deployment.ReplaceLineEndings(" ")
            .Replace("\"high\"", $"\"{need}\"", StringComparison.Ordinal)
            .Replace("\"webex-telekom\"", $"\"{service}\"", StringComparison.Ordinal);

    [Fact]
    public void Batch_Stdin_OneResultPerLine()
    {
        var input = string.Join("\n", Line(), Line("normal"), Line(service: "jitsi-self-operated")) + "\n";
        var r = Cli.RunWithInput(input, "assess", "batch", "-", "--as-of", "2020-07-03");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Lines;
        Assert.Equal(3, lines.Count);
        Assert.Equal([1, 2, 3], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Equal("yellow", lines[0].GetProperty("verdict").GetString());
        Assert.Equal("red", lines[0].GetProperty("deployment").GetProperty("verdict").GetString());
        Assert.Equal("jitsi-self-operated", lines[2].GetProperty("service").GetString());
    }

    [Fact]
    public void Batch_BadLine_ReportedWithLineNumber_OthersStillAssessed()
    {
        var input = string.Join("\r\n", Line(), "{ not json", Line().Replace("\"partial\"", "\"parcial\"", StringComparison.Ordinal), Line(service: "nope"), "", Line());
        var r = Cli.RunWithInput(input, "assess", "batch", "-", "--lang", "en");
        Assert.Equal(2, r.ExitCode);
        var lines = r.Lines;
        Assert.Equal(5, lines.Count);
        Assert.StartsWith("malformed JSON", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("participantsInformed: expected one of complete, partial, none, unknown; got \"parcial\"", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("service: The service \"nope\" is not in the catalogue.", lines[3].GetProperty("error").GetString());
        Assert.Equal(6, lines[4].GetProperty("line").GetInt32());
        Assert.Contains("stdin:2: malformed JSON", r.Stderr, StringComparison.Ordinal);

        var german = Cli.RunWithInput(Line(service: "nope"), "assess", "batch", "-", "--lang", "de");
        Assert.Equal("service: Der Dienst „nope“ ist nicht im Katalog.", german.Lines[0].GetProperty("error").GetString());
    }

    [Fact]
    public void Batch_File_SameAsStdin()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aufsicht-batch-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, Line() + "\n" + Line("normal"));
        try
        {
            var fromFile = Cli.Run("assess", "batch", path, "--as-of", "2024-01-01");
            var fromStdin = Cli.RunWithInput(Line() + "\n" + Line("normal"), "assess", "batch", "-", "--as-of", "2024-01-01");
            Assert.Equal(0, fromFile.ExitCode);
            Assert.Equal(fromStdin.Stdout, fromFile.Stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Batch_MissingFile_Exit2()
    {
        var r = Cli.Run("assess", "batch", "/nonexistent.jsonl");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("/nonexistent.jsonl: Die Datei lässt sich nicht lesen", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_InputLargerThanABlock_KeepsOrderAndLineNumbers()
    {
        // About 3 MB: several blocks assessed in parallel must still come out in input order.
        var lines = Enumerable.Range(0, 6000).Select(i => Line(i % 3 == 0 ? "normal" : "high").Replace("\"service\"", $"\"id\": \"n{i}\", \"service\"", StringComparison.Ordinal));
        var r = Cli.RunWithInput(string.Join("\n", lines), "assess", "batch", "-", "--as-of", "2024-01-01");
        Assert.Equal(0, r.ExitCode);
        var results = r.Lines;
        Assert.Equal(6000, results.Count);
        Assert.Equal(Enumerable.Range(1, 6000), results.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Equal(Enumerable.Range(0, 6000).Select(i => $"n{i}"), results.Select(l => l.GetProperty("id").GetString()));
    }

    [Fact]
    public void Batch_HugeGarbageLine_IsOneErrorNotACrash()
    {
        var garbage = new string('x', 3 << 20);
        var r = Cli.RunWithInput(Line() + "\n" + garbage + "\n" + Line(), "assess", "batch", "-");
        Assert.Equal(2, r.ExitCode);
        var results = r.Lines;
        Assert.Equal(3, results.Count);
        Assert.True(results[1].TryGetProperty("error", out _));
        Assert.Equal(3, results[2].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Batch_Explain_AddsTextsInBothLanguages()
    {
        var compact = Cli.RunWithInput(Line(), "assess", "batch", "-").Lines[0];
        var explained = Cli.RunWithInput(Line(), "assess", "batch", "-", "--explain").Lines[0];
        var c = compact.GetProperty("deployment").GetProperty("findings")[0];
        var e = explained.GetProperty("deployment").GetProperty("findings")[0];
        Assert.False(c.TryGetProperty("explanation", out _));
        Assert.False(string.IsNullOrEmpty(e.GetProperty("explanation").GetProperty("de").GetString()));
        Assert.Equal(c.GetProperty("reason").GetString(), e.GetProperty("reason").GetString());
    }
}
