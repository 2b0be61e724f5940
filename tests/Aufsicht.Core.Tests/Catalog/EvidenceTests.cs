using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Catalog;

/// <summary>
/// What a verdict rests on (issue 15): passages and inferences, facts older than the law, a part judged on its
/// parent's newer contract — as tables of cases, then against the shipped catalogue.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EvidenceTests
{
    private static readonly LocalizedText Why = new("weil", "because");

    private static ServiceProfile Profile(
        string id = "s", string factsAsOf = "2021-02-18", string seat = "DE", string[]? countries = null, Transfer[]? transfers = null,
        Source[]? sources = null, Dictionary<string, string>? facts = null, string? partOf = null) =>
        new(id, new LocalizedText(id, id), "video-conferencing", D(factsAsOf), null, null, null, new Provider(id, seat, null, null), "saas", false,
            facts ?? new Dictionary<string, string>(StringComparer.Ordinal) { ["contract.ownPurposes"] = "excluded", ["technical.e2ee"] = "none" },
            countries ?? ["DE"], null, null, transfers ?? [], sources ?? [], null)
        { PartOf = partOf };

    private static Source Quoting(string about, string? passage = "words", LocalizedText? inferred = null) =>
        new("https://example.org/" + about, D("2026-12-06"), about, null, null, passage, inferred);

    private static Transfer To(string country, string tool = "scc-2021") => new(country, "R", tool, null, null, FactDomains.Unknown, null, null);

    private static LegalEvent Event(string id, string date, string concerns) =>
        new(id, D(date), new LocalizedText(id, id), new LocalizedText(id, id), concerns);

    private static readonly LegalEvent[] Events =
    [
        Event("schrems-ii", "2020-07-16", LegalEvent.UsTransfers),
        Event("scc-2021", "2021-06-27", LegalEvent.ThirdCountryTransfers),
        Event("dpf", "2023-07-10", LegalEvent.UsTransfers),
    ];

    private static bool FreeIn2026(string country) => country is "DE" or "FR" or "IE" or "CH";

    public static TheoryData<string, string, string[], string[], string[]> PredatedCases => new()
    {
        // id, facts as of, countries, transfer destinations, expected events
        { "EU only, before every event", "2020-01-01", ["DE"], [], [] },
        { "to the US, 2021", "2021-02-18", ["DE"], ["US"], ["scc-2021", "dpf"] },
        { "to the US, 2020", "2020-01-01", ["DE"], ["US"], ["schrems-ii", "scc-2021", "dpf"] },
        { "processed in the US, no transfer listed", "2021-02-18", ["US"], [], ["scc-2021", "dpf"] },
        { "worldwide", "2021-02-18", ["worldwide"], [], ["scc-2021", "dpf"] },
        { "to India, 2021: SCCs concern it, the DPF does not", "2021-02-18", ["DE"], ["IN"], ["scc-2021"] },
        { "to Switzerland (adequate)", "2020-01-01", ["CH"], ["CH"], [] },
        { "to the US, facts after the DPF", "2024-01-01", ["DE"], ["US"], [] },
        { "facts on the event's day", "2023-07-10", ["DE"], ["US"], [] },
    };

    [Theory]
    [MemberData(nameof(PredatedCases))]
    public void Predated_NamesTheEventsAfterTheFactsThatConcernTheService(string name, string factsAsOf, string[] countries, string[] to, string[] expected)
    {
        var profile = Profile(name, factsAsOf, countries: countries, transfers: [.. to.Select(c => To(c))]);
        var events = FactsAge.Predated(profile, Events, D("2026-12-06"), FreeIn2026);
        Assert.Equal(expected, events.Select(e => e.Id));
    }

    [Fact]
    public void Predated_OnlyEventsUpToTheDayLookedAt()
    {
        var profile = Profile(factsAsOf: "2021-02-18", transfers: [To("US")]);
        Assert.Equal(["scc-2021"], FactsAge.Predated(profile, Events, D("2022-01-01"), FreeIn2026).Select(e => e.Id));
        Assert.Empty(FactsAge.Predated(profile, Events, D("2021-02-18"), FreeIn2026));
    }

    [Fact]
    public void Predated_AUsSeatAloneConcernsUsEvents()
    {
        var profile = Profile(factsAsOf: "2021-02-18", seat: "US");
        Assert.Equal(["scc-2021", "dpf"], FactsAge.Predated(profile, Events, D("2026-12-06"), FreeIn2026).Select(e => e.Id));
    }

    [Fact]
    public void WithoutPassage_AndInferred_ReadTheSourcesThatCoverEachFact()
    {
        var profile = Profile(sources:
        [
            Quoting("contract", passage: null),            // covers contract.* but quotes nothing
            Quoting("technical.e2ee", inferred: Why),       // quotes, but only as an inference
            Quoting("provider.seat"),                       // states it
            Quoting("operatingModel, openSource, processing.countries"),
        ]);

        Assert.Equal(["contract.ownPurposes"], SourceCoverage.WithoutPassage(profile));
        Assert.Equal(["technical.e2ee"], SourceCoverage.Inferred(profile));
    }

    [Fact]
    public void Inferred_NotWhenAnotherSourceStatesIt()
    {
        var profile = Profile(sources: [Quoting("technical.e2ee", inferred: Why), Quoting("technical")]);
        Assert.DoesNotContain("technical.e2ee", SourceCoverage.Inferred(profile));
    }

    [Fact]
    public void KnownValues_WriteEachKindOfFactAsItsWireValue()
    {
        var values = SourceCoverage.KnownValues(Profile(countries: ["DE", "US"], transfers: [To("US", "dpf")])).ToDictionary(v => v.Path, v => v.Value);
        Assert.Equal("DE", values["provider.seat"]);
        Assert.Equal("false", values["openSource"]);
        Assert.Equal("DE, US", values["processing.countries"]);
        Assert.Equal("US:dpf", values["transfers"]);
        Assert.Equal("excluded", values["contract.ownPurposes"]);
    }

    [Fact]
    public void ParentFacts_ThePartKeepsItsTechnicalFactsAndTakesTheParentsContract()
    {
        var part = Profile("part", "2021-02-18", seat: "US", countries: ["US"], transfers: [To("US", "scc-2010")], partOf: "parent",
            facts: new(StringComparer.Ordinal) { ["contract.ownPurposes"] = "reserved", ["technical.e2ee"] = "available" },
            sources: [Quoting("contract.ownPurposes, technical.e2ee"), Quoting("transfers")]);
        var parent = Profile("parent", "2025-09-01", seat: "IE", countries: ["DE", "US"], transfers: [To("US", "dpf")],
            facts: new(StringComparer.Ordinal) { ["contract.ownPurposes"] = "excluded", ["technical.e2ee"] = "none" },
            sources: [Quoting("contract, technical.e2ee, provider")]);

        var taken = ParentFacts.Take(part, parent);

        Assert.Equal("excluded", taken.Fact("contract.ownPurposes"));
        Assert.Equal("available", taken.Fact("technical.e2ee"));
        Assert.Equal("IE", taken.Provider.Seat);
        Assert.Equal(["US:dpf"], taken.Transfers.Select(t => $"{t.To}:{t.Tool}"));
        Assert.Equal(D("2025-09-01"), taken.FactsAsOf);
        Assert.Equal(new InheritedFacts("parent", parent.Names, D("2025-09-01"), D("2021-02-18")), taken.Inherited);
        // Each source is left supporting only what it still supports here.
        Assert.Equal(["contract, provider", "technical.e2ee"], taken.Sources.Select(s => s.About));
    }

    [Fact]
    public void SnapshotOn_APartTakesItsParentsFactsOnlyWhenTheyAreAsNewOrNewer()
    {
        var part = Profile("part", "2021-02-18", partOf: "parent");
        var old = Profile("parent", "2020-01-01", facts: new(StringComparer.Ordinal) { ["contract.ownPurposes"] = "reserved" });
        var newer = Profile("parent", "2025-09-01", facts: new(StringComparer.Ordinal) { ["contract.ownPurposes"] = "unknown" });
        var catalog = new ServiceCatalog([part, old, newer], [], [], Data.Catalog.Authorities, Data.Catalog.DefaultAuthority.Id);

        Assert.Same(part, catalog.SnapshotOn("part", D("2022-01-01")));
        var taken = catalog.SnapshotOn("part", D("2026-01-01"))!;
        Assert.Equal("unknown", taken.Fact("contract.ownPurposes"));
        Assert.Same(taken, catalog.SnapshotOn("part", D("2026-06-01")));
        Assert.Null(catalog.SnapshotOn("part", D("2020-06-01")));

        // Facts of the same day: the parent's contract still wins, so the two cannot say different things that day.
        var sameDay = Profile("part", "2025-09-01", partOf: "parent", facts: new(StringComparer.Ordinal) { ["contract.ownPurposes"] = "excluded" });
        var both = new ServiceCatalog([sameDay, newer], [], [], Data.Catalog.Authorities, Data.Catalog.DefaultAuthority.Id);
        Assert.Equal("unknown", both.SnapshotOn("part", D("2026-01-01"))!.Fact("contract.ownPurposes"));
    }

    [Fact]
    public void ShippedCatalogue_EveryKnownFactHasAPassage()
    {
        var unquoted = Data.Catalog.ServiceIds.SelectMany(Data.Catalog.History)
            .SelectMany(s => SourceCoverage.WithoutPassage(s).Select(p => $"{s.Id}@{s.FactsAsOf}: {p}"))
            .ToList();
        Assert.Empty(unquoted);
    }

    [Fact]
    public void ShippedCatalogue_TeamsInMicrosoft365_IsJudgedOnItsParentsContractToday()
    {
        var today = D("2026-12-06");
        var teams = Data.Catalog.SnapshotOn("teams-m365", today)!;
        var parent = Data.Catalog.SnapshotOn("microsoft-365", today)!;
        Assert.Equal("microsoft-365", teams.Inherited?.ParentId);
        Assert.Equal(parent.FactsAsOf, teams.FactsAsOf);
        Assert.All(parent.Facts.Where(f => f.Key.StartsWith("contract.", StringComparison.Ordinal)), f => Assert.Equal(f.Value, teams.Fact(f.Key)));
        var authority = Default(today);
        Assert.Equal(
            CatalogAssessor.AssessService(parent, today, authority, "normal").Verdict,
            CatalogAssessor.AssessService(teams, today, authority, "normal").Verdict);
    }

    public static TheoryData<string, bool> CitableCases => new()
    {
        { "https://support.apple.com/en-ie/102651", true },
        { "https://learn.microsoft.com/en-us/microsoftteams/privacy/policy-control-overview", true },
        { "https://github.com/jitsi/jitsi-meet/blob/0123abc/config.js", true },
        { "https://www.datenschutz-berlin.de/fileadmin/user_upload/pdf/orientierungshilfen/2020-BlnBDI-Hinweise_Berliner_Verantwortliche_zu_Anbietern_Videokonferenz-Dienste.pdf", true },
        { "http://example.org/page?lang=de&page=2", true },
        { "https://ibetubet.com/infinito/?x=https%3A%2F%2Fsupport.apple.com%2Fen-vn%2Fguide%2Fsecurity", false },
        { "http://akroncuttingedge.com/pFad/v4index.php?u=https%3A%2F%2Fsupport.apple.com%2Fen-ie%2F102651", false },
        { "https://2.gy-118.workers.dev/:443/https/support.apple.com/en-za/guide/security/sec049674014/web", false },
        { "https://lerntransit.com/admin/tool/policy/viewall.php?returnurl=https%3A%2F%2Flerntransit.com%2Flogin%2Findex.php", false },
        { "https://learn.microsoft.com./pt-br/training/modules/audit-privacy/destruction", false },
        { "ftp://example.org/dpa.pdf", false },
        { "not an address", false },
    };

    [Theory]
    [MemberData(nameof(CitableCases))]
    public void IsCitable_RefusesAProxysCopyAReturnAddressAndAHostEndingInADot(string url, bool citable)
    {
        Assert.Equal(citable, SourceCoverage.IsCitable(url));
        var profile = Profile(sources: [new Source(url, D("2026-12-06"), "technical.e2ee", null, null, "words", null)]);
        Assert.Equal(citable ? [] : [url], SourceCoverage.NotCitable(profile.Sources));
    }

    [Fact]
    public void ShippedCatalogue_EverySourceIsCitable()
    {
        var notCitable = Data.Catalog.ServiceIds.SelectMany(Data.Catalog.History)
            .SelectMany(p => SourceCoverage.NotCitable(p.Sources).Select(url => $"{p.Id}@{p.FactsAsOf}: {url}"))
            .Concat(Data.Catalog.Decisions.SelectMany(d => SourceCoverage.NotCitable(d.Sources).Select(url => $"{d.Id}: {url}")))
            .Concat(Data.Catalog.Alternatives.SelectMany(a => SourceCoverage.NotCitable(a.Sources).Select(url => $"{a.Service}: {url}")))
            .ToList();
        Assert.Empty(notCitable);
    }

    [Fact]
    public void ShippedCatalogue_EveryPassageSaysItsLanguage()
    {
        var unmarked = Data.Catalog.ServiceIds.SelectMany(Data.Catalog.History)
            .SelectMany(p => p.Sources.Where(s => s.Passage is not null && s.Lang is null).Select(s => $"{p.Id}@{p.FactsAsOf}: {s.Url}"))
            .ToList();
        Assert.Empty(unmarked);
    }
}
