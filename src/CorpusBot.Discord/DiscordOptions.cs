namespace CorpusBot.Discord;

/// <summary>How to reach Discord and as whom. Section "Discord"; the token comes from the environment or user secrets.</summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Discord";

    /// <summary>The bot token (secret).</summary>
    public string? Token { get; set; }

    /// <summary>The application id; when empty it is taken from READY.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>When set, commands are registered in this one server only (instant; for development).</summary>
    public string? GuildId { get; set; }

    /// <summary>Discord's REST API base address, including the version.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>How many interactions are worked on at once (threads); 0 means one per processor core, at least 2. More wait their turn, deferred in time.</summary>
    public int MaxConcurrentInteractions { get; set; }

    /// <summary>An answer not ready after this long is deferred, so Discord's 3-second deadline is always met.</summary>
    public int DeferAfterMilliseconds { get; set; } = 1500;
}
