using System.Text;
using CorpusBot.Search.Articles;

namespace CorpusBot.Search.Tests.Articles;

public class ArticleReaderTests
{
    private readonly ArticleReader _reader = new(64 * 1024);

    private ArticleReadResult Parse(string content, string extension = ".txt", string id = "sample") =>
        _reader.Parse(id, extension, Encoding.UTF8.GetBytes(content));

    [Fact]
    public void Front_matter_gives_title_source_and_date_and_stays_out_of_the_body()
    {
        var result = Parse("""
            ---
            title: "Storm Hits 'Coast'"
            url: https://news.example.com/storm
            outlet: Example News
            author: Ann Writer
            published: 2024-03-09
            tags: [weather, coast]
            ---
            Storm Hits 'Coast'

            The storm reached the coast on Tuesday night.
            """);

        var article = Assert.IsType<Article>(result.Article);
        Assert.Equal("Storm Hits 'Coast'", article.Metadata.Title);
        Assert.Equal("https://news.example.com/storm", article.Metadata.Url);
        Assert.Equal("Example News", article.Metadata.Outlet);
        Assert.Equal("Ann Writer", article.Metadata.Author);
        Assert.Equal("2024-03-09", article.Metadata.Published);
        Assert.Equal(["weather", "coast"], article.Metadata.Tags!);
        Assert.DoesNotContain("title:", article.Body);
        Assert.DoesNotContain("Storm Hits", article.Body);
        Assert.Contains("reached the coast", article.Body);
    }

    [Fact]
    public void Missing_metadata_stays_missing()
    {
        var article = Parse("A Plain Headline Here\n\nSome text of the article follows here.").Article!;

        Assert.Equal("A Plain Headline Here", article.Metadata.Title);
        Assert.Null(article.Metadata.Url);
        Assert.Null(article.Metadata.Outlet);
        Assert.Null(article.Metadata.Author);
        Assert.Null(article.Metadata.Published);
    }

    [Fact]
    public void Unknown_and_invalid_values_are_dropped_rather_than_kept()
    {
        var article = Parse("---\nurl: not a url\nauthor: unknown\npublished: sometime\n---\nHeadline Of The Day\n\nBody text here.").Article!;

        Assert.Null(article.Metadata.Url);
        Assert.Null(article.Metadata.Author);
        Assert.Null(article.Metadata.Published);
    }

    [Fact]
    public void A_partial_date_keeps_only_the_precision_given()
    {
        var article = Parse("---\npublished: 2021-05\n---\nHeadline Of The Day\n\nBody text here.").Article!;

        Assert.Equal("2021-05", article.Metadata.Published);
    }

    [Fact]
    public void Without_a_title_line_the_title_is_derived_from_the_address()
    {
        var article = Parse("---\nurl: http://example.com/mark-joins-new-film-as-producer\n---\n\nInstagram/@someone\nOn Monday he announced that he would produce the film.").Article!;

        Assert.Equal("Mark Joins New Film As Producer", article.Metadata.Title);
        Assert.Contains("Instagram/@someone", article.Body);
    }

    [Fact]
    public void Without_a_title_line_or_address_the_title_is_the_opening_sentence_shortened()
    {
        var article = Parse("on monday the council voted to close the old bridge for repairs that will take a whole year, officials said. More text.").Article!;

        Assert.StartsWith("on monday the council voted", article.Metadata.Title);
        Assert.True(article.Metadata.Title.Length <= 91);
    }

    [Fact]
    public void Malformed_front_matter_is_reported_and_the_text_still_indexed()
    {
        var result = Parse("---\ntitle: [unclosed\n---\nHeadline Of The Day\n\nBody text here.");

        Assert.NotNull(result.Article);
        Assert.Contains(result.Warnings, w => w.Contains("not valid YAML"));
        Assert.Contains("Body text here", result.Article!.Body);
    }

