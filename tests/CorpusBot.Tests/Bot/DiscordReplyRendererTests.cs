using System.Text;
using CorpusBot.Bot;
using CorpusBot.Discord;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Text;
using CorpusBot.Replies;
using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Results;

namespace CorpusBot.Tests.Bot;

public class DiscordReplyRendererTests
{
    private static Citation Cite(int i, string? url = "https://news.example.com/a", string excerpt = "The ceasefire was declared on Friday.", string title = "A Title") =>
        new($"doc{i}", title, url, "Example News", "Ann Writer", "2021-05-25", new Excerpt(excerpt, Highlight(excerpt, "ceasefire")), 1.5f, 0);

    private static TextSpan[] Highlight(string text, string word) =>
        text.IndexOf(word, StringComparison.Ordinal) is var at and >= 0 ? [new TextSpan(at, word.Length)] : [];

    private static Reply Answer(string command, string query, params Citation[] citations) =>
        new(command, query, ReplyKind.Answer, null, citations.Select(c => new ReplyItem(c)).ToList());

    [Fact]
    public void Each_citation_is_an_embed_linked_to_its_source_with_matched_words_in_bold_and_a_footer()
    {
        var message = DiscordReplyRenderer.Render(Answer("ask", "When was the ceasefire?", Cite(1)));

        var embed = Assert.Single(message.Embeds!);
        Assert.Equal("1. A Title", embed.Title);
        Assert.Equal("https://news.example.com/a", embed.Url);
        Assert.Equal("The **ceasefire** was declared on Friday.", embed.Description);
        Assert.Equal("Example News \u00B7 Ann Writer \u00B7 2021-05-25", embed.Footer!.Text);
        var button = Assert.Single(Assert.Single(message.Components!).Components);
        Assert.Equal(Button.Link, button.Style);
        Assert.Equal("https://news.example.com/a", button.Url);
        Assert.Null(message.Flags);
    }

    [Fact]
    public void Article_text_and_the_echoed_query_are_escaped_and_nobody_is_pinged()
    {
        var hostile = "@everyone <@123> **bold** [x](https://evil.example)";
        var message = DiscordReplyRenderer.Render(Answer("search", hostile, Cite(1, excerpt: "Text with <@&456> and __under__ and `code`.", title: "*Title* <@789>")));

        Assert.Contains(@"\<@123\>", message.Content);
        Assert.Contains(@"\*\*bold\*\*", message.Content);
        Assert.Contains(@"\[x\]", message.Content);
        Assert.Contains(@"\<@&456\>", message.Embeds![0].Description);
        Assert.Contains(@"\_\_under\_\_", message.Embeds[0].Description);
        Assert.Contains(@"\*Title\*", message.Embeds[0].Title);
        Assert.Empty(message.AllowedMentions.Parse);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", Encoding.UTF8.GetString(CorpusBot.Discord.DiscordJson.Serialize(message)));
    }

    [Fact]
    public void Errors_and_empty_answers_are_private()
    {
        var error = DiscordReplyRenderer.Render(new Reply("ask", "", ReplyKind.Invalid, "Type a few words to look for.", []));
        var none = DiscordReplyRenderer.Render(new Reply("search", "zzz", ReplyKind.NoResults, "Nothing matches.", []));

        Assert.Equal(MessagePayload.Ephemeral, error.Flags);
        Assert.Equal(MessagePayload.Ephemeral, none.Flags);
        Assert.Equal("Type a few words to look for.", error.Content);
    }

    [Fact]
    public void Search_pages_get_previous_and_next_buttons_that_carry_the_query()
    {
        var reply = Answer("search", "ruffalo israel", Cite(1), Cite(2)) with { Paging = new ReplyPaging(2, 3, 2, 6) };

        var message = DiscordReplyRenderer.Render(reply);

        var paging = message.Components!.Last().Components;
        Assert.Equal(2, paging.Count);
        Assert.True(SearchPaging.TryDecode(paging[0].CustomId, out var previous, out var query, out _));
        Assert.Equal((1, "ruffalo israel"), (previous, query));
        Assert.True(SearchPaging.TryDecode(paging[1].CustomId, out var next, out _, out _));
        Assert.Equal(3, next);
        Assert.Equal("3. A Title", message.Embeds![0].Title);
        Assert.Contains("page 2 of 3", message.Content);
    }

    [Fact]
    public void Page_buttons_carry_the_date_filter_and_order()
    {
        var reply = Answer("search", "ruffalo", Cite(1)) with { Paging = new ReplyPaging(1, 2, 1, 2), Filter = new SearchFilter("2021", "2021-06", Newest: true) };

        var next = DiscordReplyRenderer.Render(reply).Components!.Last().Components[1];

        Assert.True(SearchPaging.TryDecode(next.CustomId, out var page, out var query, out var filter));
        Assert.Equal((2, "ruffalo", new SearchFilter("2021", "2021-06", true)), (page, query, filter));
    }

    [Fact]
    public void A_query_too_long_for_a_custom_id_gets_no_page_buttons_rather_than_a_broken_one()
    {
        var reply = Answer("search", new string('q', 120), Cite(1)) with { Paging = new ReplyPaging(1, 2, 1, 2) };

        var message = DiscordReplyRenderer.Render(reply);

        Assert.All(message.Components!.SelectMany(r => r.Components), b => Assert.Equal(Button.Link, b.Style));
    }

    [Fact]
    public void Ten_long_citations_stay_within_every_message_limit()
    {
        var huge = string.Join(' ', Enumerable.Repeat("word", 2000));
        var citations = Enumerable.Range(1, 12).Select(i => Cite(i, excerpt: huge, title: new string('T', 400))).ToArray();

        var message = DiscordReplyRenderer.Render(Answer("search", new string('x', 3000), citations));

        Assert.True(message.Content!.Length <= DiscordLimits.Content);
        Assert.True(message.Embeds!.Count <= DiscordLimits.Embeds);
        Assert.True(message.Embeds.Sum(MessageLimits.Size) <= DiscordLimits.EmbedTotal);
        Assert.All(message.Embeds, e => Assert.True(e.Title!.Length <= DiscordLimits.EmbedTitle && e.Description!.Length <= DiscordLimits.EmbedDescription));
        Assert.True(message.Components!.Count <= DiscordLimits.ActionRows);
        Assert.All(message.Components, r => Assert.True(r.Components.Count <= DiscordLimits.ButtonsPerRow));
    }

    [Fact]
    public void A_citation_without_an_address_says_so_and_gets_no_link()
    {
        var message = DiscordReplyRenderer.Render(Answer("ask", "q", Cite(1, url: null)));

        Assert.Null(message.Embeds![0].Url);
        Assert.Contains("no source address known", message.Embeds[0].Footer!.Text);
        Assert.Empty(message.Components!);
    }

    [Fact]
    public void Stats_become_embed_fields()
    {
        var reply = new Reply("about", null, ReplyKind.Info, "About.", []) { Facts = [new("Articles", "3"), new("Passages", "27"), new("Empty", "")] };

        var fields = Assert.Single(DiscordReplyRenderer.Render(reply).Embeds!).Fields!;

        Assert.Equal(["Articles", "Passages"], fields.Select(f => f.Name));
    }
}
