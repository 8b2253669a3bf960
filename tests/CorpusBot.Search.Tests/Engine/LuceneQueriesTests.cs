using CorpusBot.Search.Engine;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Engine;

public sealed class LuceneQueriesTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public LuceneQueriesTests()
    {
        for (var i = 0; i < 30; i++)
        {
            var extra = i < 2 ? " A lighthouse stands at its mouth." : i < 5 ? " Ferries leave at dawn." : string.Empty; // 2 and 3 passages
            _corpus.Write($"town-{i:00}.txt", $"Town {i}\n\nThe harbour of town {i} is busy all year.{extra}\n");
        }

        _corpus.Indexer.UpdateAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void Within_the_budget_every_term_selects_passages()
    {
        Assert.Equal(30, Matches("harbour lighthouse", budget: 1000));
    }

    [Fact]
    public void Past_the_budget_only_the_rarest_terms_select_and_the_common_one_only_scores()
    {
        Assert.Equal(5, Matches("harbour lighthouse ferries", budget: 5));
        Assert.Equal(2, Matches("harbour lighthouse ferries", budget: 4));
    }

    [Fact]
    public void When_every_term_is_common_the_rarest_one_still_selects()
    {
        Assert.Equal(30, Matches("harbour year", budget: 1));
        Assert.Equal(3, Matches("harbour ferries", budget: 1));
    }

    [Fact]
    public void A_passage_holding_rare_and_common_terms_ranks_above_one_with_the_rare_term_alone()
    {
        using var lease = _corpus.Index.Acquire();
        var query = LuceneQueries.Passages(QueryTerms.From(UserQuery.Parse("busy lighthouse ferries")), 1f, lease.Searcher.IndexReader, budget: 2);
        var hits = lease.Searcher.Search(query, LuceneQueries.PassagesOnly, 10).ScoreDocs;

        Assert.Equal(2, hits.Length);
        Assert.All(hits, h => Assert.Contains("lighthouse", lease.Searcher.Doc(h.Doc).Get("body"), StringComparison.Ordinal));
    }

    private int Matches(string text, long budget)
    {
        using var lease = _corpus.Index.Acquire();
        var query = LuceneQueries.Passages(QueryTerms.From(UserQuery.Parse(text)), 1f, lease.Searcher.IndexReader, budget);
        return lease.Searcher.Search(query, LuceneQueries.PassagesOnly, 100).TotalHits;
    }

    public void Dispose() => _corpus.Dispose();
}