    [Fact]
    public void Html_metadata_comes_from_meta_tags_and_text_from_the_article_body()
    {
        var html = """
            <html><head>
              <title>Page title | Site</title>
              <meta property="og:title" content="Bridge Closed For Repairs">
              <link rel="canonical" href="https://news.example.com/bridge">
              <meta property="og:site_name" content="Example News">
              <meta name="author" content="Bo Reporter">
              <meta property="article:published_time" content="2023-11-02T08:30:00Z">
              <script>var tracking = "menu script text";</script>
            </head><body>
              <nav>Home | World | Sport</nav>
              <article><h1>Bridge Closed For Repairs</h1><p>The old bridge <b>closed</b> on Monday.</p><p>Repairs take a year.</p>
                <aside>Most read: other stories</aside></article>
              <footer>Copyright footer</footer>
            </body></html>
            """;

        var article = Parse(html, ".html").Article!;

        Assert.Equal("Bridge Closed For Repairs", article.Metadata.Title);
        Assert.Equal("https://news.example.com/bridge", article.Metadata.Url);
        Assert.Equal("Example News", article.Metadata.Outlet);
        Assert.Equal("Bo Reporter", article.Metadata.Author);
        Assert.Equal("2023-11-02", article.Metadata.Published);
        Assert.Contains("The old bridge closed on Monday.", article.Body);
        Assert.Contains("Repairs take a year.", article.Body);
        Assert.DoesNotContain("tracking", article.Body);
        Assert.DoesNotContain("Home | World", article.Body);
        Assert.DoesNotContain("Most read", article.Body);
        Assert.DoesNotContain("Copyright", article.Body);
    }

    [Fact]
    public void Markdown_syntax_is_removed_from_the_text()
    {
        var article = Parse("# A Markdown Headline\n\nSee [the report](https://x.example/r) and **bold** words. ![photo](p.jpg)", ".md").Article!;

        Assert.Equal("A Markdown Headline", article.Metadata.Title);
        Assert.Contains("See the report and bold words.", article.Body);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("empty")]
    [InlineData("whitespace")]
    [InlineData("symbols")]
    public void Files_that_are_not_articles_are_skipped_with_a_reason(string kind)
    {
        var bytes = kind switch
        {
            "binary" => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x03, 0x00, 0xFF },
            "empty" => [],
            "whitespace" => Encoding.UTF8.GetBytes("  \n\n\t  \n"),
            _ => Encoding.UTF8.GetBytes("---- *** ----"),
        };

        var result = _reader.Parse("broken", ".txt", bytes);

        Assert.Null(result.Article);
        Assert.False(string.IsNullOrWhiteSpace(result.SkipReason));
    }

    [Fact]
    public void A_file_over_the_size_cap_is_skipped_with_the_cap_named()
    {
        var result = new ArticleReader(100).Parse("big", ".txt", new byte[500]);

        Assert.Null(result.Article);
        Assert.Contains("MaxArticleBytes", result.SkipReason);
    }

    [Fact]
    public void Invalid_utf8_that_is_plain_latin1_is_read_with_a_warning()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 Headline Today\n\nThe caf\u00e9 opened on Monday.");

        var result = _reader.Parse("latin", ".txt", bytes);

        Assert.Contains("café opened", result.Article!.Body);
        Assert.Contains(result.Warnings, w => w.Contains("UTF-8"));
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Wide Headline Here\n\nWide text body.")).ToArray();

        var result = _reader.Parse("wide", ".txt", bytes);

        Assert.Equal("Wide Headline Here", result.Article!.Metadata.Title);
    }

    [Fact]
    public void The_content_hash_changes_with_the_content_only()
    {
        var a = Parse("Same Headline Here\n\nSame body.").Article!;
        var b = Parse("Same Headline Here\n\nSame body.").Article!;
        var c = Parse("Same Headline Here\n\nOther body.").Article!;

        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
    }
}
