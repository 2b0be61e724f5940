namespace Aufsicht.Core.Migration;

/// <summary>
/// One package's months for counting progress: planned by the last solve (the end month exclusive, as stored) and
/// actual as entered. Null planned months: the plan was not computed (or the package could not be placed).
/// </summary>
public sealed record ProgressLine(string Key, Pillar Pillar, YearMonth? PlannedStart, YearMonth? PlannedEnd, YearMonth? ActualStart, YearMonth? ActualEnd)
{
    /// <summary>The last month the package is planned to take (its start for a package of no duration, such as a rollback point).</summary>
    public YearMonth? Due => PlannedStart is { } s && PlannedEnd is { } e ? (e > s ? e.Plus(-1) : s) : null;
}

/// <summary>The counts of one pillar: packages in all, done (actual end), running (begun, not ended) and late (due month passed without an actual end; a late package may be running).</summary>
public sealed record PillarProgress(Pillar Pillar, int Packages, int Done, int Running, int Late);

/// <summary>A package past its due month without an actual end, and by how many months.</summary>
public sealed record LatePackage(string Key, Pillar Pillar, YearMonth Due, int MonthsLate, bool Begun);

/// <summary>Planned against actual: the counts per pillar and the late packages, most late first.</summary>
public sealed record ProgressSummary(IReadOnlyList<PillarProgress> Pillars, IReadOnlyList<LatePackage> Late);

/// <summary>
/// Counts planned against actual (Munich's lesson: count honestly). Pure: the current month is passed in. A package is
/// late in the month after its due month when it has no actual end; a package due this month is not late yet.
/// </summary>
public static class PlanProgressSummary
{
    public static ProgressSummary Summarise(IReadOnlyList<ProgressLine> lines, YearMonth today)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var late = lines
            .Where(l => l.ActualEnd is null && l.Due is { } due && due < today)
            .Select(l => new LatePackage(l.Key, l.Pillar, l.Due!.Value, l.Due!.Value.MonthsUntil(today), l.ActualStart is not null))
            .OrderByDescending(l => l.MonthsLate).ThenBy(l => l.Pillar).ThenBy(l => l.Key, StringComparer.Ordinal)
            .ToList();
        var lateKeys = late.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var pillars = lines.GroupBy(l => l.Pillar).OrderBy(g => g.Key)
            .Select(g => new PillarProgress(g.Key, g.Count(),
                g.Count(l => l.ActualEnd is not null),
                g.Count(l => l.ActualStart is not null && l.ActualEnd is null),
                g.Count(l => lateKeys.Contains(l.Key))))
            .ToList();
        return new ProgressSummary(pillars, late);
    }
}
