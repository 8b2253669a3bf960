namespace CorpusBot.Discord.Gateway;

/// <summary>
/// How long the gateway waits for each step. The defaults are Discord's and @discordjs/ws's; tests shorten them.
/// </summary>
/// <param name="HelloTimeout">A socket that sends no Hello within this is dropped and reconnected (@discordjs/ws: 60 s).</param>
/// <param name="ReadyTimeout">After Identify or Resume, READY or RESUMED must come within this (@discordjs/ws: 15 s); each replayed dispatch restarts it.</param>
/// <param name="IdentifyWindow">One Identify per rate-limit key per this window (gateway.md, Session Start Limit: 5 s).</param>
/// <param name="KeepAliveInterval">WebSocket ping interval, so a half-open TCP connection is noticed between heartbeats.</param>
/// <param name="KeepAliveTimeout">A ping unanswered for this long aborts the socket.</param>
internal sealed record GatewayTimings(
    TimeSpan HelloTimeout,
    TimeSpan ReadyTimeout,
    TimeSpan IdentifyWindow,
    TimeSpan KeepAliveInterval,
    TimeSpan KeepAliveTimeout)
{
    /// <summary>The production values.</summary>
    public static GatewayTimings Discord { get; } = new(
        TimeSpan.FromSeconds(60),
        TimeSpan.FromSeconds(15),
        TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(20),
        TimeSpan.FromSeconds(20));
}
