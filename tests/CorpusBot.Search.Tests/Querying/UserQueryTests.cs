using CorpusBot.Search.Querying;

namespace CorpusBot.Search.Tests.Querying;

public class UserQueryTests
{
    [Fact]
    public void Balanced_quotes_become_phrases_and_dashed_words_exclusions()
    {
        var query = UserQuery.Parse("\u201Cnot accurate\u201D ruffalo -hulk");

        Assert.Equal(["not accurate"], query.Phrases);
        Assert.Equal("ruffalo", query.Loose.Trim());
        Assert.Equal(["hulk"], query.Excluded);
    }

    [Fact]
    public void An_unbalanced_quote_is_ignored_rather_than_failing()
    {
        var query = UserQuery.Parse("\"not accurate");

        Assert.Empty(query.Phrases);
        Assert.Equal(["accur"], QueryTerms.From(query).Terms);
    }

    [Fact]
    public void Control_and_direction_characters_are_removed_and_spaces_collapsed()
    {
        Assert.Equal("a b c", UserQuery.Clean("a\u0000\u202E b\t\n\u200B c\u0007"));
    }

    [Fact]
    public void Hyphenated_words_are_not_taken_for_exclusions()
    {
        var query = UserQuery.Parse("anti-semitism long-time");

        Assert.Empty(query.Excluded);
    }

    [Fact]
    public void Field_syntax_is_searched_as_plain_words()
    {
        var terms = QueryTerms.From(UserQuery.Parse("title:genocide"));

        Assert.Contains("genocid", terms.Terms);
    }

    [Fact]
    public void Question_words_are_dropped_but_names_kept()
    {
        var terms = QueryTerms.From(UserQuery.Parse("Who called Ruffalo spineless?"), QuestionWords.Ignored);

        Assert.DoesNotContain("who", terms.Terms);
        Assert.Contains("ruffalo", terms.Terms);
        Assert.Contains("spineless", terms.Terms);
    }

    [Fact]
    public void At_most_64_distinct_terms_are_kept()
    {
        var words = string.Join(' ', Enumerable.Range(0, 150).Select(i => $"w{i}x"));

        Assert.Equal(QueryTerms.MaxTerms, QueryTerms.From(UserQuery.Parse(words)).Terms.Count);
    }
}
