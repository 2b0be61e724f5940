namespace Aufsicht.Core.Law;

/// <summary>How far an adequacy decision reaches.</summary>
public enum AdequacyScope
{
    /// <summary>The whole country.</summary>
    Full,

    /// <summary>Commercial organisations only (Canada).</summary>
    Commercial,

    /// <summary>Only recipients certified under the EU-US Data Privacy Framework.</summary>
    DpfCertified,

    /// <summary>Treated as not a third country (the UK before its adequacy decision).</summary>
    NotThirdCountry,
}

/// <summary>One adequacy decision (or equivalent status) for a country, valid from a date, optionally until one.</summary>
public sealed record AdequacyEntry(string Country, string Name, DateOnly From, DateOnly? Until, AdequacyScope Scope);

/// <summary>
/// A dated event of the legal timeline (domain/assessment.md §4). <see cref="Concerns"/> says whose verdict it can
/// change: services with transfers to or processing in the US (<c>us-transfers</c>) or in any third country
/// (<c>third-country-transfers</c>).
/// </summary>
public sealed record LegalEvent(string Id, DateOnly Date, LocalizedText Title, LocalizedText Effect, string Concerns = LegalEvent.ThirdCountryTransfers)
{
    public const string UsTransfers = "us-transfers";
    public const string ThirdCountryTransfers = "third-country-transfers";
    public static readonly IReadOnlyList<string> ConcernValues = [UsTransfers, ThirdCountryTransfers];
}

/// <summary>
/// The dated law the transfer criteria depend on: the EEA, the adequacy list and the events of the legal timeline.
/// Built from <c>data/law/</c>; the engine asks it "on this date".
/// </summary>
public sealed class LegalCalendar
{
    /// <summary>Ids of the events the engine needs; the data file must contain each of them.</summary>
    public static readonly IReadOnlyList<string> RequiredEvents =
    [
        "privacy-shield-start", "schrems-ii", "scc-2021-available", "scc-2010-no-new-contracts", "scc-2010-expired",
        "dpf-adequacy", "dpf-latombe",
    ];

    private readonly HashSet<string> _eea;
    private readonly Dictionary<string, AdequacyEntry[]> _adequacy;

    public LegalCalendar(IEnumerable<string> eea, IEnumerable<AdequacyEntry> adequacy, IEnumerable<LegalEvent> events)
    {
        _eea = new HashSet<string>(eea, StringComparer.Ordinal);
        _adequacy = adequacy.GroupBy(a => a.Country, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Events = events.OrderBy(e => e.Date).ToArray();
        var byId = Events.ToDictionary(e => e.Id, e => e.Date, StringComparer.Ordinal);
        var missing = RequiredEvents.Where(id => !byId.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException("The legal timeline lacks the events " + string.Join(", ", missing), nameof(events));
        }

        PrivacyShieldStart = byId["privacy-shield-start"];
        SchremsII = byId["schrems-ii"];
        Scc2021Available = byId["scc-2021-available"];
        Scc2010NoNewContracts = byId["scc-2010-no-new-contracts"];
        Scc2010Expired = byId["scc-2010-expired"];
        DpfAdequacy = byId["dpf-adequacy"];
        DpfLatombe = byId["dpf-latombe"];
    }

    public IReadOnlyList<LegalEvent> Events { get; }

    public IReadOnlyCollection<string> Eea => _eea;

    public IEnumerable<AdequacyEntry> Adequacy => _adequacy.Values.SelectMany(a => a);

    public DateOnly PrivacyShieldStart { get; }

    public DateOnly SchremsII { get; }

    public DateOnly Scc2021Available { get; }

    public DateOnly Scc2010NoNewContracts { get; }

    public DateOnly Scc2010Expired { get; }

    public DateOnly DpfAdequacy { get; }

    public DateOnly DpfLatombe { get; }

    public bool IsEea(string country) => _eea.Contains(country);

    /// <summary>The adequacy status of a country on a date, or null if it has none.</summary>
    public AdequacyScope? AdequacyOn(string country, DateOnly date)
    {
        if (!_adequacy.TryGetValue(country, out var entries))
        {
            return null;
        }

        foreach (var entry in entries)
        {
            if (entry.From <= date && (entry.Until is null || date <= entry.Until))
            {
                return entry.Scope;
            }
        }

        return null;
    }

    /// <summary>True when data may go to the country on that date without a transfer tool, for any recipient.</summary>
    public bool IsFreeDestination(string country, DateOnly date) =>
        IsEea(country) || AdequacyOn(country, date) is AdequacyScope.Full or AdequacyScope.Commercial or AdequacyScope.NotThirdCountry;
}
