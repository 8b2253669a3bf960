using System.Diagnostics.CodeAnalysis;

namespace CorpusBot.Discord;

/// <summary>How to reach Discord and as whom. Section "Discord"; the token comes from the environment or user secrets.</summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Discord";

    /// <summary>How interactions arrive: "Gateway" (a WebSocket session) or "Http" (Discord posts them to /interactions).</summary>
    public string Transport { get; set; } = "Gateway";

    /// <summary>The application's public key (hex), which signs HTTP interactions; required for the Http transport.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Whether to register (bulk overwrite) the commands at start; needs the token.</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>True when interactions arrive over HTTP.</summary>
    public bool UsesHttp => string.Equals(Transport, "Http", StringComparison.OrdinalIgnoreCase);

    /// <summary>The bot token (secret).</summary>
    public string? Token { get; set; }

    /// <summary>The application id; when empty it is taken from READY.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>A token is set (whether it is well formed is the validator's business).</summary>
    [MemberNotNullWhen(true, nameof(Token))]
    public bool HasToken => !string.IsNullOrWhiteSpace(Token);

    /// <summary>
    /// Enough to register the commands without a gateway session: over HTTP, or from the command line, there is no
    /// READY to take the application id from.
    /// </summary>
    [MemberNotNullWhen(true, nameof(Token), nameof(ApplicationId))]
    public bool CanRegisterWithoutReady => HasToken && !string.IsNullOrWhiteSpace(ApplicationId);

    /// <summary>When set, commands are registered in this one server only (instant; for development).</summary>
    public string? GuildId { get; set; }

    /// <summary>Discord's REST API base address, including the version.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>How many interactions are worked on at once (threads); 0 means one per processor core, at least 2. More wait their turn, deferred in time.</summary>
    public int MaxConcurrentInteractions { get; set; }

    /// <summary>An answer not ready after this long is deferred, so Discord's 3-second deadline is always met.</summary>
    public int DeferAfterMilliseconds { get; set; } = 1500;

    /// <summary>
    /// User ids, besides the application's owner or team, who may run operators' commands (/reindex), comma-separated.
    /// </summary>
    public string? OperatorIds { get; set; }

    /// <summary>How many gateway shards the bot runs in all: "auto" (the count GET /gateway/bot recommends) or a number.</summary>
    public string ShardCount { get; set; } = Gateway.ShardPlan.Auto;

    /// <summary>The shards this process runs, e.g. "0-3" (empty: all); needs a numeric <see cref="ShardCount"/>.</summary>
    public string? ShardIds { get; set; }

    /// <summary>The bot's status: online, idle, dnd or invisible.</summary>
    public string Status { get; set; } = "online";

    /// <summary>What the bot is shown doing: Playing, Listening, Watching, Competing, Custom or None.</summary>
    public string Activity { get; set; } = "Watching";

    /// <summary>The activity's text; the host may fill in placeholders (CorpusBot: "{articles}", the collection's size).</summary>
    public string ActivityText { get; set; } = "{articles} articles";
}
