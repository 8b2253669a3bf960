namespace CorpusBot.Discord;

/// <summary>Exponential backoff with "equal jitter": half the step is fixed, half random, so retries spread out.</summary>
internal static class Backoff
{
    /// <summary>Before a gateway reconnect or a retry of GET /gateway/bot: from 1 s, doubling, at most a minute.</summary>
    public static TimeSpan Gateway(int attempt) => Jittered(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>The wait before retry number <paramref name="attempt"/> (1-based): <paramref name="first"/> doubled each time, at most <paramref name="max"/>.</summary>
    public static TimeSpan Jittered(int attempt, TimeSpan first, TimeSpan max)
    {
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
