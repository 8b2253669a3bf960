using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Querying;

namespace CorpusBot.Search.Tests.Excerpts;

public class ExcerptBuilderTests
{
    private static QueryTerms Terms(string query) => QueryTerms.From(UserQuery.Parse(query));

    private static IEnumerable<string> Marked(Excerpt excerpt) => excerpt.Highlights.Select(h => excerpt.Text.Substring(h.Start, h.Length));

    [Fact]
    public void Marks_land_exactly_on_the_words_that_matched_including_stemmed_forms()
    {
        const string passage = "Mark Ruffalo is facing backlash after apologising for posts. Ruffalo\u2019s response sparked criticism.";

        var excerpt = ExcerptBuilder.Build(passage, Terms("ruffalo apologize"));

        Assert.Equal(["Ruffalo", "apologising", "Ruffalo\u2019s"], Marked(excerpt));
    }

    [Fact]
    public void Marks_stay_aligned_after_characters_the_analyzer_rewrites()
    {
        const string passage = "I have reflected & wanted to apologize \u2013 it\u2019s not \u201Caccurate\u201D, he wrote.";

        var excerpt = ExcerptBuilder.Build(passage, Terms("accurate wrote"));

        Assert.Equal(["accurate", "wrote"], Marked(excerpt));
    }

    [Fact]
    public void A_quoted_phrase_is_marked_as_one_span()
    {
        var excerpt = ExcerptBuilder.Build("It is not accurate, it is inflammatory and more.", Terms("\"not accurate\""));

        Assert.Equal(["not accurate"], Marked(excerpt));
    }

    [Fact]
    public void The_window_is_about_300_characters_of_whole_sentences_around_the_best_match()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"Filler sentence {i} talks about nothing in particular."));
        var passage = $"{filler} The ceasefire was declared on Friday, May 21. {filler}";

        var excerpt = ExcerptBuilder.Build(passage, Terms("ceasefire declared"));

        Assert.Contains("The ceasefire was declared on Friday, May 21.", excerpt.Text);
        Assert.InRange(excerpt.Text.Length, 100, ExcerptBuilder.TargetLength + 70);
        Assert.True(char.IsUpper(excerpt.Text[0]), "the window starts at a sentence start");
        Assert.EndsWith(".", excerpt.Text);
    }

    [Fact]
    public void A_window_cut_inside_a_long_sentence_breaks_at_word_boundaries_and_says_so()
    {
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var passage = $"{words} needle {words}.";

        var excerpt = ExcerptBuilder.Build(passage, Terms("needle"));

        Assert.StartsWith("\u2026 word", excerpt.Text);
        Assert.EndsWith(" \u2026", excerpt.Text);
        Assert.Equal(["needle"], Marked(excerpt));
        var inner = excerpt.Text.Trim('\u2026', ' ');
        Assert.All(inner.Split(' '), w => Assert.Matches(@"^(word\d+|needle)$", w));
    }

    [Fact]
    public void Without_matches_the_excerpt_is_the_opening()
    {
        var excerpt = ExcerptBuilder.Build("First sentence here. Second one.", Terms("absent"));

        Assert.StartsWith("First sentence here.", excerpt.Text);
        Assert.Empty(excerpt.Highlights);
    }

    [Fact]
    public void Render_wraps_highlights_and_escapes_the_rest()
    {
        var excerpt = new Excerpt("a *b* c", [new TextSpan(2, 3)]);

        Assert.Equal("a [*b*] c", excerpt.Render("[", "]"));
        Assert.Equal("a [\\*b\\*] c", excerpt.Render("[", "]", s => s.Replace("*", "\\*")));
    }
}
