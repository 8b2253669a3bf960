namespace CorpusBot.Discord.Models;

/// <summary>
/// What kind of interaction Discord sent.
/// <see href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type"/>
/// </summary>
public enum InteractionType
{
    /// <summary>PING: Discord checking an HTTP interactions endpoint (answered with PONG).</summary>
    Ping = 1,

    /// <summary>APPLICATION_COMMAND: a slash or context-menu command.</summary>
    ApplicationCommand = 2,

    /// <summary>MESSAGE_COMPONENT: a button or select menu.</summary>
    MessageComponent = 3,

    /// <summary>APPLICATION_COMMAND_AUTOCOMPLETE: an option is being typed.</summary>
    ApplicationCommandAutocomplete = 4,

    /// <summary>MODAL_SUBMIT: a modal was submitted.</summary>
    ModalSubmit = 5,
}
