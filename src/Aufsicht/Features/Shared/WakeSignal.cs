namespace Aufsicht.Features.Shared;

/// <summary>
/// Wakes a background worker at once after work was saved for it, instead of at its next poll: the saver calls
/// <see cref="Notify"/>, the worker waits in <see cref="WaitAsync"/> between rounds. One subclass per worker, so each is a
/// service of its own (the outbox's, the plan computations').
/// </summary>
internal abstract class WakeSignal
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

    /// <summary>Waits for a <see cref="Notify"/> or until <paramref name="timeout"/> has passed on <paramref name="time"/>; a notification before the wait counts.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancel)
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
