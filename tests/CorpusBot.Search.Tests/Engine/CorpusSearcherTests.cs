using CorpusBot.Search.Querying;
using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Engine;

public sealed class CorpusSearcherTests(SeedCorpusFixture seeds) : IClassFixture<SeedCorpusFixture>
{
    [Fact]
    public void Ask_cites_an_article_about_the_apology_with_its_source_address()
    {
        var result = seeds.Searcher.Ask("Why did Mark Ruffalo apologize?");

        Assert.True(result.Answered);
        var top = result.Citations[0];
        Assert.Contains(top.ArticleId, new[] { SeedCorpusFixture.Unilad, SeedCorpusFixture.IbTimes });
        Assert.StartsWith("https://", top.Url);
        Assert.Matches("(?i)apologi[sz]", top.Excerpt.Text);
    }

    [Fact]
    public void Ask_never_cites_the_same_article_twice_and_cites_at_most_three()
    {
        var result = seeds.Searcher.Ask("What did Ruffalo say about Israel and Palestine?");

        Assert.InRange(result.Citations.Count, 1, 3);
        Assert.Equal(result.Citations.Count, result.Citations.Select(c => c.ArticleId).Distinct().Count());
    }

    [Fact]
    public void Ask_puts_the_answer_in_the_excerpt()
    {
        var result = seeds.Searcher.Ask("When was the ceasefire declared?");

        Assert.Equal(SeedCorpusFixture.Unilad, result.Citations[0].ArticleId);
        Assert.Contains("Friday, May 21", result.Citations[0].Excerpt.Text);
    }

    [Fact]
    public void Search_returns_one_result_per_article_with_marked_words()
    {
        var result = seeds.Searcher.Search("Ruffalo");

        Assert.Equal(3, result.TotalArticles);
        Assert.Equal(3, result.Citations.Select(c => c.ArticleId).Distinct().Count());
        Assert.All(result.Citations, c => Assert.NotEmpty(c.Excerpt.Highlights));
    }

    [Fact]
    public void Search_pages_through_articles()
    {
        var first = seeds.Searcher.Search("Ruffalo", page: 1, pageSize: 2);
        var second = seeds.Searcher.Search("Ruffalo", page: 2, pageSize: 2);
        var beyond = seeds.Searcher.Search("Ruffalo", page: 9, pageSize: 2);

        Assert.Equal(2, first.TotalPages);
        Assert.Equal(2, first.Citations.Count);
        Assert.Single(second.Citations);
        Assert.Empty(first.Citations.Select(c => c.ArticleId).Intersect(second.Citations.Select(c => c.ArticleId)));
        Assert.Empty(beyond.Citations);
        Assert.Contains(beyond.Notes, n => n.Contains("page"));
    }

    [Fact]
    public void Search_finds_the_accented_word_from_an_accentless_spelling()
    {
        var result = seeds.Searcher.Search("antisemite liar");

        Assert.Equal(SeedCorpusFixture.Fuerza, result.Citations[0].ArticleId);
        Assert.Contains("Antisémite", result.Citations[0].Excerpt.Text);
    }

    [Fact]
    public void A_quoted_phrase_must_match_and_an_excluded_word_must_not()
    {
        var phrase = seeds.Searcher.Search("\"clout chasing\"");
        var excluded = seeds.Searcher.Search("Ruffalo -Hulk");

        Assert.Equal(SeedCorpusFixture.Unilad, Assert.Single(phrase.Citations).ArticleId);
        Assert.DoesNotContain(excluded.Citations, c => c.ArticleId == SeedCorpusFixture.Fuerza);
    }

    [Theory]
    [InlineData("Rufalo apology", "ruffalo")]
    [InlineData("Cherien Dabiss", "dabis")]
    [InlineData("watermellon", "watermelon")]
    public void A_misspelt_word_is_corrected_from_the_collection_and_the_reply_says_did_you_mean(string query, string corrected)
    {
        var result = seeds.Searcher.Search(query);

        Assert.NotEmpty(result.Citations);
        Assert.Contains(result.Notes, n => n.StartsWith("Did you mean", StringComparison.Ordinal) && n.Contains(corrected, StringComparison.Ordinal));
    }

