using CorpusBot.Search.Engine;
using CorpusBot.Search.Semantic;
using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Engine;

/// <summary>The same request on the same index state is worked out once; any change of state starts afresh.</summary>
public sealed class AnswerCacheTests : IDisposable
{
    private readonly TempCorpus _corpus = new TempCorpus().WithSeeds();

    [Fact]
    public async Task The_same_search_ask_and_quote_on_one_index_state_are_answered_from_the_first_answer()
    {
        await _corpus.UpdateAsync();
        var searcher = _corpus.Searcher;

        Assert.Same(searcher.Search("Ruffalo apology"), searcher.Search("Ruffalo apology"));
        Assert.Same(searcher.Ask("Why did Mark Ruffalo apologize?"), searcher.Ask("Why did Mark Ruffalo apologize?"));
        Assert.Same(searcher.Quote("genocide"), searcher.Quote("genocide"));
        Assert.NotSame(searcher.Search("Ruffalo apology"), searcher.Search("Ruffalo apology", page: 2));
    }

    [Fact]
    public async Task Searches_between_two_identical_questions_keep_the_first_answer()
    {
        await _corpus.UpdateAsync();
        var searcher = new CorpusSearcher(_corpus.Index, new GrowingRecall { Embedded = 5 });
        var first = searcher.Ask("Why did Mark Ruffalo apologize?");

        searcher.Search("Ruffalo apology");
        searcher.Quote("genocide");

        Assert.Same(first, searcher.Ask("Why did Mark Ruffalo apologize?"));
    }

    [Fact]
    public async Task After_an_update_the_same_search_sees_the_new_article()
    {
        await _corpus.UpdateAsync();
        var searcher = _corpus.Searcher;
        Assert.Empty(searcher.Search("zeppelin").Citations);

        _corpus.Write("zeppelin.txt", "---\ntitle: Zeppelin Lands\n---\nThe zeppelin landed in the square at noon.\n");
        await _corpus.UpdateAsync();

        Assert.Equal("Zeppelin Lands", Assert.Single(searcher.Search("zeppelin").Citations).Title);
    }

    [Fact]
    public async Task An_answer_given_while_the_model_was_busy_is_not_kept()
    {
        await _corpus.UpdateAsync();
        var searcher = new CorpusSearcher(_corpus.Index, new AlwaysBusyRecall());

        Assert.NotSame(searcher.Ask("Why did Mark Ruffalo apologize?"), searcher.Ask("Why did Mark Ruffalo apologize?"));
    }

    [Fact]
    public async Task More_vectors_for_the_same_index_start_afresh()
    {
        await _corpus.UpdateAsync();
        var recall = new GrowingRecall();
        var searcher = new CorpusSearcher(_corpus.Index, recall);
        var before = searcher.Ask("Why did Mark Ruffalo apologize?");

        recall.Embedded++;

        Assert.NotSame(before, searcher.Ask("Why did Mark Ruffalo apologize?"));
    }

    public void Dispose() => _corpus.Dispose();

    private sealed class AlwaysBusyRecall : ISemanticRecall
    {
        private long _busy;

        public SemanticCoverage Coverage => new(SemanticState.Ready, 1, 1, null);

        public long BusyAnswers => Interlocked.Read(ref _busy);

        public IReadOnlyList<SemanticHit> Nearest(string query, int count, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _busy);
            return [];
        }
    }

    private sealed class GrowingRecall : ISemanticRecall
    {
        public int Embedded { get; set; }

        public SemanticCoverage Coverage => new(SemanticState.Building, Embedded, 100, null);

        public IReadOnlyList<SemanticHit> Nearest(string query, int count, CancellationToken cancellationToken = default) => [];
    }
}
