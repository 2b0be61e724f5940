using System.Text.Json;
using Aufsicht.Cli;
using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Json.Schema;

namespace Aufsicht.Features.Catalog;

/// <summary>
/// <c>aufsicht catalog validate [file.json ...]</c>: every data file against its JSON Schema, then the references
/// between files, then "every known fact has a source"; each questionnaire is also read, which checks its conditions
/// and deployment mapping. With files named, validates those as service or deployment profiles or questionnaires.
/// Also reports, for information, where the engine and a published decision disagree.
/// </summary>
internal static class CatalogValidator
{
    public const string QuestionnairesFolder = "questionnaires/";

    public static int Run(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("catalog validate", args, ["--data"], [], context.Language);
        var folder = DataFolder.Locate(a.Option("--data"), context.Language);
        var schemas = new SchemaSet(Path.Combine(folder, "schemas"));
        var output = context.Terminal.Writer;
        return a.Positional.Count > 0
            ? ValidateFiles(a.Positional, schemas, output, context.Error, context.Language)
            : ValidateCatalogue(folder, schemas, output, context.Error, context.Language, context.Today);
    }

    private static int ValidateFiles(IEnumerable<string> files, SchemaSet schemas, TextWriter output, TextWriter error, Language language)
    {
        string Line(Core.Error e) => CliFailures.Line(e, language);

        var failed = 0;
        foreach (var file in files)
        {
            var bytes = DataFolder.ReadInput(file, language);
            var parsed = ProfileReader.ParseDocument(bytes);
            if (!parsed.IsOk)
            {
                error.WriteLine($"{file}: {Line(parsed.Errors[0])}");
                failed++;
                continue;
            }

            using var document = parsed.Value;
            var root = document.RootElement;
            // What a file is, by a field only that kind has: a questionnaire has sections, a deployment profile a body.
            var kind = root.ValueKind != JsonValueKind.Object ? "service"
                : root.TryGetProperty("sections", out _) ? "questionnaire"
                : root.TryGetProperty("body", out _) ? "deployment"
                : "service";
            var problems = schemas.Validate(kind == "questionnaire" ? kind : kind + "-profile", root).ToList();
            if (kind == "questionnaire")
            {
                problems.AddRange(QuestionnaireReader.Read(root).Errors.Select(Line));
            }
            else if (kind == "deployment")
            {
                problems.AddRange(ProfileReader.ReadDeployment(document.RootElement).Errors.Select(Line));
            }
            else
            {
                var read = ProfileReader.ReadService(document.RootElement);
                problems.AddRange(read.Errors.Select(Line));
                if (read.IsOk)
                {
                    problems.AddRange(SourceCoverage.Uncovered(read.Value).Select(p => Line(Core.Error.Invalid(p, "datafile.unsourced"))));
                }
            }

            foreach (var problem in problems.Distinct())
            {
                error.WriteLine($"{file}: {problem}");
            }

            if (problems.Count == 0)
            {
                output.WriteLine(Texts.T(language, "cli.validate." + kind, file));
            }
            else
            {
                failed++;
            }
        }

        return failed == 0 ? ExitCode.Ok : ExitCode.InvalidInput;
    }

