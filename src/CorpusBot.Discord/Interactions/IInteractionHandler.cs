using CorpusBot.Discord.Models;

namespace CorpusBot.Discord.Interactions;

/// <summary>Turns an interaction into its answer. Implemented by the host, which knows what the commands mean.</summary>
public interface IInteractionHandler
{
    /// <summary>Produces the answer. Called concurrently for many interactions; an exception becomes a generic private error.</summary>
    Task<InteractionReply> HandleAsync(Interaction interaction, CancellationToken cancellationToken);

    /// <summary>Whether a deferred answer to this interaction should be private (the choice is fixed when deferring).</summary>
    bool IsPrivate(Interaction interaction);
}

/// <summary>
/// The host's answer to an interaction, as <see cref="IInteractionHandler"/> returns it: where the host meets the Discord
/// layer, so it says how to answer (a new message, an update, suggestions) but not with which callback.
/// <see cref="InteractionDispatcher"/> turns it into an <see cref="InteractionResponse"/> (callback type 4, 7 or 8), or,
/// when the answer came after a deferral, sends its <see cref="Message"/> as an edit or a followup.
/// </summary>
/// <param name="Kind">A new message, an update of the message a component is on, or autocomplete choices.</param>
/// <param name="Message">The message, for <see cref="InteractionReplyKind.Message"/> and <see cref="InteractionReplyKind.Update"/>.</param>
/// <param name="Choices">The choices, for <see cref="InteractionReplyKind.Autocomplete"/>.</param>
public sealed record InteractionReply(InteractionReplyKind Kind, MessagePayload? Message = null, IReadOnlyList<AutocompleteChoice>? Choices = null)
{
    /// <summary>Answer with a new message.</summary>
    public static InteractionReply NewMessage(MessagePayload message) => new(InteractionReplyKind.Message, message);

    /// <summary>Replace the message the clicked component is on.</summary>
    public static InteractionReply Update(MessagePayload message) => new(InteractionReplyKind.Update, message);

    /// <summary>Answer an autocomplete request.</summary>
    public static InteractionReply Suggest(IReadOnlyList<AutocompleteChoice> choices) => new(InteractionReplyKind.Autocomplete, Choices: choices);
}

/// <summary>How an interaction is answered.</summary>
public enum InteractionReplyKind
{
    /// <summary>A new message (callback type 4, or an edit of the deferred response).</summary>
    Message,

    /// <summary>An update of the component's message (callback type 7, or an edit after type 6).</summary>
    Update,

    /// <summary>Autocomplete choices (callback type 8).</summary>
    Autocomplete,
}
