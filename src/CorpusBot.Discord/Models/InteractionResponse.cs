namespace CorpusBot.Discord.Models;

/// <summary>
/// The body of an interaction callback, on the wire (the Discord layer's models): posted to the callback route or, over
/// HTTP, written as the response. <see cref="Interactions.InteractionDispatcher"/> makes it from an
/// <see cref="Interactions.InteractionReply"/>, or on its own for a deferral or PONG.
/// </summary>
/// <param name="Type">The callback type.</param>
/// <param name="Data">A <see cref="MessagePayload"/>, an <see cref="AutocompleteResult"/>, or null.</param>
public sealed record InteractionResponse(InteractionCallbackType Type, object? Data = null);

/// <summary>Autocomplete suggestions (at most 25).</summary>
public sealed record AutocompleteResult(IReadOnlyList<AutocompleteChoice> Choices);

/// <summary>One suggestion: what the person sees and the value the option takes.</summary>
public sealed record AutocompleteChoice(string Name, string Value);
