namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Bounded polling of a condition, woken by a <see cref="ChangeSignal"/>.</summary>
internal static class Waiter
{
    public static async Task<T> UntilAsync<T>(
        ChangeSignal signal,
        Func<T?> probe,
        TimeSpan timeout,
        Func<string> describeFailure,
        CancellationToken cancellationToken = default)
        where T : class
    {
        if (timeout < TimeSpan.Zero || timeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Timeout must be between zero and one hour.");
        }

        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var changed = signal.Next;
            var result = probe();
            if (result is not null)
            {
                return result;
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.###} s: {describeFailure()}");
            }

            try
            {
                await changed.WaitAsync(remaining, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Loop once more: the probe decides, then the deadline check throws with the description.
            }
        }
    }
}
