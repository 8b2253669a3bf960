namespace CorpusBot.Testing.FakeDiscord;

/// <summary>A pulse that wakes every waiter when state changes. Waiters take <see cref="Next"/> before checking state, so no change is missed.</summary>
internal sealed class ChangeSignal
{
    private readonly object _lock = new();
    private TaskCompletionSource _next = NewSource();

    public Task Next
    {
        get
        {
            lock (_lock)
            {
                return _next.Task;
            }
        }
    }

    public void Pulse()
    {
        TaskCompletionSource fired;
        lock (_lock)
        {
            fired = _next;
            _next = NewSource();
        }

        fired.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