    private static int ValidateCatalogue(string folder, SchemaSet schemas, TextWriter output, TextWriter error, Language language, DateOnly today)
    {
        string Line(Core.Error e) => CliFailures.Line(e, language);

        var files = DataFolder.Files(folder);
        var problems = new List<string>();
        var questionnaires = 0;
        foreach (var file in files)
        {
            var schema = SchemaSet.SchemaFor(file.Path);
            if (schema is null)
            {
                problems.Add(Line(Core.Error.Invalid(file.Path, "datafile.noSchema")));
                continue;
            }

            var parsed = ProfileReader.ParseDocument(file.Content);
            if (!parsed.IsOk)
            {
                problems.Add($"{file.Path}: {Line(parsed.Errors[0])}");
                continue;
            }

            using var document = parsed.Value;
            problems.AddRange(schemas.Validate(schema, document.RootElement).Select(p => $"{file.Path}: {p}"));
            if (schema == "questionnaire")
            {
                // What the schema cannot see: conditions to earlier questions, the deployment mapping, unique ids.
                var questionnaire = QuestionnaireReader.Read(document.RootElement);
                problems.AddRange(questionnaire.Errors.Select(e => $"{file.Path}: {Line(e)}"));
                if (questionnaire.IsOk)
                {
                    questionnaires++;
                    var expected = $"{QuestionnairesFolder}{questionnaire.Value.Key}.json";
                    if (file.Path != expected)
                    {
                        problems.Add(Line(Core.Error.Invalid(file.Path, "datafile.questionnairePath", questionnaire.Value.Key, expected)));
                    }
                }
            }
        }

        var read = DataReader.Read(files);
        problems.AddRange(read.Errors.Select(Line));
        // Apart from the other problems, so that the summary and the decisions still show when only passages are missing.
        var unquoted = new List<string>();
        if (read.IsOk)
        {
            var data = read.Value;
            foreach (var id in data.Catalog.ServiceIds)
            {
                foreach (var snapshot in data.Catalog.History(id))
                {
                    var snapshotFile = $"services/{id}/{AssessmentJson(snapshot.FactsAsOf)}.json";
                    problems.AddRange(SourceCoverage.Uncovered(snapshot).Select(p => Line(Core.Error.Invalid($"{snapshotFile}: {p}", "datafile.unsourced"))));
                    problems.AddRange(SourceCoverage.Inapplicable(snapshot, data.Criteria).Select(p => Line(Core.Error.Invalid($"{snapshotFile}: {p}", "datafile.inapplicable", Texts.T(language, "category." + snapshot.Category)))));
                    problems.AddRange(SourceCoverage.NotCitable(snapshot.Sources).Select(url => Line(Core.Error.Invalid(snapshotFile, "datafile.notCitable", url))));
                    unquoted.AddRange(SourceCoverage.WithoutPassage(snapshot).Select(p => Line(Core.Error.Invalid($"{snapshotFile}: {p}", "datafile.noPassage"))));
                }
            }

            // The decisions and alternatives cite their sources as the snapshots do.
            problems.AddRange(data.Catalog.Decisions.SelectMany(d => SourceCoverage.NotCitable(d.Sources).Select(url => Line(Core.Error.Invalid(d.Id, "datafile.notCitable", url)))));
            problems.AddRange(data.Catalog.Alternatives.SelectMany(a => SourceCoverage.NotCitable(a.Sources).Select(url => Line(Core.Error.Invalid(a.Service, "datafile.notCitable", url)))));

            var assessor = new CatalogAssessor(new Assessor(data.Criteria, data.Law), data.Catalog);
            var checks = data.Catalog.ServiceIds.SelectMany(assessor.DecisionsOn).ToList();
            var disagreements = checks.Where(c => !c.Agrees).ToList();
            if (problems.Count == 0)
            {
                var snapshots = data.Catalog.ServiceIds.Sum(id => data.Catalog.History(id).Count);
                var categories = data.Catalog.ServiceIds.Select(id => data.Catalog.Latest(id)!.Category).Distinct().Count();
                output.WriteLine(Texts.T(
                    language,
                    "cli.validate.catalogue",
                    data.Catalog.ServiceIds.Count(),
                    categories,
                    snapshots,
                    data.Criteria.All.Count,
                    data.Catalog.Authorities.Count(),
                    data.Catalog.Decisions.Count,
                    data.Catalog.Alternatives.Count,
                    Texts.T(language, questionnaires == 1 ? "cli.validate.questionnaires.one" : "cli.validate.questionnaires.many", questionnaires)));
                output.WriteLine(Texts.T(language, "cli.validate.decisions", checks.Count - disagreements.Count, checks.Count));
                foreach (var d in disagreements)
                {
                    output.WriteLine(Texts.T(language, "cli.validate.disagrees", d.Decision.Id, Terminal.Label(d.Decision.Verdict.WireName(), language), Terminal.Label(d.Engine.WireName(), language)));
                }

                Evidence(CatalogEvidence.Count(assessor, data.Law, today), data.Catalog, today, output, language);
            }
        }

        problems.AddRange(unquoted);

        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }

        if (problems.Count > 0)
        {
            error.WriteLine(Texts.T(language, "cli.validate.invalid", problems.Count));
            return ExitCode.InvalidInput;
        }

