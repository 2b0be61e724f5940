using Aufsicht.Core.Assessment;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Catalog;

/// <summary>
/// What the catalogue's verdicts rest on, counted (<c>catalog validate</c>): known facts with and without a quoted
/// passage, facts that rest on inference only, services whose technical facts suffice for the engine to assess the
/// technical stage (ungated: Berlin's method looks at it only after a green legal stage, which says nothing about the
/// data), and services
/// whose facts on the day counted predate a legal event that concerns them.
/// </summary>
public sealed record EvidenceCounts(
    int Services, int Snapshots, int KnownFacts, int WithPassage, int Inferred, int TechnicalAssessed, IReadOnlyList<string> Predating)
{
    public int WithoutPassage => KnownFacts - WithPassage;
}

public static class CatalogEvidence
{
    /// <summary>Counts over every snapshot; technical stage and predating as of <paramref name="day"/>, in the default authority's view without its gate.</summary>
    public static EvidenceCounts Count(CatalogAssessor assessor, LegalCalendar law, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(law);
        var catalog = assessor.Catalog;
        var ids = catalog.ServiceIds.ToArray();
        var snapshots = ids.SelectMany(catalog.History).ToArray();
        var known = snapshots.Sum(s => SourceCoverage.KnownFacts(s).Count());
        var without = snapshots.Sum(s => SourceCoverage.WithoutPassage(s).Count);
        var inferred = snapshots.Sum(s => SourceCoverage.Inferred(s).Count);
        var authority = catalog.DefaultAuthority.On(day) with { GateTechnical = false };
        var technical = 0;
        var predating = new List<string>();
        foreach (var id in ids)
        {
            var current = catalog.SnapshotOn(id, day) ?? catalog.Latest(id)!;
            if (assessor.AssessService(current, day, authority, "normal").Technical != Verdict.NotAssessed)
            {
                technical++;
            }

            if (FactsAge.Predated(current, law, day).Count > 0)
            {
                predating.Add(id);
            }
        }

        return new EvidenceCounts(ids.Length, snapshots.Length, known, known - without, inferred, technical, predating);
    }
}
