using Aufsicht.Core.Law;

namespace Aufsicht.Core.Catalog;

/// <summary>A verdict an authority published: this authority, this service, this date, this colour, this source.</summary>
public sealed record PublishedDecision(
    string Id,
    string Authority,
    string Service,
    DateOnly Date,
    DateOnly? FactsAsOf,
    Verdict Verdict,
    string Scope,
    LocalizedText Reason,
    IReadOnlyList<Source> Sources);

/// <summary>An open-source or EU alternative and the catalogue services it can replace.</summary>
public sealed record Alternative(string Service, IReadOnlyList<string> Replaces, string Kind, LocalizedText? Note, IReadOnlyList<Source> Sources);

/// <summary>The shipped catalogue: every service's snapshots, published decisions, alternatives and authorities.</summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<string, ServiceProfile[]> _snapshots;
    private readonly Dictionary<string, Authority> _authorities;

    // One merged snapshot per pair, so the assessor's memo (keyed by the snapshot) finds it again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ServiceProfile Own, ServiceProfile Parent), ServiceProfile> _taken = new();

    public ServiceCatalog(
        IEnumerable<ServiceProfile> snapshots,
        IEnumerable<PublishedDecision> decisions,
        IEnumerable<Alternative> alternatives,
        IEnumerable<Authority> authorities,
        string defaultAuthority)
    {
        _snapshots = snapshots.GroupBy(s => s.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.FactsAsOf).ToArray(), StringComparer.Ordinal);
        Decisions = decisions.OrderBy(d => d.Date).ThenBy(d => d.Id, StringComparer.Ordinal).ToArray();
        Alternatives = alternatives.ToArray();
        _authorities = authorities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        DefaultAuthority = _authorities.TryGetValue(defaultAuthority, out var a)
            ? a
            : throw new ArgumentException($"The default authority '{defaultAuthority}' is not defined.", nameof(defaultAuthority));
    }

    /// <summary>The same catalogue with another authority as the default view (an installation's own, e.g. lfdi-mv).</summary>
    public ServiceCatalog WithDefaultAuthority(string authority) =>
        new(_snapshots.Values.SelectMany(s => s), Decisions, Alternatives, _authorities.Values, authority);

    public IEnumerable<string> ServiceIds => _snapshots.Keys.Order(StringComparer.Ordinal);

    public IReadOnlyList<PublishedDecision> Decisions { get; }

    public IReadOnlyList<Alternative> Alternatives { get; }

    public IEnumerable<Authority> Authorities => _authorities.Values.OrderBy(a => a.Id, StringComparer.Ordinal);

    public Authority DefaultAuthority { get; }

    public bool Contains(string serviceId) => _snapshots.ContainsKey(serviceId);

    public IReadOnlyList<ServiceProfile> History(string serviceId) => _snapshots.TryGetValue(serviceId, out var s) ? s : [];

    /// <summary>
    /// The newest snapshot whose facts date from on or before <paramref name="asOf"/>; null before the first. For a
    /// part of another service whose parent has facts as new or newer on that day, the part's snapshot with the parent's contract
    /// facts (<see cref="ParentFacts"/>).
    /// </summary>
    public ServiceProfile? SnapshotOn(string serviceId, DateOnly asOf)
    {
        var own = OwnSnapshotOn(serviceId, asOf);
        return own?.PartOf is { } parentId && OwnSnapshotOn(parentId, asOf) is { } parent && parent.FactsAsOf >= own.FactsAsOf
            ? _taken.GetOrAdd((own, parent), static pair => ParentFacts.Take(pair.Own, pair.Parent))
            : own;
    }

    private ServiceProfile? OwnSnapshotOn(string serviceId, DateOnly asOf)
    {
        if (!_snapshots.TryGetValue(serviceId, out var snapshots))
        {
            return null;
        }

        ServiceProfile? found = null;
        foreach (var snapshot in snapshots)
        {
            if (snapshot.FactsAsOf <= asOf)
            {
                found = snapshot;
            }
        }

        return found;
    }

    /// <summary>The newest snapshot of a service (for its name and category when no date is given).</summary>
    public ServiceProfile? Latest(string serviceId) => _snapshots.TryGetValue(serviceId, out var s) ? s[^1] : null;

    public Authority? FindAuthority(string id) => _authorities.GetValueOrDefault(id);
}
