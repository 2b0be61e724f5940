using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>
/// Sets the earliest and latest month of one package (a person's dates, which the next computation keeps). The page
/// sends the revision it showed: a package changed since is refused, nothing changed. The package is marked as edited,
/// so regenerating the plan keeps it as it is.
/// </summary>
internal sealed class PlanPackages(AufsichtDb db, TimeProvider clock)
{
    public async Task<Result<bool>> SetDatesAsync(long packageId, int revision, string? earliest, string? latest, string user, CancellationToken cancel)
    {
        var row = await db.PlanPackages.SingleOrDefaultAsync(p => p.Id == packageId, cancel).ConfigureAwait(false);
        if (row is null)
        {
            return Error.NotFound("package", "plans.package.notFound");
        }

        var errors = new List<Error>();
        var first = Month("earliest", earliest, errors);
        var last = Month("latest", latest, errors);
        if (first is { } f && last is { } l && l < f)
        {
            errors.Add(Error.Invalid("latest", "plans.package.latestBeforeEarliest", PlanRows.MonthText(l), PlanRows.MonthText(f)));
        }

        if (errors.Count > 0)
        {
            return Result<bool>.Fail(errors);
        }

        if (row.Revision != revision)
        {
            return Error.Conflict("revision", "plans.package.stale");
        }

        var (newEarliest, newLatest) = (first?.FirstDay, last?.FirstDay);
        if (row.Earliest == newEarliest && row.Latest == newLatest)
        {
            return Result<bool>.Ok(false);
        }

        var plan = await db.MigrationPlans.SingleAsync(p => p.Id == row.PlanId, cancel).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        await AuditLog.AddAsync(db, now, user, "plans.audit.packageDates", null, JsonSerializer.Serialize(new
        {
            plan = row.PlanId,
            package = row.Key,
            earliest = new { from = Text(row.Earliest), to = Text(newEarliest) },
            latest = new { from = Text(row.Latest), to = Text(newLatest) },
        }), cancel).ConfigureAwait(false);
        (row.Earliest, row.Latest, row.Edited) = (newEarliest, newLatest, true);
        row.Revision++;
        plan.UpdatedAt = now;
        plan.Revision++;
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another person saved the package or the plan in the same moment (revision), or the audit chain moved.
            db.ChangeTracker.Clear();
            return Error.Conflict("revision", "plans.package.stale");
        }

        return Result<bool>.Ok(true);
    }

    private static YearMonth? Month(string field, string? text, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PlanRows.ParseMonth(text) is { } month)
        {
            return month;
        }

        errors.Add(Error.Invalid(field, "plans.package.month.invalid", text.Trim()));
        return null;
    }

    private static string? Text(DateOnly? month) => month?.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>A calendar day as a form takes it: <c>16.12.2026</c> or ISO <c>2026-12-16</c>.</summary>
internal static class PlanDay
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact((text ?? "").Trim(), ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1990 and <= 2100
            ? d
            : null;

    /// <summary>ISO, for the audit log and error arguments (which the form mapper turns into a local date).</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A day a record says something happened on: it must read as a day (<paramref name="invalidKey"/>) and not lie
    /// after <paramref name="today"/> (<paramref name="futureKey"/>); null, with the error added, otherwise.
    /// </summary>
    public static DateOnly? Past(string? text, DateOnly today, string field, string invalidKey, string futureKey, List<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var day = Parse(text);
        if (day is null)
        {
            errors.Add(Error.Invalid(field, invalidKey, text ?? ""));
        }
        else if (day > today)
        {
            errors.Add(Error.Invalid(field, futureKey, Iso(day.Value)));
            return null;
        }

        return day;
    }

    /// <summary>A required text of a record, trimmed: missing (<paramref name="missingKey"/>) or longer than <paramref name="max"/> (<paramref name="tooLongKey"/>) adds an error.</summary>
    public static string Required(string field, string? value, int max, string missingKey, string tooLongKey, List<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            errors.Add(Error.Invalid(field, missingKey));
        }
        else if (text.Length > max)
        {
            errors.Add(Error.Invalid(field, tooLongKey, max.ToString(CultureInfo.InvariantCulture), text.Length.ToString(CultureInfo.InvariantCulture)));
        }

        return text;
    }
}
