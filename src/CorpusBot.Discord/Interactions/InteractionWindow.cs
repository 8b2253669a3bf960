using CorpusBot.Discord.Models;

namespace CorpusBot.Discord.Interactions;

/// <summary>
/// An interaction's deadlines, counted from its creation (the timestamp in its snowflake id), not from when it
/// reached us: the initial response is due within 3 seconds and the token lasts 15 minutes, and both clocks start
/// at Discord. Time spent in transit, in a gateway backlog or replayed after a resume is already spent.
/// <see href="https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction"/>
/// </summary>
/// <param name="Origin">When the interaction was created (or received, if that is earlier: our clock runs behind Discord's).</param>
internal readonly record struct InteractionWindow(DateTimeOffset Origin)
{
    /// <summary>The initial response is due this long after creation.</summary>
    public static readonly TimeSpan InitialResponse = TimeSpan.FromSeconds(3);

    /// <summary>The interaction token is valid this long after creation.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    // Work still running this close to the token's end could not deliver its answer anyway.
    private static readonly TimeSpan TokenMargin = TimeSpan.FromSeconds(30);

    public static InteractionWindow For(Interaction interaction, DateTimeOffset receivedAt) =>
        new(Snowflake.CreatedAt(interaction.Id) is { } created && created < receivedAt ? created : receivedAt);

    /// <summary>
    /// For an interaction POSTed to us: Discord holds that request open only while it still waits for the answer,
    /// so its arrival proves the window is open. A creation time more than 3 seconds back then only means our
    /// clock and Discord's disagree (or a made-up id): count from the receipt instead of dropping a live request.
    /// </summary>
    public static InteractionWindow ForHttpRequest(Interaction interaction, DateTimeOffset receivedAt)
    {
        var window = For(interaction, receivedAt);
        return window.InitialResponsePassed(receivedAt) ? new(receivedAt) : window;
    }

    /// <summary>True once the 3 seconds are over: Discord has invalidated the token, nothing can be answered.</summary>
    public bool InitialResponsePassed(DateTimeOffset now) => now - Origin >= InitialResponse;

    /// <summary>How long until <paramref name="deferAfter"/> since creation (zero or negative: defer now).</summary>
    public TimeSpan UntilDeferral(DateTimeOffset now, TimeSpan deferAfter) => Origin + deferAfter - now;

    /// <summary>How long the token can still be used for an answer.</summary>
    public TimeSpan TokenLeft(DateTimeOffset now) => Origin + TokenLifetime - TokenMargin - now;

    /// <summary>Time since creation.</summary>
    public TimeSpan Age(DateTimeOffset now) => now - Origin;
}
