using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>A decision as a form sends it: every field as typed; <c>Corrects</c> is the id of the entry it corrects, or null.</summary>
internal sealed record DecisionInput(string? Date, string? DecidedBy, string? Subject, string? Text, long? Corrects);

/// <summary>
/// Appends an entry to a plan's decision log: who decided what and when. Entries are never changed or deleted (the
/// database refuses it); a correction is a new entry naming the one it corrects, so the log survives a change of
/// government. Every bad field is named, nothing stored.
/// </summary>
internal sealed class PlanDecisions(AufsichtDb db, TimeProvider clock, LocalDates dates)
{
    public const int ByMax = 300;
    public const int SubjectMax = 300;
    public const int TextMax = 8000;

    public async Task<Result<long>> AddAsync(long planId, DecisionInput input, string user, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.MigrationPlans.AnyAsync(p => p.Id == planId, cancel).ConfigureAwait(false))
        {
            return Error.NotFound("plan", "plans.notFound", planId.ToString(CultureInfo.InvariantCulture));
        }

        var errors = new List<Error>();
        var now = clock.GetUtcNow().UtcDateTime;
        var day = PlanDay.Past(input.Date, dates.DayOf(now), "date", "plans.decision.date.invalid", "plans.decision.date.future", errors);

        var by = PlanDay.Required("decidedBy", input.DecidedBy, ByMax, "plans.decision.decidedBy.missing", "plans.decision.decidedBy.tooLong", errors);
        var subject = PlanDay.Required("subject", input.Subject, SubjectMax, "plans.decision.subject.missing", "plans.decision.subject.tooLong", errors);
        var text = PlanDay.Required("text", input.Text, TextMax, "plans.decision.text.missing", "plans.decision.text.tooLong", errors);
        if (input.Corrects is { } corrects && !await db.PlanDecisions.AnyAsync(d => d.PlanId == planId && d.Id == corrects, cancel).ConfigureAwait(false))
        {
            errors.Add(Error.Invalid("corrects", "plans.decision.corrects.unknown"));
        }

        if (errors.Count > 0)
        {
            return Result<long>.Fail(errors);
        }

        var record = new PlanDecisionRecord
        {
            PlanId = planId,
            DecidedOn = day!.Value,
            DecidedBy = by,
            Subject = subject,
            Text = text,
            CorrectsId = input.Corrects,
            RecordedBy = user,
            RecordedAt = now,
        };
        db.PlanDecisions.Add(record);
        await AuditLog.AddAsync(db, now, user, "plans.audit.decision", null, JsonSerializer.Serialize(new
        {
            plan = planId,
            decidedOn = PlanDay.Iso(record.DecidedOn),
            decidedBy = by,
            subject,
            corrects = input.Corrects,
        }), cancel).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("text", "plans.record.busy");
        }

        return Result<long>.Ok(record.Id);
    }
}
