using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Engine;

/// <summary>Answers must not depend on how a file breaks its lines: sentence-per-line and hard-wrapped copy.</summary>
public sealed class AnswersAcrossLayoutTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    // Wire copy as old press corpora keep it: one sentence per line, a blank line between sentences.
    private static readonly string[] ElectionReport =
    [
        "Miller County has a new school superintendent, elected, as a newspaper put it, in a \u201Cchanging of the guard.\u201D",
        "The race for the post drew more voters to the polls than any county contest in a decade, officials said on Wednesday.",
        "Harry Davis, a former teacher and coach at the county high school, ran against the incumbent on a promise of smaller classes.",
        "He had the backing of the parents' association and of most of the teachers who spoke at the public meetings in the spring.",
        "He received 1,119 votes in Saturday's election, against 402 for his opponent, the county clerk reported.",
        "The new superintendent takes office on the first of January and has promised to visit every school before the spring term.",
        "The board will meet next month to set the budget for the coming year, including the cost of two new classrooms.",
    ];

    [Fact]
    public async Task A_number_two_sentences_after_the_question_words_is_in_the_excerpt_of_sentence_per_line_text()
    {
        _corpus.Write("miller-county.txt", "---\ntitle: Miller County elects a superintendent\n---\n" + string.Join("\n\n", ElectionReport.Select(s => "\t" + s)) + "\n");
        _corpus.Write("other.txt", "---\ntitle: Harbour news\n---\nThe harbour master counted 40 boats at the regatta on Saturday, and the weather held all day.\n");
        await _corpus.UpdateAsync();

        var answer = _corpus.Searcher.Ask("How many votes did Harry Davis get?");

        Assert.True(answer.Answered);
        Assert.Equal("miller-county", answer.Citations[0].ArticleId);
        Assert.Contains("1,119 votes", answer.Citations[0].Excerpt.Text);
    }

    [Fact]
    public async Task The_same_report_hard_wrapped_gives_the_same_answer()
    {
        var wrapped = string.Join("\n", Wrap(string.Join(' ', ElectionReport), 72));
        _corpus.Write("miller-county.txt", "---\ntitle: Miller County elects a superintendent\n---\n" + wrapped + "\n");
        await _corpus.UpdateAsync();

        var answer = _corpus.Searcher.Ask("How many votes did Harry Davis get?");

        Assert.Contains("1,119 votes", answer.Citations[0].Excerpt.Text);
        Assert.DoesNotContain("\n", answer.Citations[0].Excerpt.Text);
    }

    [Fact]
    public async Task A_how_much_question_is_answered_with_the_sentence_holding_the_sum_not_one_with_other_numbers()
    {
        string[] schools =
        [
            "Senators approved the bill authorizing day schools for the deaf in the five largest counties.",
            "It would require deaf children between 6 and 13 years of age to attend the day schools, and older ones could attend the residential school.",
            "Operating budget for the day schools would be $451,500 a year, a savings to the state after the first year, the sponsor told the Senate.",
            "The agency estimated there would be 182 pupils at the day school in the largest county.",
        ];
        _corpus.Write("schools.txt", "---\ntitle: Day schools for the deaf\n---\n" + string.Join("\n\n", schools) + "\n");
        _corpus.Write("other.txt", "---\ntitle: Harbour news\n---\nThe harbour master counted 40 boats at the regatta on Saturday, and the weather held all day.\n");
        await _corpus.UpdateAsync();

        var answer = _corpus.Searcher.Ask("How much would the day schools for the deaf cost each year?");

        Assert.True(answer.Answered);
        Assert.Contains("$451,500", answer.Citations[0].Excerpt.Text);
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        yield return line.ToString();
    }

    public void Dispose() => _corpus.Dispose();
}
