namespace Aufsicht.Core.Catalog;

/// <summary>
/// A service that is part of another (Teams in Microsoft 365) is used under the parent's contract: where the parent's
/// snapshot is newer than the part's own, the part takes the parent's contract, transfer, country and provider facts
/// and the sources for them, and keeps its own technical facts — so the two cannot silently contradict each other.
/// </summary>
public static class ParentFacts
{
    private static readonly string[] Taken = ["contract", "transfers", "processing.countries", "provider"];

    /// <summary>The part's snapshot with the parent's contract facts, dated by the parent's snapshot.</summary>
    public static ServiceProfile Take(ServiceProfile own, ServiceProfile parent)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(parent);
        var facts = own.Facts.Where(f => !IsTaken(f.Key))
            .Concat(parent.Facts.Where(f => IsTaken(f.Key)))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var sources = parent.Sources.Select(s => Narrowed(s, taken: true))
            .Concat(own.Sources.Select(s => Narrowed(s, taken: false)))
            .OfType<Source>()
            .ToArray();
        return own with
        {
            FactsAsOf = parent.FactsAsOf,
            Provider = parent.Provider,
            Facts = facts,
            Countries = parent.Countries,
            Transfers = parent.Transfers,
            Sources = sources,
            Inherited = new InheritedFacts(parent.Id, parent.Names, parent.FactsAsOf, own.FactsAsOf),
        };
    }

    /// <summary>Whether a fact path (or a source's <c>about</c> item) is one the part takes from its parent.</summary>
    public static bool IsTaken(string path) =>
        Taken.Any(t => path == t || path.StartsWith(t + ".", StringComparison.Ordinal));

    // A source keeps only the facts it still supports here: the parent's for the facts taken, the part's for the rest.
    private static Source? Narrowed(Source source, bool taken)
    {
        var about = source.About.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(path => IsTaken(path) == taken)
            .ToArray();
        return about.Length == 0 ? null : source with { About = string.Join(", ", about) };
    }
}
