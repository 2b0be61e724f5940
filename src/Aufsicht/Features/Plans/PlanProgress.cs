using System.Globalization;
using Aufsicht.Core;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>What happened to one package, as a person enters it or a file brings it: its key, the month it began and the month it ended (both null: not begun; a correction may clear them).</summary>
internal sealed record ActualInput(string Key, YearMonth? Start, YearMonth? End);

/// <summary>
/// Records progress on a plan's packages: the actual start and end months. All or nothing — one bad entry and none is
/// stored; every bad entry is named (<c>entries[3].end</c>). A month after the current one is refused (progress is what
/// happened), as is an end without a start or before it. Re-computing the plan keeps begun packages where they began.
/// </summary>
internal sealed class PlanProgress(AufsichtDb db, TimeProvider clock)
{
    public async Task<Result<int>> SetActualsAsync(long planId, IReadOnlyList<ActualInput> entries, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var plan = await db.MigrationPlans.SingleOrDefaultAsync(p => p.Id == planId, cancel).ConfigureAwait(false);
        if (plan is null)
        {
            return Error.NotFound("plan", "plans.notFound", planId.ToString(CultureInfo.InvariantCulture));
        }

        var keys = entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.PlanPackages.Where(p => p.PlanId == planId && keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, cancel).ConfigureAwait(false);
        var now = YearMonth.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var errors = new List<Error>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, start, end) = entries[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"entries[{i}]");
            if (!rows.ContainsKey(key))
            {
                errors.Add(Error.NotFound(at + ".key", "plans.progress.unknownPackage", key));
                continue;
            }

            if (!seen.Add(key))
            {
                errors.Add(Error.Invalid(at + ".key", "plans.progress.twice", key));
            }

            if (end is not null && start is null)
            {
                errors.Add(Error.Invalid(at + ".start", "plans.progress.endWithoutStart"));
            }

            if (start is { } s && s > now)
            {
                errors.Add(Error.Invalid(at + ".start", "plans.progress.future", PlanRows.MonthText(s)));
            }

            if (end is { } e && e > now)
            {
                errors.Add(Error.Invalid(at + ".end", "plans.progress.future", PlanRows.MonthText(e)));
            }

            if (start is { } s2 && end is { } e2 && e2 < s2)
            {
                errors.Add(Error.Invalid(at + ".end", "plans.progress.endBeforeStart", PlanRows.MonthText(e2), PlanRows.MonthText(s2)));
            }
        }

        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        var changed = 0;
        foreach (var (key, start, end) in entries)
        {
            var row = rows[key];
            var (newStart, newEnd) = (start?.FirstDay, end?.FirstDay);
            if (row.ActualStart != newStart || row.ActualEnd != newEnd)
            {
                (row.ActualStart, row.ActualEnd) = (newStart, newEnd);
                row.Revision++;
                changed++;
            }
        }

        if (changed > 0)
        {
            plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            plan.Revision++;
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }

        return Result<int>.Ok(changed);
    }
}
