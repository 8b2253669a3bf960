using CorpusBot.Search.Analysis;

namespace CorpusBot.Search.Tests.Analysis;

public class CorpusAnalyzersTests
{
    private static string[] Stemmed(string text) => [.. TokenReader.Read(CorpusAnalyzers.Stemmed, text).Select(t => t.Term)];

    private static string[] Exact(string text) => [.. TokenReader.Read(CorpusAnalyzers.Exact, text).Select(t => t.Term)];

    [Theory]
    [InlineData("it\u2019s not accurate", "it's not accurate")]
    [InlineData("\u201Cgenocide\u201D", "\"genocide\"")]
    [InlineData("Palestine \u2013 Israel", "Palestine - Israel")]
    [InlineData("non\u00A0breaking space", "non breaking space")]
    [InlineData("reflected & wanted", "reflected and wanted")]
    public void Typographic_variants_analyse_to_the_same_exact_tokens(string fancy, string plain) =>
        Assert.Equal(Exact(plain), Exact(fancy));

    [Fact]
    public void Accents_are_folded_in_both_fields()
    {
        Assert.Equal(["antisemite"], Exact("Antisémite"));
        Assert.Equal(Stemmed("antisemite"), Stemmed("Antisémite"));
    }

    [Theory]
    [InlineData("apologising", "apologize")]
    [InlineData("apologised", "apologizes")]
    [InlineData("colour", "color")]
    [InlineData("favour", "favors")]
    [InlineData("Ruffalo\u2019s", "Ruffalo")]
    public void British_spellings_and_possessives_meet_their_stems(string a, string b) =>
        Assert.Equal(Stemmed(b), Stemmed(a));

    [Theory]
    [InlineData("paid", "pays")]
    [InlineData("won", "winning")]
    [InlineData("children", "child")]
    [InlineData("bought", "buying")]
    [InlineData("written", "writes")]
    public void Irregular_forms_meet_the_stem_of_their_base(string form, string regular) =>
        Assert.Equal(Stemmed(regular), Stemmed(form));

    [Theory]
    [InlineData("Scottish", "Scotland")]
    [InlineData("Americans", "America")]
    [InlineData("Britons", "Britain")]
    [InlineData("Dutch", "Netherlands")]
    public void The_adjectives_and_peoples_of_places_meet_the_place(string adjective, string place) =>
        Assert.Equal(Stemmed(place), Stemmed(adjective));

    [Theory]
    [InlineData("left", "leave")]
    [InlineData("saw", "see")]
    [InlineData("rose", "rise")]
    [InlineData("polish", "poland")]
    [InlineData("english", "england")]
    public void Forms_that_are_as_often_another_word_are_left_alone(string form, string other) =>
        Assert.NotEqual(Stemmed(other), Stemmed(form));

    [Fact]
    public void Offsets_point_at_the_original_text_even_where_characters_were_mapped()
    {
        const string text = "He said \u2018it\u2019s over\u2019 & left";
        var tokens = TokenReader.Read(CorpusAnalyzers.Exact, text);

        foreach (var token in tokens.Where(t => t.Term != "and"))
        {
            var original = text[token.Start..token.End].Replace('\u2019', '\'').ToLowerInvariant();
            Assert.Equal(token.Term, original);
        }

        Assert.Contains(tokens, t => t.Term == "it's" && text[t.Start..t.End] == "it\u2019s");
    }

    [Fact]
    public void The_stemmed_field_drops_stop_words_and_the_exact_field_keeps_them()
    {
        Assert.DoesNotContain("the", Stemmed("the time to avoid hyperbole"));
        Assert.Contains("the", Exact("the time to avoid hyperbole"));
    }
}
