using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Assessment;

/// <summary>
/// The assessment engine (domain/assessment.md §2): pure functions of the facts, the as-of date and the authority
/// profile. Same inputs, same output; nothing here reads a clock, a file or the network.
/// </summary>
public sealed partial class Assessor
{
    private readonly CriteriaCatalog _criteria;
    private readonly LegalCalendar _law;

    // Findings are immutable values; the few thousand distinct ones are made once, so a survey of 100,000 answers
    // allocates none and the output writer can cache each one's JSON by reference.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string?, string?), Finding> _findings = new();

    public Assessor(CriteriaCatalog criteria, LegalCalendar law)
    {
        _criteria = criteria;
        _law = law;
    }

    public CriteriaCatalog Criteria => _criteria;

    public LegalCalendar Law => _law;

    /// <summary>Assesses a service snapshot on <paramref name="asOf"/> for a protection need (the default assessment assumes "normal").</summary>
    public ServiceAssessment AssessService(ServiceProfile service, DateOnly asOf, AuthorityProfile authority, string protectionNeed = "normal")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(authority);
        var findings = new List<Finding>(40);
        var providerProcesses = service.ProviderReceivesPersonalData;

        foreach (var (path, criterion) in FactDomains.CriterionOf)
        {
            if (!path.StartsWith("contract.", StringComparison.Ordinal))
            {
                continue;
            }

            findings.Add(providerProcesses == false
                ? Make(criterion, "no-provider-processing")
                : FromValue(criterion, path, service.Fact(path)));
        }

        AssessTransfers(service, asOf, authority, protectionNeed, providerProcesses, findings);
        var legal = Levels.Aggregate(findings.Select(f => f.Level));

        var gated = authority.GateTechnical && legal != Verdict.Green;
        var technicalStart = findings.Count;
        foreach (var (path, criterion) in FactDomains.CriterionOf)
        {
            if (!path.StartsWith("technical.", StringComparison.Ordinal))
            {
                continue;
            }

            if (gated)
            {
                findings.Add(Make(criterion, "gated", "stage", "legal"));
            }
            else if (!_criteria.Applies(criterion, service.Category))
            {
                findings.Add(Make(criterion, "not-applicable"));
            }
            else if (criterion == "TE02")
            {
                findings.Add(EndToEnd(service, protectionNeed));
            }
            else
            {
                findings.Add(FromValue(criterion, path, service.Fact(path)));
            }
        }

        var technical = gated ? Verdict.NotAssessed : Levels.Aggregate(findings.Skip(technicalStart).Select(f => f.Level));
        return new ServiceAssessment(service.Id, service.Names, asOf, authority, protectionNeed, legal, technical, findings);
    }

    /// <summary>
    /// Assesses one body's use. <paramref name="serviceAtNeed"/> is the service assessed at the deployment's protection
    /// need (see <see cref="AssessService"/>); callers that assess many deployments reuse it.
    /// </summary>
    public DeploymentAssessment AssessDeployment(ServiceProfile service, ServiceAssessment serviceAtNeed, DeploymentProfile deployment)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(serviceAtNeed);
        ArgumentNullException.ThrowIfNull(deployment);
        // In the order of the report; a new criterion of the use is one more line.
        var findings = new List<Finding>(8)
        {
            ContractSetUp(service, deployment),
            LegalBasis(deployment),
            FromValue("U03", "participantsInformed", deployment.ParticipantsInformed),
            FromValue("U04", "recordOfProcessing", Wire(deployment.RecordOfProcessing)),
            Dpia(deployment),
            Safeguards(service, deployment),
        };
        if (deployment.ProtectionNeed != "normal")
        {
            // A protection need above normal raises the technical requirements: TE02 as assessed at that need counts.
            findings.Add(FindCriterion(serviceAtNeed.Findings, "TE02"));
        }

        var worst = serviceAtNeed.Verdict;
        foreach (var finding in findings)
        {
            worst = Worse(worst, finding.Level);
        }

        return new DeploymentAssessment(worst, findings);
    }

    /// <summary>The whole assessment of domain/assessment.md: the service on the date, and, if given, one body's use of it.</summary>
    public (ServiceAssessment Service, DeploymentAssessment? Deployment) Assess(
        ServiceProfile service, DeploymentProfile? deployment, DateOnly asOf, AuthorityProfile authority)
    {
        var atNormal = AssessService(service, asOf, authority);
        if (deployment is null)
        {
            return (atNormal, null);
        }

        var atNeed = deployment.ProtectionNeed == "normal" ? atNormal : AssessService(service, asOf, authority, deployment.ProtectionNeed);
        return (atNormal, AssessDeployment(service, atNeed, deployment));
    }

    internal Finding Make(string criterion, string reason) =>
        _findings.GetOrAdd((criterion, reason, null, null), k => new(k.Item1, _criteria.Reason(k.Item1, k.Item2).Level, k.Item2, Finding.NoArgs));

    internal Finding Make(string criterion, string reason, string key, string value) =>
        _findings.GetOrAdd((criterion, reason, key, value), k => new(k.Item1, _criteria.Reason(k.Item1, k.Item2).Level, k.Item2, [new(k.Item3!, k.Item4!)]));

    private Finding Unknown(string criterion, string fact) => Make(criterion, "unknown", "fact", fact);

    /// <summary>A criterion whose reasons are the values of one fact, as listed in the criteria catalogue.</summary>
    private Finding FromValue(string criterion, string path, string value) => value switch
    {
        FactDomains.Unknown => Unknown(criterion, path),
        FactDomains.NotApplicable => Make(criterion, "not-applicable"),
        _ => Make(criterion, value),
    };

    private static string Wire(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => FactDomains.Unknown,
    };

    private static Verdict Worse(Verdict verdict, Level level) =>
        level == Level.Note || ((Verdict)(int)level).Severity() <= verdict.Severity() ? verdict : (Verdict)(int)level;

    private static Finding FindCriterion(IReadOnlyList<Finding> findings, string criterion)
    {
        foreach (var finding in findings)
        {
            if (finding.Criterion == criterion)
            {
                return finding;
            }
        }

        throw new InvalidOperationException($"No finding for {criterion}.");
    }

    private static bool AboveNormal(string protectionNeed) => protectionNeed is "high" or "very-high";

    /// <summary>TE02: E2EE. Without it, a self-operated service or an EEA provider that cannot read content is still fine; otherwise yellow, red above normal need.</summary>
    private Finding EndToEnd(ServiceProfile service, string protectionNeed)
    {
        var value = service.Fact("technical.e2ee");
        if (value != "none")
        {
            return FromValue("TE02", "technical.e2ee", value);
        }

        var cannotRead = service.OperatingModel == "self-operated"
            || (service.ProviderCanReadContent == false && _law.IsEea(service.Provider.Seat));
        if (cannotRead && protectionNeed != "very-high")
        {
            return Make("TE02", "none-but-no-clear-text");
        }

        return Make("TE02", AboveNormal(protectionNeed) ? "none-high-need" : "none");
    }
}
