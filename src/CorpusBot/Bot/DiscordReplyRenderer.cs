using CorpusBot.Commands;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Text;
using CorpusBot.Replies;
using CorpusBot.Search.Results;

namespace CorpusBot.Bot;

/// <summary>
/// Renders a transport-neutral <see cref="Reply"/> as a Discord message: an embed per citation (title linked
/// to the source, the excerpt with matched words in bold, outlet/author/date in the footer), a link button
/// per source, Previous/Next for search pages. Article text and echoed input are Markdown-escaped.
/// </summary>
internal static class DiscordReplyRenderer
{
    private const int QueryEcho = 300;
    private const int Blurple = 0x5865F2;
    private const int Amber = 0xE67E22;

    public static MessagePayload Render(Reply reply, bool asUpdate = false)
    {
        var embeds = reply.Items.Take(DiscordLimits.Embeds).Select((item, i) => CitationEmbed(reply, item, i)).ToList();
        if (reply.Facts.Count > 0 && embeds.Count < DiscordLimits.Embeds)
        {
            embeds.Add(FactsEmbed(reply));
        }

        var rows = SourceButtons(reply).ToList();
        if (PageButtons(reply) is { } paging)
        {
            rows.Add(paging);
        }

        var flags = reply.IsPrivate && !asUpdate ? MessagePayload.Ephemeral : (MessageFlags?)null;
        return MessageLimits.Enforce(new MessagePayload(Content(reply), embeds, rows, flags));
    }

    private static string? Content(Reply reply)
    {
        var lines = new List<string>();
        var echo = reply.Query is { Length: > 0 } query ? DiscordText.Escape(DiscordText.Truncate(query, QueryEcho)) : null;
        if (echo is not null && reply.Kind is not (ReplyKind.Invalid or ReplyKind.Failed))
        {
            lines.Add(reply.Command switch
            {
                AskCommand.Name => $"**Question:** {echo}",
                QuoteCommand.Name => $"**Quote:** \u201C{echo}\u201D",
                ArticleCommand.Name => $"**Article:** {echo}",
                _ => $"**Search:** {echo}" + PageNote(reply.Paging),
            });
        }

        if (reply.Message is not null)
        {
            lines.Add(DiscordText.Escape(reply.Message));
        }

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static string PageNote(ReplyPaging? paging) =>
        paging is { TotalPages: > 1 } p ? $" \u00B7 page {p.Page} of {p.TotalPages} ({Plural.Count(p.TotalResults, "article")})" : string.Empty;

    private static Embed CitationEmbed(Reply reply, ReplyItem item, int index)
    {
        var citation = item.Citation;
        var excerpt = citation.Excerpt.Render("**", "**", DiscordText.Escape);
        var description = item.Quotation is null ? excerpt : $"\u201C{excerpt}\u201D";
        if (item.Speaker is not null)
        {
            description += $"\n\u2014 {DiscordText.Escape(item.Speaker)}";
        }

        return new Embed(
            Title: DiscordText.Truncate($"{reply.NumberOf(index)}. {DiscordText.Escape(citation.Title)}", DiscordLimits.EmbedTitle),
            Description: DiscordText.Truncate(description, DiscordLimits.EmbedDescription),
            Url: citation.Url,
            Footer: new EmbedFooter(Footer(citation)),
            Color: reply.Kind == ReplyKind.NearMatch ? Amber : Blurple);
    }

    private static string Footer(Citation citation)
    {
        var parts = CitationSource.Parts(citation).ToList();
        if (citation.Url is null)
        {
            parts.Add(CitationSource.NoAddress);
        }

        return parts.Count == 0 ? "Source unknown" : string.Join(CitationSource.Separator, parts);
    }

    private static Embed FactsEmbed(Reply reply) => new(
        Title: reply.Command == IndexCommand.Name ? "Index update" : "CorpusBot",
        Fields: reply.Facts
            .Where(f => f.Value.Length > 0)
            .Select(f => new EmbedField(f.Name, DiscordText.Truncate(DiscordText.Escape(f.Value), DiscordLimits.FieldValue), Inline: f.Value.Length < 40))
            .ToList(),
        Color: Blurple);

    private static IEnumerable<ActionRow> SourceButtons(Reply reply)
    {
        var buttons = reply.Items
            .Take(DiscordLimits.Embeds)
            .Select((item, i) => (item.Citation, Number: reply.NumberOf(i)))
            .Where(x => x.Citation.Url is not null)
            .Select(x => new Button(Button.Link, DiscordText.Truncate($"{x.Number}. {x.Citation.Outlet ?? Host(x.Citation.Url!)}", DiscordLimits.ButtonLabel), Url: x.Citation.Url))
            .ToList();
        return buttons.Chunk(DiscordLimits.ButtonsPerRow).Take(2).Select(chunk => new ActionRow(chunk));
    }

    private static ActionRow? PageButtons(Reply reply)
    {
        if (reply.Command != SearchCommand.Name || reply.Paging is not { TotalPages: > 1 } paging || reply.Query is null)
        {
            return null;
        }

        var previous = SearchPaging.Encode(Math.Max(1, paging.Page - 1), reply.Query, reply.Filter);
        var next = SearchPaging.Encode(Math.Min(paging.TotalPages, paging.Page + 1), reply.Query, reply.Filter);
        if (previous is null || next is null || previous == next)
        {
            return null;
        }

        return new ActionRow(
        [
            new Button(Button.Secondary, "\u25C0 Previous", previous, Disabled: paging.Page <= 1),
            new Button(Button.Secondary, "Next \u25B6", next, Disabled: paging.Page >= paging.TotalPages),
        ]);
    }

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "Source";
}
