namespace CorpusBot.Discord.Models;

/// <summary>
/// The message flags this bot sets.
/// <see href="https://discord.com/developers/docs/resources/message#message-object-message-flags"/>
/// </summary>
[Flags]
public enum MessageFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>EPHEMERAL (1 &lt;&lt; 6): only the person who triggered the interaction sees the message.</summary>
    Ephemeral = 1 << 6,
}