    [Fact]
    public void Known_words_are_never_corrected()
    {
        Assert.DoesNotContain(seeds.Searcher.Search("Ruffalo retweet").Notes, n => n.StartsWith("Did you mean", StringComparison.Ordinal));
    }

    [Fact]
    public void A_question_the_collection_cannot_answer_says_so_and_offers_leads()
    {
        var result = seeds.Searcher.Ask("What did Joe Biden say about the ceasefire?");

        Assert.False(result.Answered);
        Assert.NotEmpty(result.Citations);
    }

    [Fact]
    public void A_quote_comes_with_its_speaker_when_the_text_names_one()
    {
        Assert.Equal("one user", seeds.Searcher.Quote("a voice for the voiceless").Matches[0].Speaker);
        Assert.Equal("Another", seeds.Searcher.Quote("have a spine have some integrity").Matches[0].Speaker);
        Assert.Equal("Ruffalo", seeds.Searcher.Quote("sanctions on South Africa helped free its black people").Matches[0].Speaker);
    }

    [Fact]
    public void A_block_quote_after_a_lead_in_line_is_returned_whole()
    {
        var quotation = seeds.Searcher.Quote("have a spine have some integrity").Matches[0].Quotation;

        Assert.StartsWith("Booooo have a spine", quotation);
        Assert.EndsWith("that’s clout chasing man.", quotation);
    }

    [Theory]
    [InlineData("\u201CI am very pleased to have the doubt of suspicion removed.\n\nStill, I don't wish to appear happy at somebody else's misfortune\u201D.")]
    [InlineData("\u201CI am very pleased to have the doubt of suspicion removed.\n\n\u201CStill, I don't wish to appear happy at somebody else's misfortune,\u201D he said.")]
    public async Task A_quotation_carried_over_several_paragraphs_is_shown_to_its_closing_mark(string quotation)
    {
        using var corpus = new TempCorpus();
        corpus.Write("verdict.txt", $"---\ntitle: Verdict\n---\nWhen the verdict came in against his young neighbor, Hengesbach said:\n\n{quotation}\n\nHengesbach hopes to rebuild the farm.\n");
        await corpus.UpdateAsync();

        var match = Assert.Single(corpus.Searcher.Quote("pleased to have the doubt of suspicion removed").Matches);

        Assert.Contains("somebody else's misfortune", match.Quotation);
        Assert.DoesNotContain("rebuild the farm", match.Quotation);
    }

    [Fact]
    public async Task A_quotation_closed_in_its_own_paragraph_is_not_stretched_into_the_next()
    {
        using var corpus = new TempCorpus();
        corpus.Write("verdict.txt", "---\ntitle: Verdict\n---\n\u201CI am very pleased to have the doubt removed,\u201D Hengesbach said.\n\n\u201CThe farm comes first,\u201D his wife added.\n");
        await corpus.UpdateAsync();

        var match = Assert.Single(corpus.Searcher.Quote("pleased to have the doubt removed").Matches);

        Assert.DoesNotContain("farm", match.Quotation);
    }

    [Fact]
    public void Search_keeps_only_articles_published_in_the_date_range()
    {
        var may2021 = seeds.Searcher.Search("Ruffalo", dates: DateRange.Parse("2021-05", "2021-05"));
        var after = seeds.Searcher.Search("Ruffalo", dates: DateRange.Parse("2021-05-26", null));
        var dayOnly = seeds.Searcher.Search("Ruffalo", dates: DateRange.Parse("2021-05-25", "2021-05-25"));

        Assert.Equal(2, may2021.TotalArticles);
        Assert.Equal(0, after.TotalArticles);
        Assert.Equal(SeedCorpusFixture.Unilad, Assert.Single(dayOnly.Citations).ArticleId);
    }

    [Fact]
    public void Search_can_put_the_newest_first()
    {
        var newest = seeds.Searcher.Search("Ruffalo", newestFirst: true);

        Assert.Equal(SeedCorpusFixture.Unilad, newest.Citations[0].ArticleId);
        Assert.Equal(SeedCorpusFixture.Fuerza, newest.Citations[^1].ArticleId);
    }

