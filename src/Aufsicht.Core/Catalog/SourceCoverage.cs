namespace Aufsicht.Core.Catalog;

/// <summary>
/// "Every fact with a source": lists the known facts of a snapshot that no source's <c>about</c> covers. A source
/// about <c>contract</c> covers <c>contract.ownPurposes</c>; unknown and not-applicable facts need none.
/// </summary>
public static class SourceCoverage
{
    public static IReadOnlyList<string> Uncovered(ServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var covered = profile.Sources
            .SelectMany(s => s.About.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        return KnownFacts(profile).Where(path => !IsCovered(path, covered)).ToArray();
    }

    public static IEnumerable<string> KnownFacts(ServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Provider.Seat != FactDomains.Unknown)
        {
            yield return "provider.seat";
        }

        if (profile.Provider.ParentSeat is not (null or FactDomains.Unknown))
        {
            yield return "provider.parentSeat";
        }

        if (profile.Provider.ThirdCountryAccess is not null)
        {
            yield return "provider.thirdCountryAccess";
        }

        if (profile.OperatingModel != FactDomains.Unknown)
        {
            yield return "operatingModel";
        }

        if (profile.OpenSource is not null)
        {
            yield return "openSource";
        }

        if (profile.Licence is not null)
        {
            yield return "licence";
        }

        foreach (var (path, value) in profile.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (value is not (FactDomains.Unknown or FactDomains.NotApplicable))
            {
                yield return path;
            }
        }

        if (profile.Countries is not null)
        {
            yield return "processing.countries";
        }

        if (profile.ProviderCanReadContent is not null)
        {
            yield return "processing.providerCanReadContent";
        }

        if (profile.ProviderReceivesPersonalDataStated is not null)
        {
            yield return "processing.providerReceivesPersonalData";
        }

        if (profile.Transfers.Count > 0)
        {
            yield return "transfers";
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
