using CorpusBot.Search.Indexing;

namespace CorpusBot.Search.Tests.Indexing;

public class PassageSplitterTests
{
    private static readonly string Paragraph = string.Join(' ', Enumerable.Repeat("This sentence is a piece of an ordinary paragraph of news text.", 5));

    [Fact]
    public void Paragraphs_are_gathered_into_passages_in_reading_order_and_never_cut()
    {
        var passages = PassageSplitter.Split($"{Paragraph} One.\n\n{Paragraph} Two.\n{Paragraph} Three.\n\n{Paragraph} Four.");

        Assert.Equal(2, passages.Count);
        Assert.EndsWith("Two.", passages[0].Text);
        Assert.EndsWith("Four.", passages[1].Text);
        Assert.Equal([0, 1], passages.Select(p => p.Ordinal));
        Assert.All(passages, p => Assert.True(p.Text.Length >= PassageSplitter.MinLength));
    }

    [Fact]
    public void Sentence_per_line_text_becomes_passages_of_several_sentences()
    {
        var sentences = Enumerable.Range(0, 30).Select(i => $"Sentence {i} of the report says what happened at the meeting.").ToList();

        var passages = PassageSplitter.Split(string.Join("\n\n", sentences.Select(s => "\t" + s)));

        Assert.All(passages, p => Assert.True(p.Text.Length >= PassageSplitter.MinLength, p.Text));
        Assert.All(passages, p => Assert.True(p.Text.Split('\n').Length >= 5));
        Assert.Equal(string.Join(' ', sentences), string.Join(' ', passages.Select(p => p.Text.Replace('\n', ' '))));
    }

    [Fact]
    public void Hard_wrapped_lines_are_joined_back_into_their_sentences()
    {
        const string wrapped = "The county school board voted on Tuesday to\nbuild a new elementary school on the north side\nof town, at a cost of $83,750, after a long\ndebate about the old building on Main Street.\n\nThe second paragraph starts here and goes on\nfor a while before it ends on this line.";

        var passage = Assert.Single(PassageSplitter.Split(wrapped));

        Assert.Contains("voted on Tuesday to build a new elementary school on the north side of town", passage.Text);
        Assert.Contains("Main Street.\nThe second paragraph", passage.Text);
    }

    [Fact]
    public void Lines_that_are_their_own_paragraphs_are_not_joined()
    {
        var passage = Assert.Single(PassageSplitter.Split("The Headline Of The Day\nFirst paragraph ends here.\nSecond paragraph ends here.\n- the first item of a list\n- the second item of a list"));

        Assert.Equal(["The Headline Of The Day", "First paragraph ends here.", "Second paragraph ends here.", "- the first item of a list", "- the second item of a list"], passage.Text.Split('\n'));
    }

    [Fact]
    public void A_short_lead_in_line_joins_the_paragraph_it_introduces()
    {
        var passages = PassageSplitter.Split($"Another said:\n\n{Paragraph}");

        var passage = Assert.Single(passages);
        Assert.StartsWith("Another said:\n", passage.Text);
    }

    [Fact]
    public void A_very_long_paragraph_is_cut_at_sentence_ends()
    {
        var longParagraph = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"Sentence number {i} says something new."));

        var passages = PassageSplitter.Split(longParagraph);

        Assert.True(passages.Count > 1);
        Assert.All(passages, p => Assert.True(p.Text.Length <= PassageSplitter.MaxLength));
        Assert.All(passages, p => Assert.EndsWith(".", p.Text));
        Assert.Equal(longParagraph, string.Join(' ', passages.Select(p => p.Text)));
    }

    [Fact]
    public void Text_without_any_punctuation_is_still_cut_into_bounded_passages()
    {
        var wall = string.Join(' ', Enumerable.Repeat("word", 3000));

        var passages = PassageSplitter.Split(wall);

        Assert.All(passages, p => Assert.True(p.Text.Length <= PassageSplitter.MaxLength * 2));
        Assert.Equal(3000, passages.Sum(p => p.Text.Split(' ').Length));
    }

    [Fact]
    public void Nothing_after_a_most_read_list_belongs_to_the_article()
    {
        var passages = PassageSplitter.Split($"{Paragraph} Kept.\nMost Read StoriesMost Read\nNew Trailer Just Landed\n{Paragraph} Bio.");

        var passage = Assert.Single(passages);
        Assert.EndsWith("Kept.", passage.Text);
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("Topics: Film and TV, Apology, Israel")]
    [InlineData("Instagram/@markruffalo")]
    [InlineData("Mark Ruffalo/Twitter")]
    [InlineData("1. Mark Ruffalo/Twitter")]
    [InlineData("by : Julia Banim on : 25 May 2021 12:56")]
    [InlineData("Film and TV")]
    [InlineData("Headline Of The StoryPA Images")]
    public void Page_furniture_is_left_out_of_passages(string furniture)
    {
        var passages = PassageSplitter.Split($"{furniture}\n{Paragraph}\n{furniture}\n{Paragraph}", title: "Headline Of The Story");

        Assert.All(passages, p => Assert.DoesNotContain(furniture, p.Text));
        Assert.Equal(2, passages.Sum(p => p.Text.Split('\n').Length));
    }

    [Fact]
    public void A_paragraph_that_opens_with_the_words_of_a_derived_title_is_kept()
    {
        const string opening = "The harbour of the town is busy all year. A lighthouse stands at its mouth.";

        var passage = Assert.Single(PassageSplitter.Split($"Town\n\n{opening}\n", title: "The harbour of the town is busy all year"));

        Assert.Contains(opening, passage.Text);
    }
}
