using Aufsicht.Core.Law;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Assessment;

/// <summary>
/// The engine, fed with the catalogue's facts, reproduces the colours Berlin published on 3 July 2020
/// (domain/assessment.md §5) — and, the same way, every other published decision in <c>data/decisions/</c>.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BerlinReproductionTests
{
    /// <summary>Berlin's list of 3 July 2020, as domain/assessment.md §5 states it.</summary>
    public static TheoryData<string, Verdict> Berlin2020 => new()
    {
        { "zoom", Verdict.Red },
        { "teams-free", Verdict.Red },
        { "teams-m365", Verdict.Red },
        { "skype", Verdict.Red },
        { "skype-for-business-online", Verdict.Red },
        { "google-meet-free", Verdict.Red },
        { "google-meet-workspace", Verdict.Red },
        { "webex-telekom", Verdict.Yellow },
        { "jitsi-netways", Verdict.Green },
        { "jitsi-sichere-videokonferenz", Verdict.Green },
        { "tixeo-cloud", Verdict.Green },
        { "bbb-werk21", Verdict.Green },
        { "wire", Verdict.Green },
    };

    /// <summary>
    /// Published red or yellow, but Berlin's per-service notes (which AVV clauses were defective) could not be read
    /// from any stored source, so their contract facts are unknown. The engine must then say "not assessed" —
    /// never a colour that contradicts the published one — and report the disagreement.
    /// </summary>
    public static TheoryData<string, Verdict> Berlin2020Unsourced => new()
    {
        { "gotomeeting", Verdict.Red },
        { "blizz", Verdict.Red },
        { "webex", Verdict.Red },
        { "jitsi-public", Verdict.Yellow },
    };

    [Theory]
    [MemberData(nameof(Berlin2020Unsourced))]
    public void Berlin2020_WhereContractFactsAreUnsourced_NotAssessedAndFlagged(string service, Verdict published)
    {
        var date = D("2020-07-03");
        var verdict = Engine.AssessService(Data.Catalog.SnapshotOn(service, date)!, date, Data.Catalog.FindAuthority("blnbdi")!.On(date)).Verdict;
        Assert.Equal(Verdict.NotAssessed, verdict);
        var check = CatalogAssessor.DecisionsOn(service).Single(c => c.Decision.Date == date);
        Assert.Equal(published, check.Decision.Verdict);
        Assert.False(check.Agrees);
    }

    [Theory]
    [MemberData(nameof(Berlin2020))]
    public void Berlin2020_FromCatalogueFacts_ReproducesPublishedColour(string service, Verdict published)
    {
        var date = D("2020-07-03");
        var snapshot = Data.Catalog.SnapshotOn(service, date);
        Assert.NotNull(snapshot);
        var verdict = Engine.AssessService(snapshot, date, Data.Catalog.FindAuthority("blnbdi")!.On(date)).Verdict;
        Assert.Equal(published, verdict);
    }

    [Fact]
    public void Berlin2020_DecisionFile_ListsTheSameColours()
    {
        var decisions = Data.Catalog.Decisions.Where(d => d.Authority == "blnbdi" && d.Date == D("2020-07-03")).ToDictionary(d => d.Service, d => d.Verdict);
        foreach (var row in Berlin2020.Concat(Berlin2020Unsourced))
        {
            Assert.Equal((Verdict)row[1], decisions[(string)row[0]]);
        }
    }

    [Fact]
    public void Decisions_EngineBesidePublished_ReportsAgreementAndDisagreement()
    {
        var checks = Data.Catalog.ServiceIds.SelectMany(CatalogAssessor.DecisionsOn).ToList();
        Assert.Equal(Data.Catalog.Decisions.Count, checks.Count);
        Assert.All(checks, c => Assert.Equal(c.Engine == c.Decision.Verdict, c.Agrees));
        // DSK 2020 on Microsoft 365 (January 2020 terms): the engine agrees that it was red.
        var dsk = checks.Single(c => c.Decision.Id == "dsk-2020-microsoft-365");
        Assert.Equal(Verdict.Red, dsk.Engine);
    }
}
