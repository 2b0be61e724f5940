using Aufsicht.Tests.Shared;
using Xunit;

namespace Aufsicht.Tests.Catalog;

/// <summary>`aufsicht catalog list|show|validate` and `aufsicht authorities`.</summary>
[Trait("Category", "Unit")]
public sealed class CatalogCommandTests
{
    [Fact]
    public void List_Json_AllServicesWithVerdicts()
    {
        var r = Cli.Run("catalog", "list", "--as-of", "2020-07-03");
        Assert.Equal(0, r.ExitCode);
        var services = r.Json.GetProperty("services").EnumerateArray().ToList();
        Assert.True(services.Count >= 40);
        Assert.Equal("red", services.Single(s => s.GetProperty("id").GetString() == "zoom").GetProperty("verdict").GetString());
        Assert.Equal("not-assessed", services.Single(s => s.GetProperty("id").GetString() == "alfaview").GetProperty("verdict").GetString());
    }

    [Fact]
    public void List_Category_Filters()
    {
        var r = Cli.Run("catalog", "list", "--category", "office-suite");
        Assert.All(r.Json.GetProperty("services").EnumerateArray(), s => Assert.Equal("office-suite", s.GetProperty("category").GetString()));
        var bad = Cli.Run("catalog", "list", "--category", "office");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--category: möglich sind video-conferencing, office-suite", bad.Stderr, StringComparison.Ordinal);
        var english = Cli.Run("--lang", "en", "catalog", "list", "--category", "office");
        Assert.Equal(2, english.ExitCode);
        Assert.Contains("--category: expected one of video-conferencing, office-suite", english.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void List_Text_IsATable()
    {
        var r = Cli.Run("catalog", "list", "--format", "text", "--lang", "en");
        Assert.Contains("Id", r.Stdout.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("zoom", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_HistoryFactsSourcesAndDecisions()
    {
        var r = Cli.Run("catalog", "show", "teams-m365", "--as-of", "2020-07-03");
        Assert.Equal(0, r.ExitCode);
        Assert.True(r.Json.GetProperty("history").GetArrayLength() >= 2);
        Assert.NotEmpty(r.Json.GetProperty("facts").GetProperty("sources").EnumerateArray());
        var decisions = r.Json.GetProperty("assessment").GetProperty("decisions").EnumerateArray().ToList();
        Assert.Contains(decisions, d => d.GetProperty("id").GetString() == "blnbdi-2020-teams-m365" && d.GetProperty("agrees").GetBoolean());
    }

    [Fact]
    public void Show_UnknownService_SuggestsNear()
    {
        var r = Cli.Run("catalog", "show", "teams");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("gemeint ist vielleicht teams-free, teams-m365?", r.Stderr, StringComparison.Ordinal);
        var english = Cli.Run("--lang", "en", "catalog", "show", "teams");
        Assert.Contains("did you mean teams-free, teams-m365?", english.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShippedCatalogue_IsValid()
    {
        var r = Cli.Run("catalog", "validate");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Katalog gültig:", r.Stdout, StringComparison.Ordinal);
        Assert.Contains(", 1 Fragebogen", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Veröffentlichte Entscheidungen: Die Bewertung stimmt bei", r.Stdout, StringComparison.Ordinal);
        var english = Cli.Run("--lang", "en", "catalog", "validate");
        Assert.Contains("catalogue valid:", english.Stdout, StringComparison.Ordinal);
        Assert.Contains(", 1 questionnaire", english.Stdout, StringComparison.Ordinal);
        Assert.Contains("published decisions: the engine agrees with", english.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShippedQuestionnaire_AgainstItsSchema()
    {
        var r = Cli.Run("catalog", "validate", Path.Combine(Cli.Repository, "data", "questionnaires", "videokonferenz.json"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("videokonferenz.json: gültiger Fragebogen", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExampleOfTheQuestionnaireFormat_IsValid()
    {
        var text = File.ReadAllText(Path.Combine(Cli.Repository, "docs", "formats", "questionnaire.md"));
        var start = text.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var dir = Directory.CreateTempSubdirectory("aufsicht-validate-").FullName;
        try
        {
            var file = Path.Combine(dir, "messenger.json");
            File.WriteAllText(file, text[start..text.IndexOf("```", start, StringComparison.Ordinal)]);
            var r = Cli.Run("catalog", "validate", file);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains("messenger.json: gültiger Fragebogen", r.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Validate_QuestionnaireWithDanglingCondition_NamesFileAndField_Exit2()
    {
        using var copy = new CatalogueCopy();
        var text = File.ReadAllText(copy.QuestionnaireFile);
        File.WriteAllText(copy.QuestionnaireFile, text.Replace("\"question\": \"operatingModel\"", "\"question\": \"operatingModell\"", StringComparison.Ordinal));
        var r = Cli.Run("--lang", "en", "catalog", "validate", "--data", copy.Folder);
        Assert.Equal(2, r.ExitCode);
        // Schema-valid (the id has the right form): only the reader sees that no question has it.
        Assert.Contains("questionnaires/videokonferenz.json: sections[1].questions[3].showIf.question: there is no question \"operatingModell\"", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("schema questionnaire", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("catalogue invalid: 1 problem(s)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QuestionnaireWithOptionsOnAYesNoQuestion_SchemaAndReaderSayWhere()
    {
        using var copy = new CatalogueCopy();
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(copy.QuestionnaireFile))!;
        json["sections"]![0]!["questions"]![0]!["options"] = new System.Text.Json.Nodes.JsonArray();
        File.WriteAllText(copy.QuestionnaireFile, json.ToJsonString());
        var r = Cli.Run("--lang", "en", "catalog", "validate", copy.QuestionnaireFile);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("/sections/0/questions/0/options", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("(schema questionnaire", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("sections[0].questions[0].options: only single and multiple choice questions have options; this one is \"yes-no-unknown\"", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QuestionnaireMappingAnUnknownField_SchemaTakesTheNamesFromTheDeploymentSchema()
    {
        using var copy = new CatalogueCopy();
        var text = File.ReadAllText(copy.QuestionnaireFile);
        File.WriteAllText(copy.QuestionnaireFile, text.Replace("\"dpia\": \"dpia\"", "\"dpiaa\": \"dpia\"", StringComparison.Ordinal));
        var r = Cli.Run("--lang", "en", "catalog", "validate", copy.QuestionnaireFile);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("/deployment/fields", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("(schema questionnaire", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("deployment.fields.dpiaa", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenCopy_NamesFileAndField_Exit2()
    {
        using var copy = new CatalogueCopy();
        File.WriteAllText(copy.ZoomFile, File.ReadAllText(copy.ZoomFile).Replace("\"ownPurposes\": \"reserved\"", "\"ownPurposes\": \"reservd\"", StringComparison.Ordinal));
        var r = Cli.Run("--lang", "en", "catalog", "validate", "--data", copy.Folder);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("services/zoom/2020-07-03.json", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("contract.ownPurposes: expected one of excluded, vague, reserved, unknown; got \"reservd\"", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("/contract/ownPurposes", r.Stderr, StringComparison.Ordinal);
        // Only the misspelt value: not the failed branch of every oneOf that holds ("boolean or unknown").
        Assert.Contains("catalogue invalid: 2 problem(s)", r.Stderr, StringComparison.Ordinal);

        // A catalogue that does not validate is refused by every other command too, with a pointer to validate.
        var list = Cli.Run("catalog", "list", "--data", copy.Folder);
        Assert.Equal(2, list.ExitCode);
        Assert.Contains("Einzelheiten zeigt „aufsicht catalog validate“", list.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnsourcedFact_IsReported()
    {
        using var copy = new CatalogueCopy();
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(copy.ZoomFile))!;
        json["sources"] = new System.Text.Json.Nodes.JsonArray(json["sources"]!.AsArray()
            .Where(s => !s!["about"]!.GetValue<string>().Contains("contract", StringComparison.Ordinal)).Select(s => s!.DeepClone()).ToArray());
        File.WriteAllText(copy.ZoomFile, json.ToJsonString());
        var r = Cli.Run("catalog", "validate", "--data", copy.Folder, "--lang", "en");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("services/zoom/2020-07-03.json: contract.ownPurposes: known fact without a source", r.Stderr, StringComparison.Ordinal);
        var german = Cli.Run("catalog", "validate", "--data", copy.Folder);
        Assert.Contains("services/zoom/2020-07-03.json: contract.ownPurposes: bekannter Fakt ohne Quelle", german.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourceReadThroughAProxy_IsRefused_InBothLanguages()
    {
        using var copy = new CatalogueCopy();
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(copy.ZoomFile))!;
        var original = json["sources"]![0]!["url"]!.GetValue<string>();
        var proxied = "https://proxy.example/fetch?u=" + Uri.EscapeDataString(original);
        json["sources"]![0]!["url"] = proxied;
        File.WriteAllText(copy.ZoomFile, json.ToJsonString());
        var r = Cli.Run("catalog", "validate", "--data", copy.Folder, "--lang", "en");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"services/zoom/2020-07-03.json: source not citable as it stands: {proxied}", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("catalogue invalid: 1 problem(s)", r.Stderr, StringComparison.Ordinal);
        var german = Cli.Run("catalog", "validate", "--data", copy.Folder);
        Assert.Contains($"services/zoom/2020-07-03.json: Quelle so nicht zitierfähig: {proxied}", german.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DomainExamples_AgainstSchemas()
    {
        var dir = Directory.CreateTempSubdirectory("aufsicht-validate-").FullName;
        try
        {
            var service = Path.Combine(dir, "service.json");
            var deployment = Path.Combine(dir, "deployment.json");
            File.WriteAllText(deployment, DomainExamples.Deployment);
            var r = Cli.Run("catalog", "validate", deployment);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains("gültiges Einsatzprofil", r.Stdout, StringComparison.Ordinal);

            // The service example is schema-valid, but cites one source for all its facts: validate says which lack one.
            File.WriteAllText(service, DomainExamples.Service);
            var s = Cli.Run("catalog", "validate", service, "--lang", "en");
            Assert.Equal(2, s.ExitCode);
            Assert.DoesNotContain("schema service-profile", s.Stderr, StringComparison.Ordinal);
            Assert.Contains("technical.e2ee: known fact without a source", s.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Authorities_ListsProfilesWithParameters()
    {
        var r = Cli.Run("authorities");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("blnbdi", r.Json.GetProperty("default").GetString());
        Assert.Contains(r.Json.GetProperty("profiles").EnumerateArray(), p => p.GetProperty("authority").GetString() == "lfdi-mv");
    }

    [Fact]
    public void Help_ExitsZero()
    {
        var r = Cli.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("aufsicht assess batch", r.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A copy of the shipped catalogue in a temporary folder, for tests that break it on purpose.</summary>
    private sealed class CatalogueCopy : IDisposable
    {
        public CatalogueCopy()
        {
            var source = Path.Combine(Cli.Repository, "data");
            Folder = Directory.CreateTempSubdirectory("aufsicht-data-").FullName;
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(Folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        public string Folder { get; }

        public string ZoomFile => Path.Combine(Folder, "services", "zoom", "2020-07-03.json");

        public string QuestionnaireFile => Path.Combine(Folder, "questionnaires", "videokonferenz.json");

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
