using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Assessment;

/// <summary>A published decision beside the engine's verdict on the same facts, date and authority view.</summary>
public sealed record DecisionCheck(PublishedDecision Decision, Verdict Engine)
{
    public bool Agrees => Engine == Decision.Verdict;
}

/// <summary>An assessment of a catalogue service with everything around it: alternatives and published decisions.</summary>
public sealed record CatalogAssessment(
    ServiceAssessment Service,
    DeploymentAssessment? Deployment,
    IReadOnlyList<string> Alternatives,
    IReadOnlyList<DecisionCheck> Decisions);

/// <summary>
/// Assesses services of the catalogue: picks the snapshot valid on the date, proposes alternatives for anything not
/// green, and sets published decisions beside the engine's verdict. Service verdicts are memoised per
/// (snapshot, date, authority view, protection need), so re-evaluating a whole survey costs one service assessment
/// per distinct service. Safe to share between threads.
/// </summary>
public sealed class CatalogAssessor
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<MemoKey, ServiceAssessment> _memo = new();

    public CatalogAssessor(Assessor assessor, ServiceCatalog catalog)
    {
        Engine = assessor;
        Catalog = catalog;
    }

    public Assessor Engine { get; }

    public ServiceCatalog Catalog { get; }

    /// <summary>Assesses a service profile (from the catalogue or a file) with everything around it.</summary>
    public CatalogAssessment Assess(ServiceProfile service, DeploymentProfile? deployment, DateOnly asOf, AuthorityProfile authority)
    {
        ArgumentNullException.ThrowIfNull(service);
        var atNormal = AssessService(service, asOf, authority, "normal");
        var use = deployment is null ? null : AssessUse(service, deployment, asOf, authority).Use;
        return new CatalogAssessment(atNormal, use, AlternativesFor(service, atNormal.Verdict, asOf, authority), DecisionsOn(service.Id));
    }

    /// <summary>
    /// One body's use: the service at normal need (its published verdict), at the body's need, and U01–U06 — the
    /// service verdicts from the memo.
    /// </summary>
    public (ServiceAssessment AtNormal, ServiceAssessment AtNeed, DeploymentAssessment Use) AssessUse(
        ServiceProfile service, DeploymentProfile deployment, DateOnly asOf, AuthorityProfile authority)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var atNormal = AssessService(service, asOf, authority, "normal");
        var atNeed = deployment.ProtectionNeed == "normal" ? atNormal : AssessService(service, asOf, authority, deployment.ProtectionNeed);
        return (atNormal, atNeed, Engine.AssessDeployment(service, atNeed, deployment));
    }

    /// <summary>A service that has no facts on that date: not assessed, with a finding that says so.</summary>
    public ServiceAssessment Unknown(string serviceId, DateOnly asOf, AuthorityProfile authority)
    {
        var names = Catalog.Latest(serviceId)?.Names ?? new Law.LocalizedText(serviceId, serviceId);
        var finding = Engine.Make("L01", "service-unknown-on-date", "service", names.De);
        return new ServiceAssessment(serviceId, names, asOf, authority, "normal", Verdict.NotAssessed, Verdict.NotAssessed, [finding]);
    }

    public ServiceAssessment AssessService(ServiceProfile service, DateOnly asOf, AuthorityProfile authority, string protectionNeed)
    {
        var key = new MemoKey(service, asOf, authority, protectionNeed);
        return _memo.TryGetValue(key, out var result) ? result : _memo.GetOrAdd(key, k => Engine.AssessService(k.Service, k.AsOf, k.Authority, k.ProtectionNeed));
    }

    /// <summary>Legal verdict of a catalogue service on a date; not-assessed before its first snapshot.</summary>
    public Verdict VerdictOf(string serviceId, DateOnly asOf, AuthorityProfile authority, DateOnly? factsAsOf = null)
    {
        var snapshot = Catalog.SnapshotOn(serviceId, factsAsOf ?? asOf);
        return snapshot is null ? Verdict.NotAssessed : AssessService(snapshot, asOf, authority, "normal").Verdict;
    }

    /// <summary>
    /// For a service that is not green: the linked alternatives that are green on the date in this view; where none
    /// of them is, the green services of the same category.
    /// </summary>
    public IReadOnlyList<string> AlternativesFor(ServiceProfile service, Verdict verdict, DateOnly asOf, AuthorityProfile authority)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (verdict == Verdict.Green)
        {
            return [];
        }

        var linked = Catalog.Alternatives
            .Where(a => a.Replaces.Contains(service.Id) && a.Service != service.Id)
            .Select(a => a.Service)
            .Distinct(StringComparer.Ordinal)
            .Where(id => VerdictOf(id, asOf, authority) == Verdict.Green)
            .ToList();
        if (linked.Count > 0)
        {
            return linked;
        }

        return Catalog.ServiceIds
            .Where(id => id != service.Id && Catalog.SnapshotOn(id, asOf)?.Category == service.Category)
            .Where(id => VerdictOf(id, asOf, authority) == Verdict.Green)
            .ToList();
    }

    /// <summary>Each published decision on the service, beside the engine's verdict on the facts and law the authority had.</summary>
    public IReadOnlyList<DecisionCheck> DecisionsOn(string serviceId) =>
        Catalog.Decisions
            .Where(d => d.Service == serviceId)
            .Select(d =>
            {
                var authority = Catalog.FindAuthority(d.Authority)?.On(d.Date) ?? Catalog.DefaultAuthority.On(d.Date);
                return new DecisionCheck(d, VerdictOf(d.Service, d.Date, authority, d.FactsAsOf));
            })
            .ToArray();

    /// <summary>Snapshots are compared by reference: hashing a whole profile per lookup would cost more than it saves.</summary>
    private readonly record struct MemoKey(ServiceProfile Service, DateOnly AsOf, AuthorityProfile Authority, string ProtectionNeed)
    {
        public bool Equals(MemoKey other) =>
            ReferenceEquals(Service, other.Service) && AsOf == other.AsOf && ReferenceEquals(Authority, other.Authority)
            && ProtectionNeed == other.ProtectionNeed;

        public override int GetHashCode() =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Service), AsOf,
                System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Authority), ProtectionNeed);
    }
}
