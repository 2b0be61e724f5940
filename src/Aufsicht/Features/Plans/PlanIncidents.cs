using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>An incident as a form sends it: every field as typed.</summary>
internal sealed record IncidentInput(string? Date, long? BodyId, string? Pillar, string? Cause, string? Summary);

/// <summary>
/// Records an incident of a plan, tagged as caused by the migration or pre-existing (Munich's lesson: count them
/// honestly). The day is not in the future; a body must be one of the plan's; every bad field is named, nothing stored.
/// </summary>
internal sealed class PlanIncidents(AufsichtDb db, TimeProvider clock, LocalDates dates)
{
    public const int SummaryMax = 4000;

    public static readonly IReadOnlyList<string> Causes = ["migration", "pre-existing"];

    public async Task<Result<long>> AddAsync(long planId, IncidentInput input, string user, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.MigrationPlans.AnyAsync(p => p.Id == planId, cancel).ConfigureAwait(false))
        {
            return Error.NotFound("plan", "plans.notFound", planId.ToString(CultureInfo.InvariantCulture));
        }

        var errors = new List<Error>();
        var now = clock.GetUtcNow().UtcDateTime;
        var day = PlanDay.Past(input.Date, dates.DayOf(now), "date", "plans.incident.date.invalid", "plans.incident.date.future", errors);

        if (input.BodyId is { } body && !await db.PlanPackages.AnyAsync(p => p.PlanId == planId && p.BodyId == body, cancel).ConfigureAwait(false))
        {
            errors.Add(Error.Invalid("body", "plans.incident.body.unknown"));
        }

        Pillar? pillar = null;
        if (!string.IsNullOrEmpty(input.Pillar))
        {
            if (MigrationNames.TryParse<Pillar>(input.Pillar, out var p))
            {
                pillar = p;
            }
            else
            {
                errors.Add(Error.Invalid("pillar", "plans.incident.pillar.unknown"));
            }
        }

        if (input.Cause is null || !Causes.Contains(input.Cause))
        {
            errors.Add(Error.Invalid("cause", "plans.incident.cause.missing"));
        }

        var summary = PlanDay.Required("summary", input.Summary, SummaryMax, "plans.incident.summary.missing", "plans.incident.summary.tooLong", errors);

        if (errors.Count > 0)
        {
            return Result<long>.Fail(errors);
        }

        var record = new PlanIncidentRecord
        {
            PlanId = planId,
            BodyId = input.BodyId,
            Pillar = pillar,
            OccurredOn = day!.Value,
            Cause = input.Cause!,
            Summary = summary,
            RecordedBy = user,
            RecordedAt = now,
        };
        db.PlanIncidents.Add(record);
        await AuditLog.AddAsync(db, now, user, "plans.audit.incident", null, JsonSerializer.Serialize(new
        {
            plan = planId,
            occurredOn = PlanDay.Iso(record.OccurredOn),
            body = record.BodyId,
            pillar = input.Pillar,
            cause = record.Cause,
            summary,
        }), cancel).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("summary", "plans.record.busy");
        }

        return Result<long>.Ok(record.Id);
    }
}
