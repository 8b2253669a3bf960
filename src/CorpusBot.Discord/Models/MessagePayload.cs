namespace CorpusBot.Discord.Models;

/// <summary>
/// A message to send, on the wire (the Discord layer's models): the data of an <see cref="InteractionResponse"/>, or the
/// body of an edit of one or of a followup. The host renders a <c>Reply</c> into one; <c>MessageLimits</c> trims it to
/// Discord's limits before it is sent.
/// </summary>
/// <param name="Content">Text, up to 2000 characters.</param>
/// <param name="Embeds">Up to 10 embeds.</param>
/// <param name="Components">Up to 5 action rows.</param>
/// <param name="Flags">Message flags (<see cref="MessageFlags.Ephemeral"/>).</param>
public sealed record MessagePayload(
    string? Content = null,
    IReadOnlyList<Embed>? Embeds = null,
    IReadOnlyList<ActionRow>? Components = null,
    MessageFlags? Flags = null)
{
    /// <summary>Shorthand for <see cref="MessageFlags.Ephemeral"/>: only the person who asked sees the message.</summary>
    public const MessageFlags Ephemeral = MessageFlags.Ephemeral;

    /// <summary>Always sent, and always parsing nothing: no one is pinged by an article or by echoed input.</summary>
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;
}

/// <summary>Which mentions in a message may ping.</summary>
/// <param name="Parse">Mention types to parse; empty parses none.</param>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    /// <summary>Parse no mentions at all.</summary>
    public static AllowedMentions None { get; } = new([]);
}

/// <summary>A rich embed.</summary>
public sealed record Embed(
    string? Title = null,
    string? Description = null,
    string? Url = null,
    EmbedFooter? Footer = null,
    IReadOnlyList<EmbedField>? Fields = null,
    int? Color = null,
    EmbedAuthor? Author = null);

/// <summary>An embed's footer.</summary>
public sealed record EmbedFooter(string Text);

/// <summary>An embed's author line.</summary>
public sealed record EmbedAuthor(string Name, string? Url = null);

/// <summary>A name/value field of an embed.</summary>
public sealed record EmbedField(string Name, string Value, bool? Inline = null);

/// <summary>An action row holding up to five buttons.</summary>
public sealed record ActionRow(IReadOnlyList<Button> Components)
{
    /// <summary>Always <see cref="ComponentType.ActionRow"/>.</summary>
    public ComponentType Type => ComponentType.ActionRow;
}

/// <summary>A button. Link buttons carry a URL and no custom_id; the others a custom_id.</summary>
public sealed record Button(ButtonStyle Style, string Label, string? CustomId = null, string? Url = null, bool? Disabled = null)
{
    /// <summary>Shorthand for <see cref="ButtonStyle.Secondary"/>.</summary>
    public const ButtonStyle Secondary = ButtonStyle.Secondary;

    /// <summary>Shorthand for <see cref="ButtonStyle.Link"/>: opens <see cref="Url"/>, sends no interaction.</summary>
    public const ButtonStyle Link = ButtonStyle.Link;

    /// <summary>Always <see cref="ComponentType.Button"/>.</summary>
    public ComponentType Type => ComponentType.Button;
}
