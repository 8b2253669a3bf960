using CorpusBot.Search.Engine;
using CorpusBot.Search.Semantic;
using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Engine;

/// <summary>How ask uses semantic recall: found by meaning, ranked with BM25, and honest about what it found.</summary>
public sealed class SemanticFusionTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    private async Task WriteCollectionAsync()
    {
        _corpus.Write("wedding.txt", "---\ntitle: Harbour town news\n---\nThe couple were wed on the ninth of June in the old chapel by the harbour, before two hundred guests.\n");
        _corpus.Write("market.txt", "---\ntitle: Market day\n---\nThe family who run the fish stall said the market had its busiest Saturday of the year.\n");
        await _corpus.UpdateAsync();
    }

    [Fact]
    public async Task A_passage_that_answers_in_other_words_is_cited_first_when_recall_finds_it()
    {
        await WriteCollectionAsync();
        var recall = new FixedRecall(new SemanticHit("wedding", 0, 0.81f), new SemanticHit("market", 0, 0.42f));

        var answer = new CorpusSearcher(_corpus.Index, recall).Ask("When did the couple get married?");

        Assert.True(answer.Answered);
        Assert.Equal("wedding", answer.Citations[0].ArticleId);
        Assert.Contains("ninth of June", answer.Citations[0].Excerpt.Text);
        Assert.Equal(SemanticState.Ready, answer.Semantic?.State);
    }

    [Fact]
    public async Task A_nearest_passage_that_is_not_similar_enough_is_not_an_answer()
    {
        await WriteCollectionAsync();
        var recall = new FixedRecall(new SemanticHit("wedding", 0, 0.35f), new SemanticHit("market", 0, 0.33f));

        var answer = new CorpusSearcher(_corpus.Index, recall).Ask("When did the couple get married?");

        Assert.False(answer.Answered);
    }

    [Fact]
    public async Task A_name_found_nowhere_is_not_answered_however_near_a_passage_is()
    {
        await WriteCollectionAsync();
        var recall = new FixedRecall(new SemanticHit("wedding", 0, 0.9f));

        var answer = new CorpusSearcher(_corpus.Index, recall).Ask("When did Gertrude Hollingsworth get married?");

        Assert.False(answer.Answered);
    }

    [Fact]
    public async Task Hits_for_passages_no_longer_in_the_index_are_ignored()
    {
        await WriteCollectionAsync();
        var recall = new FixedRecall(new SemanticHit("deleted-article", 3, 0.95f), new SemanticHit("wedding", 0, 0.8f));

        var answer = new CorpusSearcher(_corpus.Index, recall).Ask("When did the couple get married?");

        Assert.Equal("wedding", answer.Citations[0].ArticleId);
        Assert.DoesNotContain(answer.Citations, c => c.ArticleId == "deleted-article");
    }

    [Fact]
    public async Task Without_semantic_recall_the_answer_says_none_was_available()
    {
        await WriteCollectionAsync();

        var answer = _corpus.Searcher.Ask("When did the couple get married?");

        Assert.Null(answer.Semantic);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_answers_window_is_the_one_the_model_finds_nearest_to_the_question(bool modelAvailable)
    {
        var sentences = string.Join(' ', Enumerable.Range(0, 5).Select(i => $"The harbour committee met for the {i + 1}th time about the harbour wall."));
        _corpus.Write("harbour.txt", $"---\ntitle: Harbour news\n---\n{sentences} The treasurer put the bill at forty thousand pounds.\n");
        await _corpus.UpdateAsync();
        var recall = new FixedRecall(new SemanticHit("harbour", 0, 0.8f)) { Nearness = modelAvailable ? text => text.Contains("treasurer", StringComparison.Ordinal) ? 0.9f : 0.4f : null };

        var answer = new CorpusSearcher(_corpus.Index, recall).Ask("What will mending the harbour wall cost?");

        Assert.Equal(modelAvailable, answer.Citations[0].Excerpt.Text.Contains("forty thousand pounds", StringComparison.Ordinal));
    }

    private sealed class FixedRecall(params SemanticHit[] hits) : ISemanticRecall
    {
        public Func<string, float>? Nearness { get; init; }

        public SemanticCoverage Coverage => new(SemanticState.Ready, 2, 2, null);

        public IReadOnlyList<SemanticHit> Nearest(string query, int count, CancellationToken cancellationToken = default) => [.. hits.Take(count)];

        public IReadOnlyList<float> Similarities(string query, IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Nearness is null ? [] : [.. texts.Select(Nearness)];
    }

    public void Dispose() => _corpus.Dispose();
}
