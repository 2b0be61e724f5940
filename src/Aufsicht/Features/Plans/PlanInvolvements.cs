using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>
/// Sets when the staff representatives (Personalrat) of one of a plan's bodies were involved, and a note (one entry per
/// plan and body; setting it again changes it). The day is not in the future: an involvement still to come does not
/// count (the plan's check would fall silent too early). Every bad field is named, nothing stored.
/// </summary>
internal sealed class PlanInvolvements(AufsichtDb db, TimeProvider clock, LocalDates dates)
{
    public const int NoteMax = 2000;

    public async Task<Result<bool>> SetAsync(long planId, long? bodyId, string? date, string? note, string user, CancellationToken cancel)
    {
        if (!await db.MigrationPlans.AnyAsync(p => p.Id == planId, cancel).ConfigureAwait(false))
        {
            return Error.NotFound("plan", "plans.notFound", planId.ToString(CultureInfo.InvariantCulture));
        }

        var errors = new List<Error>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (bodyId is not { } body || !await db.PlanPackages.AnyAsync(p => p.PlanId == planId && p.BodyId == body, cancel).ConfigureAwait(false))
        {
            errors.Add(Error.Invalid("body", "plans.involvement.body.unknown"));
        }

        var day = PlanDay.Past(date, dates.DayOf(now), "date", "plans.involvement.date.invalid", "plans.involvement.date.future", errors);

        var text = (note ?? "").Trim();
        if (text.Length > NoteMax)
        {
            errors.Add(Error.Invalid("note", "plans.involvement.note.tooLong", NoteMax.ToString(CultureInfo.InvariantCulture), text.Length.ToString(CultureInfo.InvariantCulture)));
        }

        if (errors.Count > 0)
        {
            return Result<bool>.Fail(errors);
        }

        var row = await db.PlanInvolvements.SingleOrDefaultAsync(i => i.PlanId == planId && i.BodyId == bodyId!.Value, cancel).ConfigureAwait(false);
        var previous = row is null ? null : PlanDay.Iso(row.InvolvedOn);
        if (row is null)
        {
            row = new PlanInvolvementRecord { PlanId = planId, BodyId = bodyId!.Value };
            db.PlanInvolvements.Add(row);
        }
        else if (row.InvolvedOn == day!.Value && row.Note == (text.Length == 0 ? null : text))
        {
            return Result<bool>.Ok(false);
        }

        row.InvolvedOn = day!.Value;
        row.Note = text.Length == 0 ? null : text;
        await AuditLog.AddAsync(db, now, user, "plans.audit.involvement", null, JsonSerializer.Serialize(new
        {
            plan = planId,
            body = bodyId,
            from = previous,
            to = PlanDay.Iso(row.InvolvedOn),
            note = row.Note,
        }), cancel).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two people set the same body at once (unique per plan and body), or the audit chain moved.
            db.ChangeTracker.Clear();
            return Error.Conflict("date", "plans.record.busy");
        }

        return Result<bool>.Ok(true);
    }
}
