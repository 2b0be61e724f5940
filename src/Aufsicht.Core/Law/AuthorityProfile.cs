namespace Aufsicht.Core.Law;

/// <summary>How an authority counts a provider's exposure to third-country access laws (criterion T03).</summary>
public enum ThirdCountryAccessRule
{
    /// <summary>Reported as a note; does not count (Berlin's method, the default).</summary>
    Advisory,

    /// <summary>Counts as yellow.</summary>
    Yellow,

    /// <summary>Yellow at normal protection need, red above it.</summary>
    RedAboveNormal,
}

/// <summary>
/// One authority's view, valid from a date: the parameters in which authorities differ (domain/assessment.md §3).
/// </summary>
public sealed record AuthorityProfile(
    string Id,
    string Abbreviation,
    LocalizedText Name,
    DateOnly ValidFrom,
    LocalizedText Label,
    bool SccAloneSuffices,
    ThirdCountryAccessRule ThirdCountryAccess,
    bool AcceptDpf,
    bool GateTechnical)
{
    /// <summary>Berlin's gated method with default parameters; used where no profile data are at hand (tests, examples).</summary>
    public static AuthorityProfile BerlinMethod { get; } = new(
        "blnbdi", "BlnBDI", new LocalizedText("Berliner Beauftragte für Datenschutz", "Berlin Commissioner for Data Protection"),
        new DateOnly(2020, 7, 3), new LocalizedText("Standardprofil", "Default profile"),
        SccAloneSuffices: false, ThirdCountryAccessRule.Advisory, AcceptDpf: true, GateTechnical: true);
}

/// <summary>An authority with the versions of its view over time.</summary>
public sealed record Authority(string Id, string Abbreviation, LocalizedText Name, IReadOnlyList<AuthorityProfile> Versions)
{
    /// <summary>The version in force on a date; before the first version, the first one (a view is asked of its earliest form).</summary>
    public AuthorityProfile On(DateOnly date)
    {
        var current = Versions[0];
        foreach (var version in Versions)
        {
            if (version.ValidFrom <= date)
            {
                current = version;
            }
        }

        return current;
    }
}
