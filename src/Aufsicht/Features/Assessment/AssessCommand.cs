using Aufsicht.Cli;
using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Assessment;

/// <summary><c>aufsicht assess service &lt;id|file.json&gt; [--deployment f] [--as-of D] [--authority ID] [--format json|text]</c>.</summary>
internal static class AssessCommand
{
    public const string Usage = "aufsicht assess service <id|file.json> [--deployment file.json] [--as-of YYYY-MM-DD] [--authority ID] [--format json|text] [--data DIR]";

    public static int Run(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("assess service", args, ["--deployment", "--as-of", "--authority", "--format", "--data"], [], context.Language);
        a.ExpectPositional(1, 1, Usage);
        var format = a.Choice("--format", context.DefaultFormat, "json", "text");
        var (data, asOf, authority) = DataFolder.View(a, context);

        var target = a.Positional[0];
        ServiceProfile? service;
        var fromFile = target.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(target);
        if (fromFile)
        {
            var read = ProfileReader.ReadService(DataFolder.ReadInput(target, context.Language));
            service = read.IsOk ? read.Value : throw Invalid(target, read.Errors, context.Language);
        }
        else
        {
            RequireService(data.Catalog, target, "assess service", context.Language);
            service = data.Catalog.SnapshotOn(target, asOf);
        }

        DeploymentProfile? deployment = null;
        if (a.Option("--deployment") is { } deploymentFile)
        {
            var read = ProfileReader.ReadDeployment(DataFolder.ReadInput(deploymentFile, context.Language));
            deployment = read.IsOk ? read.Value : throw Invalid(deploymentFile, read.Errors, context.Language);
            if (deployment.Service != (service?.Id ?? target))
            {
                throw new InputException(Features.Texts.T(context.Language, "cli.service.mismatch", deploymentFile, deployment.Service, service?.Id ?? target));
            }
        }

        var assessor = new CatalogAssessor(new Assessor(data.Criteria, data.Law), data.Catalog);
        CatalogAssessment result;
        if (service is null)
        {
            // The catalogue knows the service, but has no facts on it yet on that date.
            var unknown = assessor.Unknown(target, asOf, authority);
            result = new CatalogAssessment(unknown, deployment is null ? null : new DeploymentAssessment(Verdict.NotAssessed, []), [], assessor.DecisionsOn(target));
        }
        else
        {
            result = assessor.Assess(service, deployment, asOf, authority);
        }

        var json = new AssessmentJson(new FindingText(data.Criteria));
        if (format == "json")
        {
            return context.WriteJson(w => json.Write(w, result, data.Catalog, service?.FactsAsOf));
        }

        AssessmentText.Write(context.Terminal, result, service, data, context.Language);
        return ExitCode.Ok;
    }

    public static void RequireService(ServiceCatalog catalog, string id, string command, Language language)
    {
        if (catalog.Contains(id))
        {
            return;
        }

        var ids = catalog.ServiceIds.ToArray();
        var suggestion = ids.Where(x => x.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(x, StringComparison.OrdinalIgnoreCase)).Take(5).ToArray();
        throw new InputException(Features.Texts.T(language, "cli.service.unknown", command, id)
            + (suggestion.Length > 0 ? Features.Texts.T(language, "cli.service.didYouMean", string.Join(", ", suggestion)) : Features.Texts.T(language, "cli.service.seeList")));
    }

    public static InputException Invalid(string file, IReadOnlyList<Aufsicht.Core.Error> errors, Language language) =>
        new(errors.Count == 1
            ? $"{file}: {CliFailures.Line(errors[0], language)}"
            : Features.Texts.T(language, "cli.problems", file, errors.Count) + "\n  " + string.Join("\n  ", errors.Select(e => CliFailures.Line(e, language))));
}
