using Aufsicht.Tests.Shared;
using Xunit;

namespace Aufsicht.Tests.Assessment;

/// <summary>`aufsicht assess service` as DESIGN.md §5 specifies it: JSON out, exit 0 on any verdict, 2 on bad input.</summary>
[Trait("Category", "Unit")]
public sealed class AssessCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void AssessService_CatalogueIdOnDate_PrintsDesignJson()
    {
        var r = Cli.Run("assess", "service", "zoom", "--as-of", "2020-07-03");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        Assert.Equal("zoom", j.GetProperty("service").GetString());
        Assert.Equal("2020-07-03", j.GetProperty("asOf").GetString());
        Assert.Equal("blnbdi", j.GetProperty("authority").GetString());
        Assert.Equal("red", j.GetProperty("verdict").GetString());
        Assert.Equal("not-assessed", j.GetProperty("technical").GetString());
        var l03 = j.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("criterion").GetString() == "L03");
        Assert.Equal("red", l03.GetProperty("level").GetString());
        Assert.Contains("Art. 28(3)(a)", l03.GetProperty("articles").EnumerateArray().Select(a => a.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(l03.GetProperty("explanation").GetProperty("de").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(l03.GetProperty("remedy").GetProperty("en").GetString()));
        Assert.NotEmpty(j.GetProperty("alternatives").EnumerateArray());
    }

    [Fact]
    public void AssessService_DomainExampleFileWithDeployment_GivesDeploymentVerdict()
    {
        var service = Write("service.json", DomainExamples.Service);
        var deployment = Write("deployment.json", DomainExamples.Deployment);
        var r = Cli.Run("assess", "service", service, "--deployment", deployment, "--as-of", "2020-07-03");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("yellow", r.Json.GetProperty("verdict").GetString());
        var d = r.Json.GetProperty("deployment");
        // Pupils and high need: the DPIA is missing, so the body's use is red.
        Assert.Equal("red", d.GetProperty("verdict").GetString());
        Assert.Contains(d.GetProperty("findings").EnumerateArray(), f => f.GetProperty("criterion").GetString() == "U05" && f.GetProperty("level").GetString() == "red");
    }

    [Theory]
    [InlineData("2020-07-15", "yellow")]
    [InlineData("2020-07-16", "red")]
    public void AssessService_ExampleAroundSchremsII_ChangesColour(string date, string verdict)
    {
        var service = Write("service.json", DomainExamples.Service);
        Assert.Equal(verdict, Cli.Run("assess", "service", service, "--as-of", date).Json.GetProperty("verdict").GetString());
    }

    [Fact]
    public void AssessService_Authority_ChangesView()
    {
        var berlin = Cli.Run("assess", "service", "microsoft-365", "--as-of", "2026-01-01").Json;
        var mv = Cli.Run("assess", "service", "microsoft-365", "--as-of", "2026-01-01", "--authority", "lfdi-mv").Json;
        Assert.Equal("lfdi-mv", mv.GetProperty("authority").GetString());
        Assert.NotEqual(berlin.GetProperty("verdict").GetString(), mv.GetProperty("verdict").GetString());
    }

    [Fact]
    public void AssessService_TextFormat_ShowsTableAndVerdicts()
    {
        var r = Cli.Run("assess", "service", "zoom", "--as-of", "2020-07-03", "--format", "text");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Rechtliche Bewertung:  rot", r.Stdout, StringComparison.Ordinal);
        Assert.Matches("L03 Keine Nutzung für eigene Zwecke +rot", r.Stdout);
        Assert.Contains("Art. 28 Abs. 3 lit. a DSGVO", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", r.Stdout, StringComparison.Ordinal);
        var en = Cli.Run("assess", "service", "zoom", "--as-of", "2020-07-03", "--format", "text", "--lang", "en");
        Assert.Contains("Legal verdict:      red", en.Stdout, StringComparison.Ordinal);
        Assert.Matches("L03 No use for own purposes +red", en.Stdout);
    }

    [Fact]
    public void AssessService_BeforeFirstSnapshot_IsNotAssessed()
    {
        var r = Cli.Run("assess", "service", "alfaview", "--as-of", "2019-01-01");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("not-assessed", r.Json.GetProperty("verdict").GetString());
        Assert.Equal("service-unknown-on-date", r.Json.GetProperty("findings")[0].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(new[] { "assess", "service", "zom", "--lang", "en" }, "unknown service 'zom'")]
    [InlineData(new[] { "assess", "service", "zom" }, "Den Dienst „zom“ gibt es im Katalog nicht")]
    [InlineData(new[] { "assess", "service", "zoom", "--as-of", "2020-13-01", "--lang", "en" }, "--as-of: expected a date as YYYY-MM-DD; got '2020-13-01'")]
    [InlineData(new[] { "assess", "service", "zoom", "--as-of", "2020-13-01" }, "--as-of: erwartet wird ein Datum im Format JJJJ-MM-TT; erhalten: „2020-13-01“")]
    [InlineData(new[] { "assess", "service", "zoom", "--authority", "nsa", "--lang", "en" }, "--authority: unknown authority 'nsa'; known: ")]
    [InlineData(new[] { "assess", "service", "zoom", "--authority", "nsa" }, "--authority: unbekannte Behörde „nsa“; bekannt sind ")]
    [InlineData(new[] { "assess", "service", "zoom", "--format", "xml", "--lang", "en" }, "--format: expected one of json, text; got 'xml'")]
    [InlineData(new[] { "assess", "service", "zoom", "--format", "xml" }, "--format: möglich sind json, text; angegeben war „xml“")]
    [InlineData(new[] { "assess", "service", "zoom", "--color", "--lang", "en" }, "unknown option --color")]
    [InlineData(new[] { "assess", "service", "zoom", "--color" }, "Die Option --color gibt es nicht")]
    [InlineData(new[] { "assess", "service", "--lang", "en" }, "missing argument; usage: aufsicht assess service")]
    [InlineData(new[] { "assess", "service" }, "Es fehlt ein Argument. Aufruf: aufsicht assess service")]
    [InlineData(new[] { "assess", "service", "/nonexistent/profile.json", "--lang", "en" }, "/nonexistent/profile.json: cannot be read")]
    [InlineData(new[] { "assess", "service", "/nonexistent/profile.json" }, "/nonexistent/profile.json: Die Datei lässt sich nicht lesen")]
    [InlineData(new[] { "frobnicate", "--lang", "en" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "frobnicate" }, "Den Befehl „frobnicate“ gibt es nicht")]
    public void AssessService_BadArguments_Exit2WithMessage(string[] args, string message)
    {
        var r = Cli.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.Empty(r.Stdout);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"id\": ", "service.json: malformed JSON at line 1")]
    [InlineData("{\"id\":\"x\"}", "service.json: ")]
    public void AssessService_BadFile_NamesFileAndProblem(string content, string message)
    {
        var path = Write("service.json", content);
        var r = Cli.Run("assess", "service", path, "--lang", "en");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessService_DeploymentWithMisspeltField_NamesFileAndField()
    {
        var deployment = Write("deployment.json", DomainExamples.Deployment.Replace("\"dpia\"", "\"dpai\"", StringComparison.Ordinal));
        var r = Cli.Run("assess", "service", "webex-telekom", "--deployment", deployment, "--lang", "en");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("deployment.json: 2 problems:", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("dpai: unknown field; did you mean 'dpia'?", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("dpia: missing required field", r.Stderr, StringComparison.Ordinal);

        // In German, the CLI's default.
        var german = Cli.Run("assess", "service", "webex-telekom", "--deployment", deployment);
        Assert.Equal(2, german.ExitCode);
        Assert.Contains("dpai: unbekanntes Feld; ist „dpia“ gemeint?", german.Stderr, StringComparison.Ordinal);
        Assert.Contains("dpia: Pflichtfeld fehlt", german.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessService_DeploymentForAnotherService_IsRejected()
    {
        var deployment = Write("deployment.json", DomainExamples.Deployment);
        var r = Cli.Run("assess", "service", "zoom", "--deployment", deployment);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("service: nennt „webex-telekom“, bewertet wird aber „zoom“", r.Stderr, StringComparison.Ordinal);
        var english = Cli.Run("assess", "service", "zoom", "--deployment", deployment, "--lang", "en");
        Assert.Contains("service: names 'webex-telekom', but the service assessed is 'zoom'", english.Stderr, StringComparison.Ordinal);
    }
}
