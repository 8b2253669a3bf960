using CorpusBot.Bot;
using CorpusBot.Cli;
using CorpusBot.Replies;
using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Results;

namespace CorpusBot.Tests.Replies;

public class ReplyModelTests
{
    private static Citation Cite(int i, string? url = "https://news.example.com/a", string? outlet = "Example News", string? author = "Ann Writer", string? published = "2021-05-25") =>
        new($"doc{i}", $"Title {i}", url, outlet, author, published, new Excerpt("Some text.", []), 1f, 0);

    private static Reply Page(int page, int pageSize, int total, int items) =>
        new("search", "words", ReplyKind.Answer, null, Enumerable.Range(0, items).Select(i => new ReplyItem(Cite(i))).ToList())
        {
            Paging = new ReplyPaging(page, ((total - 1) / pageSize) + 1, pageSize, total),
        };

    [Fact]
    public void Numbers_start_at_one_and_run_on_across_pages()
    {
        var unpaged = new Reply("ask", "q", ReplyKind.Answer, null, [new ReplyItem(Cite(0)), new ReplyItem(Cite(1))]);
        var second = Page(page: 2, pageSize: 10, total: 25, items: 10);

        Assert.Equal([1, 2], new[] { unpaged.NumberOf(0), unpaged.NumberOf(1) });
        Assert.Equal(11, second.NumberOf(0));
        Assert.Equal(20, second.NumberOf(9));
    }

    [Fact]
    public void Both_renderers_number_a_page_the_same_way()
    {
        var reply = Page(page: 3, pageSize: 5, total: 12, items: 2);
        using var text = new StringWriter();
        TextReplyWriter.Write(reply, text, ansi: false);
        var message = DiscordReplyRenderer.Render(reply);

        Assert.Contains("\n11. Title 0\n", text.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("\n12. Title 1\n", text.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(["11. Title 0", "12. Title 1"], message.Embeds!.Select(e => e.Title));
        Assert.Equal(["11. Example News", "12. Example News"], message.Components![0].Components.Select(b => b.Label));
    }

    [Fact]
    public void The_source_is_outlet_author_and_date_leaving_out_what_is_unknown()
    {
        Assert.Equal(["Example News", "Ann Writer", "2021-05-25"], CitationSource.Parts(Cite(0)));
        Assert.Equal(["Example News", "2021-05"], CitationSource.Parts(Cite(0, author: null, published: "2021-05")));
        Assert.Empty(CitationSource.Parts(Cite(0, outlet: null, author: null, published: null)));
    }

    [Fact]
    public void The_text_line_and_the_discord_footer_name_the_same_source()
    {
        var linked = Cite(0, author: null);
        var unlinked = Cite(1, url: null, outlet: null);

        Assert.Equal("Title 0 \u00B7 Example News \u00B7 2021-05-25 \u2014 https://news.example.com/a", TextReplyWriter.SourceLine(linked));
        Assert.Equal("Example News \u00B7 2021-05-25", Footer(linked));
        Assert.Equal("Title 1 \u00B7 Ann Writer \u00B7 2021-05-25 (no source address known)", TextReplyWriter.SourceLine(unlinked));
        Assert.Equal("Ann Writer \u00B7 2021-05-25 \u00B7 no source address known", Footer(unlinked));
        Assert.Equal("Source unknown", Footer(Cite(2, outlet: null, author: null, published: null)));
    }

    [Fact]
    public void Counts_take_the_plural_unless_there_is_exactly_one()
    {
        Assert.Equal("0 articles", Plural.Count(0, "article"));
        Assert.Equal("1 article", Plural.Count(1, "article"));
        Assert.Equal("2 files", Plural.Count(2, "file"));
        Assert.Equal("1000 articles", Plural.Count(1000, "article"));
    }

    private static string Footer(Citation citation) =>
        DiscordReplyRenderer.Render(new Reply("ask", "q", ReplyKind.Answer, null, [new ReplyItem(citation)])).Embeds![0].Footer!.Text;
}
