using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Mail;

/// <summary>Puts a message into the outbox; the <see cref="OutboxWorker"/> sends it.</summary>
internal static class Outbox
{
    /// <summary>
    /// Adds a pending message to <paramref name="db"/> without saving: the caller saves it in the same transaction as
    /// whatever it announces (an invitation), so there is never a message without its invitation or the reverse. Call
    /// <see cref="WakeSignal.Notify"/> on the <see cref="OutboxSignal"/> after saving to have it sent at once.
    /// </summary>
    public static OutboxRecord Add(AufsichtDb db, string kind, long? campaignId, long? invitationId, string to, string subject, string body, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);
        var record = new OutboxRecord
        {
            Kind = kind,
            CampaignId = campaignId,
            InvitationId = invitationId,
            To = to.Trim(),
            // A subject is one header line; a template that rendered a line break would otherwise fold it oddly.
            Subject = Truncate(string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), 500),
            Body = body,
            MessageId = NewMessageId(),
            State = OutboxState.Pending,
            CreatedAt = now,
            NotBefore = now,
        };
        db.Outbox.Add(record);
        return record;
    }

    /// <summary>
    /// Fixed when the row is made and sent with every attempt: if a message goes out twice (see the worker), the
    /// receiver's mail system can tell that it is the same message.
    /// </summary>
    public static string NewMessageId() => $"<{Guid.NewGuid():N}@aufsicht.invalid>";

    /// <summary>What a message that was never sent because its link was withdrawn says in the outbox list.</summary>
    public const string LinkWithdrawn = "Nicht gesendet: Der Link wurde vor dem Versand ersetzt oder gesperrt.";

    /// <summary>
    /// Takes the waiting messages of a body's revoked links out of the queue (caller's transaction): a replaced or
    /// withdrawn link must not go out afterwards, perhaps to the very address that was the reason for withdrawing it.
    /// </summary>
    public static Task<int> CancelRevokedAsync(AufsichtDb db, long campaignId, long bodyId, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
#pragma warning disable RS0030 // Any inside the filter: translated to a SQL subquery
        return db.Outbox.Where(o => o.State == OutboxState.Pending && o.InvitationId != null
                && db.Invitations.Any(i => i.Id == o.InvitationId && i.CampaignId == campaignId && i.BodyId == bodyId && i.RevokedAt != null))
#pragma warning restore RS0030
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.Failed)
                .SetProperty(o => o.NotBefore, now)
                .SetProperty(o => o.LastError, LinkWithdrawn)
                .SetProperty(o => o.ClaimedBy, (string?)null)
                .SetProperty(o => o.ClaimedUntil, (DateTime?)null), cancel);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Wakes the outbox worker at once after new messages were saved, instead of at its next poll.</summary>
internal sealed class OutboxSignal : WakeSignal;

/// <summary>
/// Sends given-up messages once more — after the mail server was away for longer than the retries lasted. Only those
/// whose link still opens the questionnaire of a running campaign: a link replaced or revoked since, a closed campaign,
/// or a reminder to a body that has answered meanwhile is not sent out again. Refused addresses are not retried here; the address is corrected on the body's
/// page and its link replaced.
/// </summary>
internal sealed class RetryMail(AufsichtDb db, OutboxSignal signal, TimeProvider clock)
{
    /// <summary>The given-up messages that may be sent again.</summary>
    public static IQueryable<OutboxRecord> Retryable(AufsichtDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A reminder says "we have not received your answers": not to a body that has answered meanwhile.
#pragma warning disable RS0030 // Any inside the filter: translated to SQL subqueries
        return db.Outbox.Where(o => o.State == OutboxState.Failed
            && (o.InvitationId == null || db.Invitations.Any(i => i.Id == o.InvitationId && i.RevokedAt == null
                && (o.Kind != "reminder" || !db.Responses.Any(r => r.CampaignId == i.CampaignId && r.BodyId == i.BodyId && r.SubmittedVersion > 0))))
            && (o.CampaignId == null || db.Campaigns.Any(c => c.Id == o.CampaignId && c.State == CampaignState.Running)));
#pragma warning restore RS0030
    }

    /// <summary>Queues message <paramref name="id"/>, or all given-up ones (null), for a fresh series of attempts; how many.</summary>
    public async Task<int> RunAsync(long? id, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = await Retryable(db).Where(o => id == null || o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Pending)
            .SetProperty(o => o.Attempts, 0)
            .SetProperty(o => o.NotBefore, now)
            .SetProperty(o => o.ClaimedBy, (string?)null)
            .SetProperty(o => o.ClaimedUntil, (DateTime?)null), cancel).ConfigureAwait(false);
        if (queued > 0)
        {
            signal.Notify();
        }

        return queued;
    }
}
