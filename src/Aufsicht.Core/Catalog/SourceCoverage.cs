namespace Aufsicht.Core.Catalog;

/// <summary>
/// "Every fact with a source": lists the known facts of a snapshot that no source's <c>about</c> covers. A source
/// about <c>contract</c> covers <c>contract.ownPurposes</c>; unknown and not-applicable facts need none.
/// </summary>
public static partial class SourceCoverage
{
    public static IReadOnlyList<string> Uncovered(ServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var covered = profile.Sources
            .SelectMany(s => s.About.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        return KnownFacts(profile).Where(path => !IsCovered(path, covered)).ToArray();
    }

    /// <summary>
    /// The known facts no source quotes for: covered, perhaps, but by no source with a <see cref="Source.Passage"/>.
    /// </summary>
    public static IReadOnlyList<string> WithoutPassage(ServiceProfile profile) =>
        KnownFacts(profile).Where(path => !SourcesOf(profile, path).Any(s => s.Passage is not null)).ToArray();

    /// <summary>
    /// The known facts that rest on inference only: every source that quotes for them says the value is inferred from
    /// its passage, none states it.
    /// </summary>
    public static IReadOnlyList<string> Inferred(ServiceProfile profile) =>
        KnownFacts(profile).Where(path => SourcesOf(profile, path).Where(s => s.Passage is not null).ToArray() is { Length: > 0 } quoting
            && quoting.All(s => s.Inferred is not null)).ToArray();

    /// <summary>
    /// The known facts given for a criterion that does not apply to the service's category (a recording indicator for
    /// an office suite): the engine would not look at them, so the data must not claim them.
    /// </summary>
    public static IReadOnlyList<string> Inapplicable(ServiceProfile profile, Law.CriteriaCatalog criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return KnownFacts(profile).Where(path => !Applies(path, profile.Category, criteria)).ToArray();
    }

    /// <summary>Whether the criterion a fact feeds applies to a service of <paramref name="category"/> (a fact no criterion reads applies).</summary>
    public static bool Applies(string path, string category, Law.CriteriaCatalog criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return !FactDomains.CriterionOf.TryGetValue(path, out var id) || criteria.Applies(id, category);
    }

    /// <summary>
    /// The source addresses (of a snapshot, a published decision, an alternative) a case handler could not cite as they
    /// stand: one that carries another address in it (a proxy's copy, a login page's return address) or whose host ends
    /// in a dot. Cite the page itself.
    /// </summary>
    public static IReadOnlyList<string> NotCitable(IEnumerable<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return sources.Select(s => s.Url).Where(url => !IsCitable(url)).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>An absolute http(s) address of the page itself: no further address inside it, no host ending in a dot.</summary>
    public static bool IsCitable(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.EndsWith('.'))
        {
            return false;
        }

        return !EmbeddedAddress().IsMatch(Uri.UnescapeDataString(uri.PathAndQuery));
    }

    /// <summary>An address inside an address: <c>?u=https://host/…</c> or a proxy's path <c>/https/host/…</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(^|[/=?&])https?:?/+[a-z0-9-]+(\.[a-z0-9-]+)+", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EmbeddedAddress();

    public static IEnumerable<string> KnownFacts(ServiceProfile profile) => KnownValues(profile).Select(f => f.Path);

    /// <summary>
    /// The known facts of a snapshot with their wire values: <c>true</c>/<c>false</c> for yes-no facts, countries
    /// comma-separated, transfers as <c>US:scc-2021</c>.
    /// </summary>
    public static IEnumerable<(string Path, string Value)> KnownValues(ServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        static string Bool(bool value) => value ? "true" : "false";
        if (profile.Provider.Seat != FactDomains.Unknown)
        {
            yield return ("provider.seat", profile.Provider.Seat);
        }

        if (profile.Provider.ParentSeat is { } parent and not FactDomains.Unknown)
        {
            yield return ("provider.parentSeat", parent);
        }

        if (profile.Provider.ThirdCountryAccess is { } access)
        {
            yield return ("provider.thirdCountryAccess", Bool(access));
        }

        if (profile.OperatingModel != FactDomains.Unknown)
        {
            yield return ("operatingModel", profile.OperatingModel);
        }

        if (profile.OpenSource is { } open)
        {
            yield return ("openSource", Bool(open));
        }

        if (profile.Licence is { } licence)
        {
            yield return ("licence", licence);
        }

        foreach (var (path, value) in profile.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (value is not (FactDomains.Unknown or FactDomains.NotApplicable))
            {
                yield return (path, value);
            }
        }

        if (profile.Countries is { } countries)
        {
            yield return ("processing.countries", string.Join(", ", countries));
        }

        if (profile.ProviderCanReadContent is { } read)
        {
            yield return ("processing.providerCanReadContent", Bool(read));
        }

        if (profile.ProviderReceivesPersonalDataStated is { } receives)
        {
            yield return ("processing.providerReceivesPersonalData", Bool(receives));
        }

        if (profile.Transfers.Count > 0)
        {
            yield return ("transfers", string.Join(", ", profile.Transfers.Select(t => t.To + ":" + t.Tool)));
        }
    }

    /// <summary>The sources of a snapshot that support a fact: those about the path itself or a path above it.</summary>
    public static IReadOnlyList<Source> SourcesOf(ServiceProfile profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Sources
            .Where(s => IsCovered(path, s.About.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)))
            .ToArray();
    }

    private static bool IsCovered(string path, HashSet<string> about)
    {
        for (var prefix = path; ; prefix = prefix[..prefix.LastIndexOf('.')])
        {
            if (about.Contains(prefix))
            {
                return true;
            }

            if (!prefix.Contains('.', StringComparison.Ordinal))
            {
                return false;
            }
        }
    }
}