    [Theory]
    [InlineData("yesterday", null)]
    [InlineData("2021-13", null)]
    [InlineData("2022", "2021")]
    public void A_bad_date_range_is_refused_with_a_clear_message(string from, string? to)
    {
        var error = Assert.Throws<CorpusException>(() => DateRange.Parse(from, to));

        Assert.True(error.IsUserError);
    }

    [Theory]
    [InlineData("it's not accurate, it's inflammatory")]
    [InlineData("it\u2019s not accurate, it\u2019s inflammatory")]
    [InlineData("IT'S NOT ACCURATE IT'S INFLAMMATORY")]
    public void Quote_lookup_matches_curly_and_straight_apostrophes_and_lists_each_source(string text)
    {
        var result = seeds.Searcher.Quote(text);

        Assert.True(result.Exact);
        Assert.Equal(
            new[] { SeedCorpusFixture.Unilad, SeedCorpusFixture.IbTimes },
            result.Matches.Select(m => m.Citation.ArticleId).Order());
        Assert.All(result.Matches, m => Assert.Contains("inflammatory, disrespectful", m.Quotation));
    }

    [Fact]
    public void Quote_lookup_matches_and_for_ampersand_and_returns_the_whole_quotation()
    {
        var result = seeds.Searcher.Quote("disrespectful and is being used to justify antisemitism");

        var ibtimes = Assert.Single(result.Matches, m => m.Citation.ArticleId == SeedCorpusFixture.IbTimes);
        Assert.StartsWith("It's not accurate", ibtimes.Quotation);
        Assert.EndsWith("Now is the time to avoid hyperbole", ibtimes.Quotation);
    }

    [Fact]
    public void Quote_lookup_takes_the_span_between_curly_quotation_marks()
    {
        var result = seeds.Searcher.Quote("a voice for the voiceless");

        var match = Assert.Single(result.Matches);
        Assert.Equal("Thank you for always being loud about what matters…. it truly means a lot to be a voice for the voiceless", match.Quotation);
    }

    [Theory]
    [InlineData("it's not accurate ... disrespectful")]
    [InlineData("It’s not accurate… being used to justify antisemitism")]
    public void A_quote_shortened_with_an_ellipsis_still_matches_exactly(string text)
    {
        var result = seeds.Searcher.Quote(text);

        Assert.True(result.Exact);
        Assert.Equal(2, result.Matches.Count);
        Assert.All(result.Matches, m => Assert.Contains("inflammatory, disrespectful", m.Quotation));
    }

    [Fact]
    public void A_quote_that_is_not_in_the_collection_is_offered_only_as_a_near_match()
    {
        var result = seeds.Searcher.Quote("it is accurate and not inflammatory at all");

        Assert.False(result.Exact);
        Assert.NotEmpty(result.Matches);
    }

    [Fact]
    public void Article_is_found_by_id_by_exact_title_and_by_title_words()
    {
        Assert.Equal(SeedCorpusFixture.Fuerza, seeds.Searcher.Article(SeedCorpusFixture.Fuerza).Article!.ArticleId);
        Assert.Equal(SeedCorpusFixture.Unilad, seeds.Searcher.Article("mark ruffalo faces backlash following israel post apology").Article!.ArticleId);
        Assert.Equal(SeedCorpusFixture.Fuerza, seeds.Searcher.Article("palestinian film producer").Article!.ArticleId);
        Assert.Null(seeds.Searcher.Article("zzzz qqqq").Article);
    }

    [Fact]
    public void Titles_for_autocomplete_match_word_prefixes()
    {
        var titles = seeds.Searcher.Titles("ruff apol");

        Assert.Equal(2, titles.Count);
        Assert.DoesNotContain(titles, t => t.Id == SeedCorpusFixture.Fuerza);
    }

