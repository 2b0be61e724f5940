using Aufsicht.Core.Law;

namespace Aufsicht.Core.Catalog;

/// <summary>
/// Facts older than the law: the legal events after a snapshot's date (and on or before the day looked at) that can
/// change its verdict — an adequacy decision or a court ruling on US transfers for a service that sends data to or is
/// run from the US, new standard contractual clauses for any service with a third country in it. Such a verdict rests
/// on facts gathered before the law it is judged by changed: it needs a review.
/// </summary>
public static class FactsAge
{
    private const string Worldwide = "worldwide";

    /// <summary>
    /// The events, oldest first, that <paramref name="snapshot"/>'s facts predate and that concern it;
    /// <paramref name="isFree"/> tells a country data may go to without a transfer tool (the EEA, adequacy).
    /// </summary>
    public static IReadOnlyList<LegalEvent> Predated(ServiceProfile snapshot, IEnumerable<LegalEvent> events, DateOnly asOf, Func<string, bool> isFree)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(isFree);
        var us = ConcernsUs(snapshot);
        var third = us || ConcernsThirdCountry(snapshot, isFree);
        return events
            .Where(e => e.Date > snapshot.FactsAsOf && e.Date <= asOf && (e.Concerns == LegalEvent.UsTransfers ? us : third))
            .OrderBy(e => e.Date)
            .ToArray();
    }

    /// <summary>The same, with the law's own list of events and of countries free of a transfer tool on that day.</summary>
    public static IReadOnlyList<LegalEvent> Predated(ServiceProfile snapshot, LegalCalendar law, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(law);
        return Predated(snapshot, law.Events, asOf, c => law.IsFreeDestination(c, asOf));
    }

    private static bool ConcernsUs(ServiceProfile s) =>
        s.Transfers.Any(t => t.To == "US")
        || (s.Countries?.Any(c => c is "US" or Worldwide) ?? false)
        || s.Provider.Seat == "US"
        || s.Provider.ParentSeat == "US";

    private static bool ConcernsThirdCountry(ServiceProfile s, Func<string, bool> isFree) =>
        s.Transfers.Any(t => !isFree(t.To))
        || (s.Countries?.Any(c => c == Worldwide || !isFree(c)) ?? false)
        || IsThirdCountry(s.Provider.Seat, isFree)
        || IsThirdCountry(s.Provider.ParentSeat, isFree);

    private static bool IsThirdCountry(string? seat, Func<string, bool> isFree) =>
        seat is not (null or FactDomains.Unknown) && !isFree(seat);
}
