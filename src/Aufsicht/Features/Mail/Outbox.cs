using Aufsicht.Data;

namespace Aufsicht.Features.Mail;

/// <summary>Puts a message into the outbox; the <see cref="OutboxWorker"/> sends it.</summary>
internal static class Outbox
{
    /// <summary>
    /// Adds a pending message to <paramref name="db"/> without saving: the caller saves it in the same transaction as
    /// whatever it announces (an invitation), so there is never a message without its invitation or the reverse. Call
    /// <see cref="OutboxSignal.Notify"/> after saving to have it sent at once.
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

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Wakes the outbox worker at once after new messages were saved, instead of at its next poll.</summary>
internal sealed class OutboxSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify()
    {
        lock (_lock)
        {
            _signal.TrySetResult();
        }
    }

    /// <summary>Waits for a <see cref="Notify"/> or until <paramref name="timeout"/> has passed on <paramref name="time"/>.</summary>
    internal async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancel)
    {
        Task signalled;
        lock (_lock)
        {
            signalled = _signal.Task;
        }

        if (!signalled.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var delay = Task.Delay(timeout, time, stop.Token);
            await Task.WhenAny(signalled, delay).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            cancel.ThrowIfCancellationRequested();
        }

        // A Notify that comes after this reset follows a save the next query will see; one before it is consumed here.
        lock (_lock)
        {
            if (_signal.Task == signalled && signalled.IsCompleted)
            {
                _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