    [Fact]
    public async Task Titles_for_autocomplete_follow_the_index_after_an_update()
    {
        using var corpus = new TempCorpus().WithSeeds();
        await corpus.UpdateAsync();
        var searcher = corpus.Searcher;
        Assert.Empty(searcher.Titles("zeppelin"));
        var ruffalo = searcher.Titles("ruff").Count;

        corpus.Write("zeppelin.txt", "---\ntitle: Zeppelin Lands In Ruffalo County\n---\nThe zeppelin landed.\n");
        await corpus.UpdateAsync();

        Assert.Equal("Zeppelin Lands In Ruffalo County", Assert.Single(searcher.Titles("zepp")).Title);
        Assert.Equal(ruffalo + 1, searcher.Titles("ruff").Count);
    }

    [Fact]
    public async Task Titles_for_autocomplete_are_read_once_per_index_state()
    {
        using var corpus = new TempCorpus().WithSeeds();
        await corpus.UpdateAsync();
        var searcher = corpus.Searcher;

        searcher.Titles("ruff");
        searcher.Titles("ruff apol");
        searcher.Titles(string.Empty);
        Assert.Equal(1, searcher.TitleListsRead);

        corpus.Write("zeppelin.txt", "---\ntitle: Zeppelin Lands In Ruffalo County\n---\nThe zeppelin landed.\n");
        await corpus.UpdateAsync();
        Assert.Single(searcher.Titles("zepp"));
        searcher.Titles("zeppelin lands");
        Assert.Equal(2, searcher.TitleListsRead);
    }

    [Fact]
    public void Stats_count_articles_and_passages()
    {
        var stats = seeds.Searcher.Stats();

        Assert.Equal(3, stats.Articles);
        Assert.InRange(stats.Passages, 6, 60);
        Assert.NotNull(stats.LastUpdated);
    }

    public static TheoryData<string> HostileQueries() => new()
    {
        "\"unbalanced quote",
        "Ruffalo\"",
        "AND OR NOT",
        "+ - && || ! ( ) { } [ ] ^ ~ * ? : \\ /",
        "title:Ruffalo",
        "body:genocide OR url:*",
        "Ruff*lo genoc?de",
        "*",
        "~~~",
        "Ruffalo~0.5^10",
        new string('x', 10_000),
        string.Join(' ', Enumerable.Repeat("ceasefire genocide sanctions", 3_400)),
        "\u0000\u0001\u0007 Ruffalo \u001b[31m",
        "🤔🇵🇸🍉",
        "Ruffalo 🍉 Gaza",
        "\u202Eolaffur\u202C",
        "\u05E9\u05DC\u05D5\u05DD \u0633\u0644\u0627\u0645",
        "\uD800 lone surrogate \uDFFF",
        "e\u0301 combining",
        "<@everyone> @here <script>",
        "-",
        "-Ruffalo",
        "\"\"",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public void Hostile_queries_get_a_result_or_a_clear_message_never_an_exception(string query)
    {
        AssertAnswersOrExplains(() => seeds.Searcher.Search(query).Notes);
        AssertAnswersOrExplains(() => seeds.Searcher.Ask(query).Notes);
        AssertAnswersOrExplains(() => seeds.Searcher.Quote(query).Notes);
        AssertAnswersOrExplains(() => { seeds.Searcher.Article(query); return []; });
        AssertAnswersOrExplains(() => { seeds.Searcher.Titles(query); return []; });
    }

    [Fact]
    public void A_very_long_query_is_shortened_and_the_reply_says_so()
    {
        var result = seeds.Searcher.Search(string.Join(' ', Enumerable.Repeat("ceasefire", 2_000)));

        Assert.NotEmpty(result.Citations);
        Assert.Contains(result.Notes, n => n.Contains("first 1000 characters"));
    }

    [Fact]
    public void Empty_input_is_refused_with_a_message_for_the_person()
    {
        var error = Assert.Throws<CorpusException>(() => seeds.Searcher.Search(" \t\n"));

        Assert.True(error.IsUserError);
        Assert.Contains("words", error.Message);
    }

    private static void AssertAnswersOrExplains(Func<IReadOnlyList<string>> action)
    {
        try
        {
            var notes = action();
            Assert.All(notes, n => Assert.InRange(n.Length, 1, 300));
        }
        catch (CorpusException ex)
        {
            Assert.InRange(ex.Message.Length, 1, 300);
        }
    }
}
