namespace CorpusBot.Discord.Models;

/// <summary>
/// Where an app is installed: to a server or to a person's account.
/// <see href="https://discord.com/developers/docs/resources/application#application-object-application-integration-types"/>
/// </summary>
public enum ApplicationIntegrationType
{
    /// <summary>GUILD_INSTALL: installed to a server.</summary>
    GuildInstall = 0,

    /// <summary>USER_INSTALL: installed to a user's account, usable wherever they are.</summary>
    UserInstall = 1,
}

/// <summary>
/// Where an interaction was triggered.
/// <see href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-context-types"/>
/// </summary>
public enum InteractionContextType
{
    /// <summary>GUILD: in a server.</summary>
    Guild = 0,

    /// <summary>BOT_DM: in the direct messages with the app's bot user.</summary>
    BotDm = 1,

    /// <summary>PRIVATE_CHANNEL: in a DM or group DM other than the app's (only for user-installed commands).</summary>
    PrivateChannel = 2,
}
