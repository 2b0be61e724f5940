using Aufsicht.Core.Law;

namespace Aufsicht.Core.Migration;

/// <summary>What the target choice says of one product line.</summary>
public enum TargetStatus
{
    /// <summary>It moves to a target the catalogue rates green in the authority's view.</summary>
    Migrate,

    /// <summary>It moves to a target the catalogue has no entry for (the pillar has none in the catalogue).</summary>
    MigrateNotAssessed,

    /// <summary>It already is a target of its pillar (LibreOffice, Nextcloud, …): nothing to move.</summary>
    AlreadyOnTarget,

    /// <summary>No candidate of its pillar is green: the line is flagged and gets no packages.</summary>
    NoTarget,
}

/// <summary>A candidate's catalogue verdict as the choice found it; null where the catalogue has no such service.</summary>
public sealed record CandidateVerdict(TargetCandidate Candidate, Verdict? Verdict);

/// <summary>
/// Why a line has no target: a message key and what it speaks of — the pillar, every candidate with its verdict, and
/// the bundle that was not green — as values, for the edge to word in the page's language (names, not ids; verdicts
/// in words, not wire names).
/// </summary>
public sealed record NoTargetReason(string Key, Pillar Pillar, IReadOnlyList<CandidateVerdict> Verdicts, TargetBundle? Bundle);

/// <summary>
/// The target of one product line: the target id (a catalogue id or one of ours), the bundle and component when
/// it comes from a bundle (openDesk), and for a flagged line the reason.
/// </summary>
public sealed record TargetChoice(
    ProductLine Line,
    TargetStatus Status,
    string? Target,
    string? Bundle,
    BundleComponent? Component,
    NoTargetReason? Reason)
{
    public bool NeedsMigration => Status is TargetStatus.Migrate or TargetStatus.MigrateNotAssessed;
}

/// <summary>
/// Chooses the target of every product line of an inventory: per pillar the first candidate (in the order of
/// <c>migration/targets.json</c>) whose catalogue verdict is green; a candidate the catalogue lacks only where the
/// catalogue has no candidate of the pillar at all (then "not assessed"); none green → flagged with the reason.
/// With a bundle (openDesk) the bundle is the target of every pillar it covers, if the bundle itself is green.
/// </summary>
public static class Targets
{
    /// <param name="inventory">The lines to choose for.</param>
    /// <param name="targets">The candidates per pillar and the bundles.</param>
    /// <param name="products">The known products, to recognise a line already on a target by any of its names.</param>
    /// <param name="verdictOf">The catalogue verdict of a service id in the authority's view; null where the catalogue has no such service.</param>
    /// <param name="bundle">The id of a bundle to use (e.g. "opendesk"), or null for the per-pillar choice.</param>
    public static IReadOnlyList<TargetChoice> Choose(
        Inventory inventory, TargetCatalogue targets, ProductCatalogue products, Func<string, Verdict?> verdictOf, string? bundle = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(verdictOf);
        var chosenBundle = bundle is null ? null : targets.Bundles.FirstOrDefault(b => b.Id == bundle)
            ?? throw new ArgumentException($"No bundle '{bundle}'.", nameof(bundle));
        var bundleVerdict = chosenBundle is null ? null : verdictOf(chosenBundle.Id);
        var bundleUsable = chosenBundle is not null && (bundleVerdict == Verdict.Green || (!chosenBundle.InCatalogue && bundleVerdict is null));
        var perPillar = new Dictionary<Pillar, (TargetCandidate? Target, TargetStatus Status, NoTargetReason? Reason)>();
        var choices = new List<TargetChoice>(inventory.Products.Count);
        foreach (var line in inventory.Products)
        {
            var id = products.Find(line.Product)?.Id ?? line.Product.Trim();
            if (TargetId(id, line.Pillar, targets) is { } already)
            {
                choices.Add(new TargetChoice(line, TargetStatus.AlreadyOnTarget, already, null, null, null));
                continue;
            }

            if (bundleUsable && chosenBundle!.Pillars.Contains(line.Pillar))
            {
                var component = chosenBundle.Components.First(c => c.Pillar == line.Pillar);
                var status = bundleVerdict == Verdict.Green ? TargetStatus.Migrate : TargetStatus.MigrateNotAssessed;
                choices.Add(new TargetChoice(line, status, chosenBundle.Id, chosenBundle.Id, component, null));
                continue;
            }

            if (!perPillar.TryGetValue(line.Pillar, out var choice))
            {
                choice = ChooseFor(line.Pillar, targets, verdictOf, chosenBundle is not null && !bundleUsable ? chosenBundle : null);
                perPillar[line.Pillar] = choice;
            }

            choices.Add(new TargetChoice(line, choice.Status, choice.Target?.Id, null, null, choice.Reason));
        }

        return choices;
    }

    /// <summary>The id of the target of the pillar (or bundle covering it) the product is, by id or either name; null for a product to move.</summary>
    private static string? TargetId(string product, Pillar pillar, TargetCatalogue targets) =>
        targets.Candidates(pillar).FirstOrDefault(c => Named(product, c.Id, c.Name, c.NameDe))?.Id
        ?? targets.Bundles.FirstOrDefault(b => Named(product, b.Id, b.Name, b.NameDe) && b.Pillars.Contains(pillar))?.Id;

    private static bool Named(string product, string id, string name, string? nameDe) =>
        Same(id, product) || Same(name, product) || (nameDe is not null && Same(nameDe, product));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static (TargetCandidate?, TargetStatus, NoTargetReason?) ChooseFor(Pillar pillar, TargetCatalogue targets, Func<string, Verdict?> verdictOf, TargetBundle? rejectedBundle)
    {
        var candidates = targets.Candidates(pillar);
        if (candidates.Count == 0)
        {
            return (null, TargetStatus.NoTarget, new NoTargetReason("migration.target.noCandidate", pillar, [], null));
        }

        var verdicts = candidates.Select(c => new CandidateVerdict(c, verdictOf(c.Id))).ToList();
        if (verdicts.Find(v => v.Verdict == Verdict.Green)?.Candidate is { } green)
        {
            return (green, TargetStatus.Migrate, null);
        }

        if (verdicts.TrueForAll(v => v.Verdict is null) && candidates.FirstOrDefault(c => !c.InCatalogue) is { } unassessed)
        {
            return (unassessed, TargetStatus.MigrateNotAssessed, null);
        }

        return (null, TargetStatus.NoTarget, rejectedBundle is null
            ? new NoTargetReason("migration.target.noneGreen", pillar, verdicts, null)
            : new NoTargetReason("migration.target.noneGreenBundle", pillar, verdicts, rejectedBundle));
    }
}
