using Aufsicht.Core.Cases;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>Which of a case's deadlines is counting: the hearing's while it stands in Hearing, the compliance one's while Decided.</summary>
internal enum DeadlineKind
{
    Hearing,
    Compliance,
}

/// <summary>One counting deadline of a case: the case, the body's name, which deadline, its last day, the handler.</summary>
internal sealed record OpenDeadline(long CaseId, string FileNumber, string BodyName, CaseState State, DeadlineKind Kind, DateOnly Date, string? HandlerId)
{
    /// <summary>The kind as it appears in text keys, calendar UIDs and message ids.</summary>
    public string KindName => Kind == DeadlineKind.Hearing ? "hearing" : "compliance";
}

/// <summary>
/// The deadlines that count, read straight from the case rows (one projection each): the open ones of a handler or of
/// everyone, and the overdue cases on a day — a hearing deadline passed while the case still stands in Hearing, a
/// compliance deadline passed while it stands in Decided. A closed case, or one whose deadline has been acted on (a
/// statement recorded, a follow-up started), has none. The date is the last day of the period, so it is overdue from
/// the day after.
/// </summary>
internal static class CaseDeadlines
{
    /// <summary>The counting deadlines of <paramref name="handlerId"/> (null: of everyone), earliest first.</summary>
    public static async Task<IReadOnlyList<OpenDeadline>> OpenAsync(AufsichtDb db, string? handlerId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await Project(db, Counting(db, handlerId)).ToListAsync(cancel).ConfigureAwait(false);
        return Order(rows.Select(Deadline));
    }

    /// <summary>The cases whose counting deadline ended before <paramref name="today"/> (the authority's local day), earliest first.</summary>
    public static async Task<IReadOnlyList<OpenDeadline>> OverdueAsync(AufsichtDb db, DateOnly today, string? handlerId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overdue = Counting(db, handlerId)
            .Where(c => (c.State == CaseState.Hearing && c.HearingDeadline < today) || (c.State == CaseState.Decided && c.ComplianceDeadline < today));
        var rows = await Project(db, overdue).ToListAsync(cancel).ConfigureAwait(false);
        return Order(rows.Select(Deadline));
    }

    /// <summary>The counting deadlines that end between <paramref name="from"/> and <paramref name="to"/> (both included), of cases with a handler.</summary>
    public static async Task<IReadOnlyList<OpenDeadline>> EndingAsync(AufsichtDb db, DateOnly from, DateOnly to, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ending = Counting(db, handlerId: null)
            .Where(c => c.HandlerId != null)
            .Where(c => (c.State == CaseState.Hearing && c.HearingDeadline >= from && c.HearingDeadline <= to)
                || (c.State == CaseState.Decided && c.ComplianceDeadline >= from && c.ComplianceDeadline <= to));
        var rows = await Project(db, ending).ToListAsync(cancel).ConfigureAwait(false);
        return Order(rows.Select(Deadline));
    }

    private sealed record Row(long Id, string FileNumber, string BodyName, CaseState State, string? HandlerId, DateOnly? Hearing, DateOnly? Compliance);

    private static IQueryable<CaseRecord> Counting(AufsichtDb db, string? handlerId) =>
        db.Cases.AsNoTracking()
            .Where(c => (c.State == CaseState.Hearing && c.HearingDeadline != null) || (c.State == CaseState.Decided && c.ComplianceDeadline != null))
            .Where(c => handlerId == null || c.HandlerId == handlerId);

    private static IQueryable<Row> Project(AufsichtDb db, IQueryable<CaseRecord> cases) =>
        cases.Join(db.Bodies, c => c.BodyId, b => b.Id, (c, b) => new Row(c.Id, c.FileNumber, b.Name, c.State, c.HandlerId, c.HearingDeadline, c.ComplianceDeadline));

    private static OpenDeadline Deadline(Row r) => r.State == CaseState.Hearing
        ? new OpenDeadline(r.Id, r.FileNumber, r.BodyName, r.State, DeadlineKind.Hearing, r.Hearing!.Value, r.HandlerId)
        : new OpenDeadline(r.Id, r.FileNumber, r.BodyName, r.State, DeadlineKind.Compliance, r.Compliance!.Value, r.HandlerId);

    // Ordered here rather than in SQL: the date sits in one of two columns, and a handler's list is short.
    private static List<OpenDeadline> Order(IEnumerable<OpenDeadline> deadlines) =>
        deadlines.OrderBy(d => d.Date).ThenBy(d => d.FileNumber, StringComparer.Ordinal).ToList();
}
