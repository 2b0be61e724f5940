using System.Text;
using System.Text.Json;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Tests.Shared;
using Xunit;

namespace Aufsicht.Core.Tests.Questionnaires;

[Trait("Category", "Unit")]
public sealed class QuestionnaireTests
{
    private static readonly string Shipped = File.ReadAllText(Path.Combine(TestData.DataFolder, "questionnaires", "videokonferenz.json"));

    private static Questionnaire Video => QuestionnaireReader.Read(Encoding.UTF8.GetBytes(Shipped)).Value;

    private static IReadOnlyList<Error> Errors(string json) => QuestionnaireReader.Read(Encoding.UTF8.GetBytes(json)).Errors;

    /// <summary>A small definition with one replacement applied, to test one mistake at a time.</summary>
    private static string Small(string? find = null, string? replace = null)
    {
        const string json = """
            {"key": "small", "title": {"de": "Klein", "en": "Small"},
             "sections": [
               {"id": "a", "title": {"de": "A", "en": "A"}, "questions": [
                 {"id": "tools", "type": "services", "label": {"de": "Systeme", "en": "Systems"}, "allowOther": true, "required": true},
                 {"id": "count", "type": "number", "min": 0, "label": {"de": "Anzahl", "en": "Count"}}]},
               {"id": "b", "title": {"de": "B", "en": "B"}, "forEachService": "tools", "questions": [
                 {"id": "model", "type": "single", "required": true, "label": {"de": "Betrieb", "en": "Operation"},
                  "options": [{"value": "saas", "label": {"de": "SaaS", "en": "SaaS"}}, {"value": "self-operated", "label": {"de": "selbst", "en": "self"}}]},
                 {"id": "avv", "type": "yes-no-unknown", "required": true, "label": {"de": "AVV", "en": "DPA"},
                  "showIf": {"question": "model", "anyOf": ["saas"]}}]}],
             "deployment": {"services": "tools", "fields": {"operatingModel": "model", "processorAgreementConcluded": "avv"}}}
            """;
        return find is null ? json : json.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShippedVideoQuestionnaire_IsValidAndMapsEveryDeploymentField()
    {
        var result = QuestionnaireReader.Read(Encoding.UTF8.GetBytes(Shipped));

        Assert.True(result.IsOk, string.Join("\n", result.Errors));
        Assert.Equal("videokonferenz", result.Value.Key);
        Assert.Equal(QuestionnaireReader.DeploymentFields.Keys.Order(), result.Value.Mapping.Fields.Keys.Order());
    }

    [Fact]
    public void Read_SmallDefinition_IsValid() => Assert.Empty(Errors(Small()));

    [Fact]
    public void Schema_ListsTheFieldsTypesAndCategoriesOfTheReader()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.DataFolder, "schemas", "questionnaire.schema.json")));
        using var deployment = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.DataFolder, "schemas", "deployment-profile.schema.json")));
        var root = schema.RootElement;
        // The field names are the deployment profile schema's, referred to across files.
        var names = root.GetProperty("properties").GetProperty("deployment").GetProperty("properties").GetProperty("fields").GetProperty("propertyNames");
        var fields = deployment.RootElement.GetProperty("$defs").GetProperty("fieldName").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);
        var question = root.GetProperty("$defs").GetProperty("question").GetProperty("properties");

        Assert.Equal("deployment-profile.schema.json#/$defs/fieldName", names.GetProperty("$ref").GetString());
        Assert.Equal(QuestionnaireReader.DeploymentFields.Keys, fields);
        Assert.Equal(Enum.GetValues<QuestionKind>().Select(QuestionnaireReader.Wire), question.GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(FactDomains.Categories, question.GetProperty("category").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
    }

    /// <summary>A kind without a descriptor would fail here first (QuestionKinds cannot be initialised), not on a respondent's page.</summary>
    [Fact]
    public void QuestionKinds_EveryKindHasADescriptorWithItsOwnWireName()
    {
        var all = QuestionKinds.All.ToList();

        Assert.Equal(Enum.GetValues<QuestionKind>(), all.Select(k => k.Kind));
        Assert.All(all, k => Assert.Equal(k.Kind, QuestionKinds.FromWire(k.Descriptor.Wire)));
        Assert.All(all, k => Assert.NotEmpty(k.Descriptor.Codes));
        Assert.Null(QuestionKinds.FromWire("numeric"));
    }

    [Theory]
    [InlineData("\"question\": \"model\"", "\"question\": \"modle\"", "sections[1].questions[1].showIf.question", "questionnairefile.noSuchQuestion", "modle")]
    [InlineData("\"anyOf\": [\"saas\"]", "\"anyOf\": [\"cloud\"]", "sections[1].questions[1].showIf.anyOf[0]", "questionnairefile.notAValueOf", "cloud", "model", "saas, self-operated")]
    [InlineData("\"forEachService\": \"tools\"", "\"forEachService\": \"count\"", "sections[1].forEachService", "questionnairefile.forEachNotServices", "count")]
    [InlineData("\"processorAgreementConcluded\": \"avv\"", "\"processorAgreementConcluded\": \"model\"", "deployment.fields.processorAgreementConcluded", "questionnairefile.mappingKind", "model", "single", "processorAgreementConcluded", "yes-no-unknown")]
    [InlineData("\"operatingModel\": \"model\"", "\"operatingModel\": \"nothing\"", "deployment.fields.operatingModel", "questionnairefile.noSuchQuestion", "nothing")]
    [InlineData("\"operatingModel\": \"model\"", "\"operatingModell\": \"model\"", "deployment.fields.operatingModell", "datafile.unknownFieldSuggest", "operatingModel")]
    [InlineData("\"id\": \"count\"", "\"id\": \"tools\"", "sections[0].questions[1].id", "questionnairefile.questionTwice", "tools")]
    [InlineData("\"type\": \"number\"", "\"type\": \"numeric\"", "sections[0].questions[1].type", "datafile.notOneOf", "single, multiple, services, yes-no-unknown, text, number, date", "\"numeric\"")]
    [InlineData("\"value\": \"self-operated\"", "\"value\": \"on-premises\"", "deployment.fields.operatingModel", "questionnairefile.mappingOption", "on-premises", "model", "operatingModel", "self-operated, external-provider, saas")]
    [InlineData("\"id\": \"count\"", "\"id\": \"Count\"", "sections[0].questions[1].id", "datafile.pattern.name", "Count")]
    public void Read_OneMistake_NamesTheFieldAndWhatIsWrong(string find, string replace, string path, string key, params string[] args)
    {
        var errors = Errors(Small(find, replace));

        var error = Assert.Single(errors, e => e.Field == path && e.Key == key);
        Assert.Equal(args, error.Args);
    }

    [Fact]
    public void Read_ConditionOnALaterQuestion_IsRefused()
    {
        var json = Small("{\"id\": \"count\", \"type\": \"number\", \"min\": 0,", "{\"id\": \"count\", \"type\": \"number\", \"min\": 0, \"showIf\": {\"question\": \"avv\", \"anyOf\": [\"yes\"]},");

        var error = Assert.Single(Errors(json));

        Assert.Equal(("sections[0].questions[1].showIf.question", "questionnairefile.conditionLater"), (error.Field, error.Key));
        Assert.Equal(["avv"], error.Args);
    }

    [Fact]
    public void Read_Malformed_SaysWhere()
    {
        var error = Assert.Single(Errors("{\"key\": "));
        Assert.Equal("datafile.malformedEnd", error.Key);
        Assert.Equal(["1", "9"], error.Args);
    }

    private static Answers A(params (string Key, string[] Values)[] pairs) =>
        new(pairs.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Values, StringComparer.Ordinal));

    private static bool InCatalogue(string id, string? category) =>
        TestData.Data.Catalog.Latest(id) is { } s && (category is null || s.Category == category);

    [Fact]
    public void Asked_ConditionsFollowTheAnswerOfTheSameService()
    {
        var q = QuestionnaireReader.Read(Encoding.UTF8.GetBytes(Small())).Value;
        var answers = A(("tools", ["zoom", "jitsi-self-operated"]), ("model@zoom", ["saas"]), ("model@jitsi-self-operated", ["self-operated"]));

        var asked = SurveyForm.Asked(q, answers).Where(a => a.Question.Id == "avv").ToDictionary(a => a.ServiceKey!, a => a.Visible);

        Assert.True(asked["zoom"]);
        Assert.False(asked["jitsi-self-operated"]);
    }

    [Fact]
    public void Clean_DropsAnswersOfHiddenQuestionsAndUnpickedServices()
    {
        var q = QuestionnaireReader.Read(Encoding.UTF8.GetBytes(Small())).Value;
        var answers = A(("tools", ["zoom"]), ("model@zoom", ["self-operated"]), ("avv@zoom", ["yes"]), ("model@webex", ["saas"]), ("count", ["  "]));

        var clean = SurveyForm.Clean(q, answers);

        Assert.Equal(["model@zoom", "tools"], clean.Values.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("count", "zwölf", "not-a-number")]
    [InlineData("count", "1.500", "ambiguous-number")]
    [InlineData("count", "12,000", "ambiguous-number")]
    [InlineData("count", "1.5.0", "not-a-number")]
    [InlineData("count", "1.50.000", "not-a-number")]
    [InlineData("count", "-1", "below-min")]
    [InlineData("model@zoom", "cloud", "not-an-option")]
    [InlineData("avv@zoom", "vielleicht", "not-an-option")]
    [InlineData("tools.other", "", "other-missing")]
    [InlineData("nonsense", "1", "unknown-question")]
    public void Check_WrongValue_GivesItsCode(string key, string value, string code)
    {
        var q = QuestionnaireReader.Read(Encoding.UTF8.GetBytes(Small())).Value;
        var pairs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["tools"] = key == "tools.other" ? ["zoom", "other"] : ["zoom"],
            ["model@zoom"] = ["saas"],
        };
        pairs[key] = [value];

        var errors = SurveyForm.Check(q, SurveyForm.Clean(q, new Answers(pairs)), InCatalogue, complete: false);

        var error = Assert.Single(errors);
        Assert.Equal(key, error.Key);
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("1500", "1500")]
    [InlineData(" 1 500 ", "1500")]
    [InlineData("1\u202F500", "1500")]
    [InlineData("1.500.000", "1500000")]
    [InlineData("1,500,000", "1500000")]
    [InlineData("1.500,5", "1500.5")]
    [InlineData("1,500.5", "1500.5")]
    [InlineData("12,5", "12.5")]
    [InlineData("12.5", "12.5")]
    [InlineData("0,500", "0.5")]
    [InlineData("1234.567", "1234.567")]
    [InlineData("0001.500", "1.5")]
    [InlineData("1 500,25", "1500.25")]
    [InlineData("1.2340", "1.2340")]
    [InlineData("-7", "-7")]
    public void ParseNumber_GermanOrEnglishNotation_IsReadAsMeant(string typed, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SurveyForm.ParseNumber(typed));
        Assert.Equal(expected, SurveyForm.CanonicalNumber(typed));
        // What is stored reads back as the same number, and is never itself ambiguous.
        Assert.Equal(SurveyForm.ParseNumber(typed), SurveyForm.ParseNumber(SurveyForm.CanonicalNumber(typed)));
    }

    [Theory]
    [InlineData("1 5")]
    [InlineData("12 34")]
    [InlineData("1 500 00")]
    [InlineData("1.500 000")]
    public void ParseNumber_SpacesOutsideThousandsGroups_AreNoNumber(string typed)
    {
        Assert.Null(SurveyForm.ParseNumber(typed));
        Assert.False(SurveyForm.IsAmbiguousNumber(typed));
    }

    [Theory]
    [InlineData("1.500")]
    [InlineData("1,500")]
    [InlineData("-12.000")]
    [InlineData("999,999")]
    public void ParseNumber_OneSeparatorBeforeThreeDigits_IsAmbiguous_AndRefused(string typed)
    {
        Assert.Null(SurveyForm.ParseNumber(typed));
        Assert.True(SurveyForm.IsAmbiguousNumber(typed));
    }

    [Fact]
    public void Clean_StoresNumbersInOneNotation()
    {
        var q = QuestionnaireReader.Read(Encoding.UTF8.GetBytes(Small())).Value;

        var clean = SurveyForm.Clean(q, A(("tools", ["zoom"]), ("count", ["1.500.000"])));

        Assert.Equal(["1500000"], clean.Get("count"));
    }

    [Fact]
    public void Check_Complete_RequiresOnlyShownQuestions()
    {
        var q = QuestionnaireReader.Read(Encoding.UTF8.GetBytes(Small())).Value;
        var answers = A(("tools", ["zoom", "jitsi-self-operated"]), ("model@zoom", ["saas"]), ("model@jitsi-self-operated", ["self-operated"]));

        var errors = SurveyForm.Check(q, answers, InCatalogue, complete: true);

        Assert.Equal(["avv@zoom"], errors.Select(e => e.Key));
        Assert.All(errors, e => Assert.Equal("required", e.Code));
        Assert.Empty(SurveyForm.Check(q, answers, InCatalogue, complete: false));
    }

    [Fact]
    public void Check_ServiceOfAnotherCategory_IsRefused()
    {
        var errors = SurveyForm.Check(Video, A(("usesVideo", ["yes"]), ("services", ["libreoffice"])), InCatalogue, complete: false);

        Assert.Equal(("services", "unknown-service"), (Assert.Single(errors).Key, errors[0].Code));
    }

    // Answers the processor agreement even where it is hidden, which cleaning then drops.
    private static Answers GoodUse(string service, string model) =>
        A([.. SurveyAnswers.For(service, null, ("operatingModel", model), ("processorAgreement", "yes"))]);

    private static readonly Aufsicht.Core.Catalog.Body Municipality = new("b1", "Gemeinde Beispiel", "municipality", true, "MV");

    [Fact]
    public void Deployments_MapEachPickedServiceWithItsOwnAnswers()
    {
        var answers = GoodUse("jitsi-self-operated", "self-operated");

        var (key, other, profile) = Assert.Single(SurveyEvaluation.Deployments(Video, SurveyForm.Clean(Video, answers), Municipality));

        Assert.Equal("jitsi-self-operated", key);
        Assert.Null(other);
        Assert.Equal("self-operated", profile.OperatingModel);
        Assert.Equal(["employees"], profile.DataSubjects);
        Assert.Null(profile.ProcessorAgreementConcluded); // hidden for self-operated, so not taken over
        Assert.Equal(new Aufsicht.Core.Catalog.Safeguards(false, true, true, true), profile.Safeguards);
    }

    [Fact]
    public void Evaluate_WellRunSelfOperatedJitsi_IsCompliant()
    {
        var date = TestData.D("2026-11-01");
        var result = SurveyEvaluation.Evaluate(TestData.CatalogAssessor, Video, SurveyForm.Clean(Video, GoodUse("jitsi-self-operated", "self-operated")),
            Municipality, date, TestData.Default(date), _ => null);

        Assert.Equal(Compliance.Compliant, result.Compliance);
        Assert.Equal(Verdict.Green, Assert.Single(result.Services).Verdict);
        Assert.Empty(result.MainFindings());
    }

    [Fact]
    public void Evaluate_ZoomOnline_IsDeficientWithTheServiceFindings()
    {
        var date = TestData.D("2020-07-03");
        var result = SurveyEvaluation.Evaluate(TestData.CatalogAssessor, Video, SurveyForm.Clean(Video, GoodUse("zoom", "saas")),
            Municipality, date, TestData.Default(date), _ => null);

        Assert.Equal(Compliance.Deficient, result.Compliance);
        Assert.Equal(Verdict.Red, Assert.Single(result.Services).Verdict);
        Assert.Contains(result.MainFindings(), c => c.StartsWith('L'));
    }

    [Fact]
    public void Evaluate_OtherServiceNotYetLinked_IsUnclearUntilLinked()
    {
        var date = TestData.D("2026-11-01");
        var answers = GoodUse("other", "self-operated");
        answers = new Answers(answers.Values.Append(KeyValuePair.Create("services.other", (IReadOnlyList<string>)["Unser Jitsi"])).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        var clean = SurveyForm.Clean(Video, answers);

        var pending = SurveyEvaluation.Evaluate(TestData.CatalogAssessor, Video, clean, Municipality, date, TestData.Default(date), _ => null);
        var linked = SurveyEvaluation.Evaluate(TestData.CatalogAssessor, Video, clean, Municipality, date, TestData.Default(date),
            text => text == "Unser Jitsi" ? "jitsi-self-operated" : null);

        Assert.Equal(Compliance.Unclear, pending.Compliance);
        Assert.Equal("Unser Jitsi", Assert.Single(pending.Services).OtherText);
        Assert.Equal(Compliance.Compliant, linked.Compliance);
        Assert.Equal("jitsi-self-operated", Assert.Single(linked.Services).ServiceId);
    }

    [Fact]
    public void Evaluate_NoVideoConferencing_IsCompliant()
    {
        var date = TestData.D("2026-11-01");
        var result = SurveyEvaluation.Evaluate(TestData.CatalogAssessor, Video, A(("usesVideo", ["no"])), Municipality, date, TestData.Default(date), _ => null);

        Assert.Equal(Compliance.Compliant, result.Compliance);
        Assert.Empty(result.Services);
    }
}
