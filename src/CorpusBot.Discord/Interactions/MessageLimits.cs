using CorpusBot.Discord.Models;
using CorpusBot.Discord.Text;

namespace CorpusBot.Discord.Interactions;

/// <summary>
/// The last line of defence before a message leaves: every documented limit is met by trimming (at
/// word boundaries) or dropping extras, never by failing. Renderers aim inside the limits already.
/// A URL is never trimmed (a cut address leads somewhere else): one that is too long or not http(s) is
/// dropped (an embed loses its link, a link button goes), since Discord refuses the whole message for it.
/// </summary>
public static class MessageLimits
{
    /// <summary>Trims a reply's message or choices to Discord's limits.</summary>
    public static InteractionReply Enforce(InteractionReply reply) => reply with
    {
        Message = reply.Message is null ? null : Enforce(reply.Message),
        Choices = reply.Choices?
            .Where(c => c.Name.Length > 0 && c.Value.Length is > 0 and <= DiscordLimits.ChoiceText)
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(c => c with { Name = DiscordText.Truncate(c.Name, DiscordLimits.ChoiceText) })
            .ToList(),
    };

    /// <summary>Trims a message to Discord's limits.</summary>
    public static MessagePayload Enforce(MessagePayload message)
    {
        var embeds = message.Embeds?.Take(DiscordLimits.Embeds).Select(Enforce).ToList();
        if (embeds is not null)
        {
            embeds = FitTotal(embeds);
        }

        var rows = message.Components?
            .Select(Enforce)
            .Where(r => r.Components.Count > 0)
            .Take(DiscordLimits.ActionRows)
            .ToList();
        var content = message.Content is null ? null : DiscordText.Truncate(message.Content, DiscordLimits.Content);
        return message with { Content = content, Embeds = embeds, Components = rows };
    }

    /// <summary>The characters an embed counts toward the 6000 total.</summary>
    public static int Size(Embed embed) =>
        DiscordText.Length(embed.Title) + DiscordText.Length(embed.Description) + DiscordText.Length(embed.Footer?.Text)
        + DiscordText.Length(embed.Author?.Name) + (embed.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);

    private static Embed Enforce(Embed embed) => embed with
    {
        Title = embed.Title is null ? null : DiscordText.Truncate(embed.Title, DiscordLimits.EmbedTitle),
        Description = embed.Description is null ? null : DiscordText.Truncate(embed.Description, DiscordLimits.EmbedDescription),
        Url = IsWebAddress(embed.Url, DiscordLimits.EmbedUrl) ? embed.Url : null,
        Footer = embed.Footer is null ? null : new EmbedFooter(DiscordText.Truncate(embed.Footer.Text, DiscordLimits.FooterText)),
        Author = embed.Author is null ? null : embed.Author with
        {
            Name = DiscordText.Truncate(embed.Author.Name, DiscordLimits.AuthorName),
            Url = IsWebAddress(embed.Author.Url, DiscordLimits.EmbedUrl) ? embed.Author.Url : null,
        },
        Fields = embed.Fields?
            .Where(f => f.Name.Length > 0 && f.Value.Length > 0)
            .Take(DiscordLimits.EmbedFields)
            .Select(f => f with { Name = DiscordText.Truncate(f.Name, DiscordLimits.FieldName), Value = DiscordText.Truncate(f.Value, DiscordLimits.FieldValue) })
            .ToList(),
    };

    // Over 6000 in all: shorten the longest descriptions first, then drop trailing embeds.
    private static List<Embed> FitTotal(List<Embed> embeds)
    {
        while (embeds.Sum(Size) > DiscordLimits.EmbedTotal)
        {
            var excess = embeds.Sum(Size) - DiscordLimits.EmbedTotal;
            var longest = embeds.Select((e, i) => (Index: i, Length: DiscordText.Length(e.Description))).MaxBy(x => x.Length);
            if (longest.Length > 200)
            {
                var target = Math.Max(200, longest.Length - excess);
                var embed = embeds[longest.Index];
                embeds[longest.Index] = embed with { Description = DiscordText.Truncate(embed.Description!, target) };
            }
            else
            {
                embeds.RemoveAt(embeds.Count - 1);
            }
        }

        return embeds;
    }

    private static ActionRow Enforce(ActionRow row)
    {
        var buttons = row.Components
            .Where(b => b.Style == ButtonStyle.Link ? IsWebAddress(b.Url, DiscordLimits.ButtonUrl) : b.CustomId is { Length: > 0 and <= DiscordLimits.CustomId })
            .Select(b => b with
            {
                Label = DiscordText.Truncate(b.Label, DiscordLimits.ButtonLabel),
                CustomId = b.Style == ButtonStyle.Link ? null : b.CustomId,
                Url = b.Style == ButtonStyle.Link ? b.Url : null,
            })
            .Take(DiscordLimits.ButtonsPerRow)
            .ToList();
        return new ActionRow(buttons);
    }

    private static bool IsWebAddress(string? url, int maxLength) =>
        DiscordText.Length(url) <= maxLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
