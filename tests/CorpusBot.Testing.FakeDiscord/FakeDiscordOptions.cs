namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Configuration of a <see cref="FakeDiscordServer"/>. All values have test-friendly defaults.</summary>
public sealed class FakeDiscordOptions
{
    /// <summary>The only bot token the fake accepts (REST <c>Authorization: Bot …</c>, gateway Identify/Resume).</summary>
    public string Token { get; init; } = "fake-bot-token-0123456789";

    /// <summary>Application id (READY <c>application.id</c>, command routes, interaction webhooks).</summary>
    public string ApplicationId { get; init; } = "100000000000000001";

    /// <summary>Bot user id (READY <c>user.id</c>, author of messages the fake creates).</summary>
    public string BotUserId { get; init; } = "100000000000000002";

    /// <summary>Bot user name reported in READY and in message authors.</summary>
    public string BotUsername { get; init; } = "corpusbot";

    /// <summary>Heartbeat interval in milliseconds sent in Hello (op 10).</summary>
    public int HeartbeatIntervalMs { get; init; } = 41250;

    /// <summary>Initial <c>session_start_limit.remaining</c>; every successful Identify consumes one.</summary>
    public int SessionStartRemaining { get; init; } = 1000;

    /// <summary>
    /// <c>session_start_limit.max_concurrency</c>: shards are paced by rate_limit_key = shard_id % max_concurrency, one
    /// Identify per key per <see cref="IdentifyConcurrencyWindow"/>.
    /// </summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>
    /// The <c>shards</c> field of <c>GET /gateway/bot</c> (raised to <see cref="FakeDiscordServer.RequiredShards"/> when that is higher).
    /// </summary>
    public int RecommendedShards { get; init; } = 1;

    /// <summary>
    /// Window in which at most one Identify per rate_limit_key (shard_id % <see cref="MaxConcurrency"/>) is accepted (the
    /// documented value is 5 s). Another Identify on the same key within it gets Invalid Session (op 9, d=false) and a
    /// violation. <see cref="TimeSpan.Zero"/> disables the check.
    /// </summary>
    public TimeSpan IdentifyConcurrencyWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After <see cref="FakeDiscordServer.SendReconnectAsync"/>, close the socket (code 4000) if the client has not done so within this delay.</summary>
    public TimeSpan ReconnectCloseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time the client has to answer a server heartbeat request (op 1) before a violation is recorded.</summary>
    public TimeSpan HeartbeatRequestTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Deadline for the initial interaction response, measured from when INTERACTION_CREATE was written to the socket.</summary>
    public TimeSpan InteractionResponseDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Per-route limit (requests per second, per bucket and top-level resource) for ordinary routes.</summary>
    public int RouteRateLimitPerSecond { get; init; } = 5;

    /// <summary>Global limit (requests per second) for all routes except the interaction callback and interaction webhook routes.</summary>
    public int GlobalRateLimitPerSecond { get; init; } = 50;

    /// <summary>The application's owner (GET /applications/@me <c>owner</c>); the test user by default.</summary>
    public string OwnerId { get; init; } = FakeDiscordServer.TestUserId;
}
