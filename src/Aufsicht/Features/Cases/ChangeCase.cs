using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Cases;
using Aufsicht.Core.Enforcement;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>
/// What a handler sends with a step: the case's revision as the page showed it, the step (deadline, outcome, § 28(2)
/// ground), and for a decision the powers chosen and why they differ from the recommendation.
/// </summary>
internal sealed record CaseChange(long CaseId, int Revision, CaseStep Step, IReadOnlyList<string>? Powers = null, string? Reason = null, string? Note = null, string? PublicUrl = null, decimal? Fine = null);

/// <summary>The case after a step, and the follow-up link issued by starting the follow-up check (shown once).</summary>
internal sealed record CaseChanged(CaseRecord Case, FollowUpLink? Link);

/// <summary>
/// Moves a case one step along its workflow (<see cref="CaseWorkflow"/>): checks that the step is allowed now, records
/// what it sets (deadlines, the measure, the outcome), and writes the audit entry in the same transaction. A change
/// based on a page older than the case is refused, so no handler overwrites another's step unseen.
/// </summary>
internal sealed class ChangeCase(AufsichtDb db, Shared.LocalDates dates, TimeProvider clock, CaseSettings settings, IConfiguration configuration, Catalog.CatalogStore catalog, Mail.OutboxSignal signal, JurisdictionTable jurisdictions)
{
    public async Task<Result<CaseChanged>> RunAsync(CaseChange change, string actor, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(change);
        var record = await db.Cases.SingleOrDefaultAsync(c => c.Id == change.CaseId, cancel).ConfigureAwait(false);
        if (record is null)
        {
            return Error.NotFound("id", "case.unknown");
        }

        if (record.Revision != change.Revision)
        {
            return Error.Conflict("revision", "case.changed");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = dates.DayOf(now);
        var next = CaseWorkflow.Apply(new CaseStatus(record.State, record.HearingDeadline, record.ComplianceDeadline), change.Step, today);
        if (!next.IsOk)
        {
            return Result<CaseChanged>.Fail(next.Errors);
        }

        var powers = new List<Power>();
        if (change.Step.Action == CaseAction.Decide)
        {
            foreach (var wire in change.Powers ?? [])
            {
                if (!Powers.TryParse(wire, out var power))
                {
                    return Error.Invalid("powers", "case.power.unknown", wire);
                }

                powers.Add(power);
            }

            if (powers.Count == 0)
            {
                return Error.Invalid("powers", "case.power.missing");
            }

            // A fine (Art. 58(2)(i)) is imposed with its amount, and only where the controller may be fined at all.
            if (powers.Contains(Power.I) != change.Fine is not null)
            {
                return Error.Invalid("fine", powers.Contains(Power.I) ? "case.fine.missing" : "case.fine.withoutPower");
            }

            if (powers.Contains(Power.I) && !jurisdictions.FineAdmissibility(ControllerOf(record)).Admissible)
            {
                return Error.Invalid("powers", "case.fine.notAllowed");
            }

            if (change.Fine is { } amount && (amount <= 0 || amount > 100_000_000_000m || decimal.Round(amount, 2) != amount))
            {
                return Error.Invalid("fine", "case.fine.invalid", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // An order is to be complied with by a set time (Art. 58(2)(d) "within a specified period"); the follow-up waits for it.
            if (change.Step.Deadline is null && powers.Any(p => p is Power.C or Power.D or Power.E or Power.G or Power.J))
            {
                return Error.Invalid("deadline", "case.deadline.orderNeedsOne");
            }
        }

        switch (change.Step.Action)
        {
            case CaseAction.StartHearing:
                record.HearingDeadline = change.Step.Deadline;
                break;
            case CaseAction.Decide:
                record.Measure = string.Join(",", powers.Distinct().Order().Select(p => p.WireName()));
                record.MeasureReason = string.IsNullOrWhiteSpace(change.Reason) ? null : change.Reason.Trim();
                record.HearingOmittedGround = string.IsNullOrWhiteSpace(change.Step.HearingOmittedGround) ? record.HearingOmittedGround : change.Step.HearingOmittedGround.Trim();
                record.ComplianceDeadline = change.Step.Deadline;
                record.DecidedAt = now;
                record.FineCents = change.Fine is { } fine ? (long)(fine * 100) : null;
                break;
            case CaseAction.Close:
                record.Outcome = change.Step.Outcome;
                record.ClosedAt = now;
                break;
            case CaseAction.RecordStatement or CaseAction.RecordHearingLapsed or CaseAction.StartFollowUp or CaseAction.Escalate:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Step.Action, null);
        }

        var from = record.State;
        record.State = next.Value;
        record.UpdatedAt = now;
        record.Revision++;
        if (!string.IsNullOrWhiteSpace(change.Note))
        {
            db.CaseNotes.Add(new CaseNoteRecord { CaseId = record.Id, At = now, Author = actor, Text = change.Note.Trim() });
        }

        // The follow-up check asks the body again through a new link to its survey, in the same transaction as the step.
        var asked = change.Step.Action == CaseAction.StartFollowUp
            ? await CaseFollowUp.AskAsync(db, record, settings.FollowUpDays, change.PublicUrl ?? "", configuration, catalog, today, now, cancel).ConfigureAwait(false)
            : null;
        if (asked is not null)
        {
            record.FollowUpAskedAt = now;
        }

        await AuditLog.AddAsync(db, now, actor, "case." + CaseWorkflow.Stored(change.Step.Action), record.Id, JsonSerializer.Serialize(new
        {
            from = CaseWorkflow.Stored(from),
            to = CaseWorkflow.Stored(record.State),
            deadline = change.Step.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            outcome = change.Step.Outcome is { } o ? CaseWorkflow.Stored(o) : null,
            measure = change.Step.Action == CaseAction.Decide ? record.Measure : null,
            reason = change.Step.Action == CaseAction.Decide ? record.MeasureReason : null,
            ground = change.Step.HearingOmittedGround,
            fine = change.Step.Action == CaseAction.Decide && change.Fine is { } f ? f.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : null,
            askedUntil = asked?.Link.OpenUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            mailed = asked?.Link.Mailed,
        }), cancel).ConfigureAwait(false);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            if (asked?.Mail() is not null)
            {
                // The message names the invitation, whose id exists only now.
                await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The revision token or the audit chain moved under us: another handler acted at the same moment.
            return Error.Conflict("revision", "case.changed");
        }

        if (asked?.Link.Mailed == true)
        {
            signal.Notify();
        }

        return Result<CaseChanged>.Ok(new CaseChanged(record, asked?.Link));
    }

    /// <summary>The controller as the case file records it (the facts the handler may have corrected).</summary>
    public static Controller ControllerOf(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new Controller(record.PublicBody, record.PublicBody && record.InCompetition, record.Country, record.Land);
    }
}
