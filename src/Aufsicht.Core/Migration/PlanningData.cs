using Aufsicht.Core.Catalog;

namespace Aufsicht.Core.Migration;

/// <summary>What a product's licence is counted in: per workplace (device), per user or per mailbox.</summary>
public enum LicenceUnit
{
    Workplace,
    User,
    Mailbox,
}

/// <summary>
/// A product an inventory may name (<c>migration/products.json</c>): its id (a catalogue id where the catalogue has it),
/// the names people type for it, its pillar and what its licence counts.
/// </summary>
public sealed record KnownProduct(string Id, string Name, bool InCatalogue, IReadOnlyList<string> Aliases, Pillar Pillar, LicenceUnit Unit, IReadOnlyList<Source> Sources)
{
    /// <summary>The German name where it differs from <see cref="Name"/> (a description such as „Proprietäre Telefonanlage“, not a brand name); null when the name is the same in both languages.</summary>
    public string? NameDe { get; init; }

    /// <summary>The name a page or document in the language shows: the German one on German output where there is one.</summary>
    public string NameIn(Law.Language language) => language == Law.Language.De && NameDe is { } de ? de : Name;

    /// <summary>Every name the product is found by: its id, both names and the aliases.</summary>
    public IEnumerable<string> Names => NameDe is { } de ? Aliases.Prepend(de).Prepend(Name).Prepend(Id) : Aliases.Prepend(Name).Prepend(Id);
}

/// <summary>The known products, found by id or by any alias (case-insensitive, surrounding space ignored).</summary>
public sealed class ProductCatalogue
{
    private readonly Dictionary<string, KnownProduct> _byName;

    public ProductCatalogue(IReadOnlyList<KnownProduct> products)
    {
        Products = products;
        _byName = new Dictionary<string, KnownProduct>(StringComparer.OrdinalIgnoreCase);
        foreach (var product in products)
        {
            foreach (var name in product.Names)
            {
                if (_byName.TryGetValue(name.Trim(), out var other) && other.Id != product.Id)
                {
                    throw new ArgumentException($"The name '{name}' is claimed by {other.Id} and {product.Id}.", nameof(products));
                }

                _byName[name.Trim()] = product;
            }
        }
    }

    public IReadOnlyList<KnownProduct> Products { get; }

    /// <summary>The product a name or id stands for; null for a name nobody listed.</summary>
    public KnownProduct? Find(string name) => _byName.GetValueOrDefault(name.Trim());
}

/// <summary>
/// One open-source or EU target of a pillar: a catalogue id, or an id of ours where the catalogue has none. Named as
/// products are (<see cref="KnownProduct.NameDe"/>): a German name where the name is words („Open-Source-Telefonie“).
/// </summary>
public sealed record TargetCandidate(string Id, string Name, bool InCatalogue, IReadOnlyList<Source> Sources)
{
    /// <summary>The German name where it differs from <see cref="Name"/>; null for a brand name.</summary>
    public string? NameDe { get; init; }

    /// <summary>The name a page or document in the language shows.</summary>
    public string NameIn(Law.Language language) => language == Law.Language.De && NameDe is { } de ? de : Name;
}

/// <summary>A component of a bundle (openDesk's Collabora Online, OX App Suite, …) and the pillar it covers.</summary>
public sealed record BundleComponent(string Name, Pillar Pillar)
{
    /// <summary>The German name where it differs from <see cref="Name"/> („OX App Suite und Dovecot“); null for a brand name.</summary>
    public string? NameDe { get; init; }

    /// <summary>The name a page or document in the language shows.</summary>
    public string NameIn(Law.Language language) => language == Law.Language.De && NameDe is { } de ? de : Name;
}

/// <summary>A bundle that covers several pillars with one choice (openDesk).</summary>
public sealed record TargetBundle(string Id, string Name, bool InCatalogue, IReadOnlyList<BundleComponent> Components, IReadOnlyList<Source> Sources)
{
    public IReadOnlySet<Pillar> Pillars { get; } = Components.Select(c => c.Pillar).ToHashSet();

    /// <summary>The German name where it differs from <see cref="Name"/>; null for a brand name (openDesk).</summary>
    public string? NameDe { get; init; }

    /// <summary>The name a page or document in the language shows.</summary>
    public string NameIn(Law.Language language) => language == Law.Language.De && NameDe is { } de ? de : Name;
}

/// <summary>The targets per pillar in order of preference (<c>migration/targets.json</c>) and the bundles.</summary>
public sealed record TargetCatalogue(IReadOnlyDictionary<Pillar, IReadOnlyList<TargetCandidate>> ByPillar, IReadOnlyList<TargetBundle> Bundles)
{
    public IReadOnlyList<TargetCandidate> Candidates(Pillar pillar) => ByPillar.GetValueOrDefault(pillar) ?? [];

    /// <summary>The name in the language of a target id a choice names (a candidate's or a bundle's); null for an id the file does not have.</summary>
    public string? NameOf(string id, Law.Language language) =>
        ByPillar.Values.SelectMany(c => c).FirstOrDefault(c => c.Id == id)?.NameIn(language) ?? Bundles.FirstOrDefault(b => b.Id == id)?.NameIn(language);
}

/// <summary>
/// One planning parameter as shipped: its value, unit, how it was arrived at (the arithmetic from a source, or
/// "assumption" with the reason why the value is sensible) and its sources.
/// </summary>
public sealed record PlanningParameter(string Id, decimal Value, string Unit, string Basis, string? Reason, IReadOnlyList<Source> Sources);

/// <summary>A check of the plan (<see cref="PlanChecks"/>) with the lesson it encodes and its sources (<c>migration/checks.json</c>).</summary>
public sealed record CheckRule(WarningKind Kind, string Lesson, IReadOnlyList<Source> Sources);
