namespace CorpusBot.Discord.Models;

/// <summary>
/// The kinds of message component this bot sends.
/// <see href="https://discord.com/developers/docs/components/reference#component-object-component-types"/>
/// </summary>
public enum ComponentType
{
    /// <summary>Action Row: a row of up to five buttons.</summary>
    ActionRow = 1,

    /// <summary>Button.</summary>
    Button = 2,
}

/// <summary>
/// How a button looks and what it does.
/// <see href="https://discord.com/developers/docs/components/reference#button-button-styles"/>
/// </summary>
public enum ButtonStyle
{
    /// <summary>Primary (blurple); sends an interaction with its custom_id.</summary>
    Primary = 1,

    /// <summary>Secondary (grey); sends an interaction with its custom_id.</summary>
    Secondary = 2,

    /// <summary>Link: opens its url, sends no interaction.</summary>
    Link = 5,
}
