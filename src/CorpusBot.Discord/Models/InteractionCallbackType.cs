namespace CorpusBot.Discord.Models;

/// <summary>
/// How an interaction is answered (the <c>type</c> of an interaction response).
/// <see href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type"/>
/// </summary>
public enum InteractionCallbackType
{
    /// <summary>PONG: acknowledges a PING.</summary>
    Pong = 1,

    /// <summary>CHANNEL_MESSAGE_WITH_SOURCE: answers with a message.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: acknowledges now ("thinking…"); the response is edited later.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>DEFERRED_UPDATE_MESSAGE: for components, acknowledges now; the component's message is edited later.</summary>
    DeferredUpdateMessage = 6,

    /// <summary>UPDATE_MESSAGE: for components, edits the message the component is on.</summary>
    UpdateMessage = 7,

    /// <summary>APPLICATION_COMMAND_AUTOCOMPLETE_RESULT: answers an autocomplete request with choices.</summary>
    ApplicationCommandAutocompleteResult = 8,
}
