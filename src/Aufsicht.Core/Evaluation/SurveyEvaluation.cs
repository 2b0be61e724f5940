using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;

namespace Aufsicht.Core.Evaluation;

/// <summary>Where a body stands after its answers are assessed.</summary>
public enum Compliance
{
    /// <summary>Every service it uses is green as it uses it.</summary>
    Compliant,

    /// <summary>Some service it uses is red or yellow as it uses it.</summary>
    Deficient,

    /// <summary>Nothing red or yellow, but something not assessable: an unknown answer, or a service named in free text not yet linked to the catalogue.</summary>
    Unclear,
}

/// <summary>One service a body uses: the catalogue id (null while a free-text name awaits its link), its deployment verdict and the findings behind it.</summary>
public sealed record ServiceOutcome(string Key, string? ServiceId, string? OtherText, Verdict Verdict, IReadOnlyList<Finding> Findings);

/// <summary>A body's evaluation: its standing and the outcome per service.</summary>
public sealed record BodyEvaluation(Compliance Compliance, IReadOnlyList<ServiceOutcome> Services)
{
    /// <summary>The criteria of the red, then yellow findings, each once: what a list of deficient bodies shows.</summary>
    public IReadOnlyList<string> MainFindings() =>
        Services.SelectMany(s => s.Findings)
            .Where(f => f.Level is Level.Red or Level.Yellow)
            .OrderBy(f => f.Level == Level.Red ? 0 : 1)
            .Select(f => f.Criterion)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}

/// <summary>
/// Turns a submission into deployment profiles (one per picked service, by the questionnaire's mapping) and assesses
/// each with the engine.
/// </summary>
public static class SurveyEvaluation
{
    /// <summary>The deployment profile of each picked service; for "other" the profile names no service yet.</summary>
    public static IReadOnlyList<(string Key, string? OtherText, DeploymentProfile Profile)> Deployments(Questionnaire questionnaire, Answers answers, Body body)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        var mapping = questionnaire.Mapping;
        var result = new List<(string, string?, DeploymentProfile)>();
        foreach (var key in SurveyForm.Picked(answers, mapping.ServicesQuestion))
        {
            var other = key == Answers.Other ? answers.One(Answers.OtherKey(mapping.ServicesQuestion)) : null;
            IReadOnlyList<string> Values(string field)
            {
                if (!mapping.Fields.TryGetValue(field, out var question))
                {
                    return [];
                }

                var perService = questionnaire.Find(question)?.Section.ForEachService is not null;
                return answers.Get(Answers.Key(question, perService ? key : null));
            }

            string Choice(string field)
            {
                var values = Values(field);
                return values.Count == 1 ? values[0] : FactDomains.Unknown;
            }

            bool? YesNo(string field) => Choice(field) switch
            {
                "yes" => true,
                "no" => false,
                _ => null,
            };

            // Values the respondent could not know ("unknown" options) are no list entries.
            IReadOnlyList<string> List(string field) => Values(field).Where(v => v != FactDomains.Unknown).ToArray();

            var profile = DeploymentFields.Unknown(null, key == Answers.Other ? string.Empty : key, body);
            foreach (var field in DeploymentFields.All)
            {
                profile = field.Set(profile, field.Shape switch
                {
                    FieldShape.OneOf => Choice(field.Name),
                    FieldShape.YesNoUnknown => YesNo(field.Name),
                    _ => List(field.Name),
                });
            }

            result.Add((key, other, profile));
        }

        return result;
    }

    /// <summary>
    /// Assesses a submission. <paramref name="linkOther"/> gives the catalogue id a supervisor linked a free-text name
    /// to, or null while none is linked. A protection need the body did not state is taken as normal for the
    /// service stage (the deployment stage still reports it as unknown).
    /// </summary>
    public static BodyEvaluation Evaluate(
        CatalogAssessor assessor, Questionnaire questionnaire, Answers answers, Body body, DateOnly asOf, AuthorityProfile authority, Func<string, string?> linkOther)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(linkOther);
        var outcomes = new List<ServiceOutcome>();
        foreach (var (key, otherText, profile) in Deployments(questionnaire, answers, body))
        {
            var serviceId = key == Answers.Other ? (otherText is null ? null : linkOther(otherText)) : key;
            if (serviceId is null)
            {
                outcomes.Add(new ServiceOutcome(key, null, otherText, Verdict.NotAssessed, []));
                continue;
            }

            var service = assessor.Catalog.SnapshotOn(serviceId, asOf);
            if (service is null)
            {
                outcomes.Add(new ServiceOutcome(key, serviceId, otherText, Verdict.NotAssessed, assessor.Unknown(serviceId, asOf, authority).Findings));
                continue;
            }

            var deployment = profile with { Service = serviceId, ProtectionNeed = profile.ProtectionNeed == FactDomains.Unknown ? "normal" : profile.ProtectionNeed };
            var (_, atNeed, use) = assessor.AssessUse(service, deployment, asOf, authority);
            // The service's own red and yellow findings belong to the body's reasons as much as its use does.
            var findings = atNeed.Findings.Where(f => f.Level is Level.Red or Level.Yellow or Level.NotAssessed)
                .Concat(use.Findings.Where(f => f.Level is not (Level.Green or Level.Note) && f.Criterion != "TE02"))
                .ToArray();
            var verdict = profile.ProtectionNeed == FactDomains.Unknown ? Worse(use.Verdict, Verdict.NotAssessed) : use.Verdict;
            outcomes.Add(new ServiceOutcome(key, serviceId, otherText, verdict, findings));
        }

        return new BodyEvaluation(Standing(outcomes), outcomes);
    }

    private static Compliance Standing(IReadOnlyList<ServiceOutcome> outcomes)
    {
        // A red finding makes a body deficient even where another answer is unknown (the engine's verdict is then not-assessed).
        if (outcomes.Any(o => o.Verdict is Verdict.Red or Verdict.Yellow || o.Findings.Any(f => f.Level is Level.Red or Level.Yellow)))
        {
            return Compliance.Deficient;
        }

        return outcomes.All(o => o.Verdict == Verdict.Green) ? Compliance.Compliant : Compliance.Unclear;
    }

    private static Verdict Worse(Verdict a, Verdict b) => (Verdict)Math.Max((int)a, (int)b);
}
