namespace CorpusBot.Discord.Models;

/// <summary>The body of an interaction callback.</summary>
/// <param name="Type">The callback type.</param>
/// <param name="Data">A <see cref="MessagePayload"/>, an <see cref="AutocompleteResult"/>, or null.</param>
public sealed record InteractionResponse(int Type, object? Data = null)
{
    /// <summary>Answer a PING.</summary>
    public const int Pong = 1;

    /// <summary>Answer with a message.</summary>
    public const int ChannelMessage = 4;

    /// <summary>Acknowledge now ("thinking…"), edit the response later.</summary>
    public const int DeferredChannelMessage = 5;

    /// <summary>For components: acknowledge now, edit the message later.</summary>
    public const int DeferredUpdateMessage = 6;

    /// <summary>For components: edit the message the component is on.</summary>
    public const int UpdateMessage = 7;

    /// <summary>Answer an autocomplete request with choices.</summary>
    public const int AutocompleteResult = 8;
}

/// <summary>Autocomplete suggestions (at most 25).</summary>
public sealed record AutocompleteResult(IReadOnlyList<AutocompleteChoice> Choices);

/// <summary>One suggestion: what the person sees and the value the option takes.</summary>
public sealed record AutocompleteChoice(string Name, string Value);
