namespace Aufsicht.Core.Catalog;

/// <summary>Who offers a service and where it and its parent group are seated (ISO 3166-1 alpha-2 or "unknown").</summary>
public sealed record Provider(Law.LocalizedText Names, string Seat, string? ParentSeat, bool? ThirdCountryAccess)
{
    public Provider(string name, string seat, string? parentSeat, bool? thirdCountryAccess)
        : this(new Law.LocalizedText(name, name), seat, parentSeat, thirdCountryAccess)
    {
    }

    /// <summary>The name in German, the users' language (<see cref="Names"/> has both).</summary>
    public string Name => Names.De;

    /// <summary>
    /// Whether the provider or its parent is subject to third-country access laws: the stated fact, else derived —
    /// a US seat means yes, both seats in the EEA mean no, anything else is unknown (null).
    /// </summary>
    public bool? IsExposedToThirdCountryAccess(Func<string, bool> isEea)
    {
        ArgumentNullException.ThrowIfNull(isEea);
        if (ThirdCountryAccess is { } stated)
        {
            return stated;
        }

        if (Seat == "US" || ParentSeat == "US")
        {
            return true;
        }

        return isEea(Seat) && (ParentSeat is null || isEea(ParentSeat)) ? false : null;
    }
}

/// <summary>One third-country transfer. Enumerated values are the wire names of <see cref="FactDomains"/>.</summary>
public sealed record Transfer(
    string To,
    string? Recipient,
    string Tool,
    bool? SccAltered,
    bool? Tia,
    string SupplementaryMeasures,
    bool? RecipientDpfCertified,
    DateOnly? Concluded);

/// <summary>
/// Where a fact comes from: the page, the day it was read and the facts it supports (paths, comma-separated). The
/// <see cref="Note"/> is the maintainers' (how the source was read) and never reaches a page; the
/// <see cref="Summary"/> is the public note, what the source states, in both languages. <see cref="Passage"/> is the
/// source's own words that support the facts, quoted in the source's language; <see cref="Inferred"/>, when set, says
/// that the facts are inferred from the passage rather than stated by it, and why, in one sentence; <see cref="Lang"/> is
/// the passage's language (de, en, fr …), for the pages' <c>lang</c> attribute.
/// </summary>
public sealed record Source(
    string Url, DateOnly Seen, string About, string? Note, Law.LocalizedText? Summary = null, string? Passage = null, Law.LocalizedText? Inferred = null,
    string? Lang = null);

/// <summary>
/// One dated snapshot of what is known about a service (domain/assessment.md §6). The enumerated contract and technical
/// facts are kept by path (<c>contract.ownPurposes</c>) with their wire values, so criteria can be read from data.
/// </summary>
public sealed record ServiceProfile(
    string Id,
    Law.LocalizedText Names,
    string Category,
    DateOnly FactsAsOf,
    Law.LocalizedText? Description,
    string? Licence,
    string? Homepage,
    Provider Provider,
    string OperatingModel,
    bool? OpenSource,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyList<string>? Countries,
    bool? ProviderCanReadContent,
    bool? ProviderReceivesPersonalDataStated,
    IReadOnlyList<Transfer> Transfers,
    IReadOnlyList<Source> Sources,
    string? Notes)
{
    /// <summary>The name in German, the users' language; <see cref="Names"/> has both.</summary>
    public string Name => Names.De;

    /// <summary>The service this one is part of (Teams in Microsoft 365): it shares the parent's contract.</summary>
    public string? PartOf { get; init; }

    /// <summary>
    /// Set when the contract, transfer and provider facts were taken from the parent's newer snapshot
    /// (<see cref="ServiceCatalog.SnapshotOn"/>): which parent, and the date of this service's own facts.
    /// </summary>
    public InheritedFacts? Inherited { get; init; }

    /// <summary>Stated, else false for self-operated software and true for anything run by someone else.</summary>
    public bool? ProviderReceivesPersonalData =>
        ProviderReceivesPersonalDataStated ?? (OperatingModel == "self-operated" ? false : OperatingModel == FactDomains.Unknown ? null : true);

    public string Fact(string path) => Facts.TryGetValue(path, out var value) ? value : FactDomains.Unknown;
}

/// <summary>Where a part's contract facts came from: its parent's snapshot, newer than the part's own facts.</summary>
public sealed record InheritedFacts(string ParentId, Law.LocalizedText ParentNames, DateOnly ParentFactsAsOf, DateOnly OwnFactsAsOf);