        return ExitCode.Ok;
    }

    private static string AssessmentJson(DateOnly date) => Features.Assessment.AssessmentJson.Date(date);

    /// <summary>What the verdicts rest on: passages, inferences, the technical stage, facts older than the law.</summary>
    private static void Evidence(EvidenceCounts counts, ServiceCatalog catalog, DateOnly today, TextWriter output, Language language)
    {
        string N(int n) => Documents.ReportFormat.Number(n, language);
        output.WriteLine(Texts.T(language, "cli.validate.passages", N(counts.KnownFacts), N(counts.WithPassage), N(counts.WithoutPassage), N(counts.Inferred)));
        output.WriteLine(Texts.T(language, "cli.validate.technical", N(counts.TechnicalAssessed), N(counts.Services), catalog.DefaultAuthority.Abbreviation, FindingText.Date(today, language)));
        output.WriteLine(Texts.T(language, "cli.validate.predating", N(counts.Predating.Count),
            string.Join(", ", counts.Predating.Select(id => catalog.Latest(id)!.Names.In(language)))));
    }

    /// <summary>The schemas shipped in <c>data/schemas/</c>, loaded once.</summary>
    private sealed class SchemaSet(string folder)
    {
        /// <summary>The schema each one refers to in another file (<c>$ref</c> to its <c>$id</c>).</summary>
        private static readonly Dictionary<string, string> References = new(StringComparer.Ordinal) { ["questionnaire"] = "deployment-profile" };

        private readonly Dictionary<string, JsonSchema> _loaded = new(StringComparer.Ordinal);
        private SchemaRegistry? _registry;

        public static string? SchemaFor(string path) => path switch
        {
            _ when path.StartsWith(DataReader.ServicesFolder, StringComparison.Ordinal) => "service-profile",
            _ when path.StartsWith(DataReader.DecisionsFolder, StringComparison.Ordinal) => "decisions",
            DataReader.CriteriaFile => "criteria",
            DataReader.EventsFile => "legal-events",
            DataReader.AdequacyFile => "adequacy",
            DataReader.AuthoritiesFile => "authorities",
            DataReader.AlternativesFile => "alternatives",
            Core.Deadlines.NotificationRules.File => "notification",
            Deadlines.LandHolidays.SourcedFile => "holidays",
            Core.Enforcement.JurisdictionReader.File => "jurisdictions",
            Core.Fines.FineMethodReader.File => "fine-methods",
            Core.Measures.MeasureRulesReader.File => "measures",
            Core.Migration.MigrationDataReader.ProductsFile => "migration-products",
            Core.Migration.MigrationDataReader.TargetsFile => "migration-targets",
            Core.Migration.MigrationDataReader.ParametersFile => "migration-parameters",
            Core.Migration.MigrationDataReader.ChecksFile => "migration-checks",
            _ when path.StartsWith(QuestionnairesFolder, StringComparison.Ordinal) => "questionnaire",
            _ => null,
        };

        public IEnumerable<string> Validate(string name, JsonElement instance)
        {
            if (!_loaded.TryGetValue(name, out var schema))
            {
                schema = Load(name);
            }

            var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            foreach (var failed in Failures(result))
            {
                foreach (var (keyword, message) in failed.Errors!)
                {
                    var at = failed.InstanceLocation.ToString();
                    // A false schema ("properties": {"x": false}) fails without a keyword of its own.
                    yield return $"{(at.Length == 0 ? "/" : at)}: {message} (schema {name}, {(keyword.Length == 0 ? "false" : keyword)})";
                }
            }
        }

        private JsonSchema Load(string name)
        {
            // A registry of the set's own: the global one refuses a second schema with the same $id (a second
            // validation in one process). A schema another one refers to is registered first: the questionnaire
            // takes its deployment field names from the deployment profile's.
            _registry ??= new SchemaRegistry();
            if (References.TryGetValue(name, out var referenced) && !_loaded.ContainsKey(referenced))
            {
                Load(referenced);
            }

            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, name + ".schema.json")), new BuildOptions { SchemaRegistry = _registry });
            _loaded[name] = schema;
            return schema;
        }

        /// <summary>
        /// The results that make the instance invalid: only below invalid results (the failed branch of a oneOf that
        /// holds is no problem), and never an <c>if</c>, whose failing only chooses the <c>else</c>.
        /// </summary>
        private static IEnumerable<EvaluationResults> Failures(EvaluationResults result)
        {
            if (result.IsValid || result.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
            {
                yield break;
            }

            if (result.Errors is { Count: > 0 })
            {
                yield return result;
            }

            foreach (var detail in result.Details ?? [])
            {
                foreach (var failed in Failures(detail))
                {
                    yield return failed;
                }
            }
        }
    }
}
