using CorpusBot.Search.Results;
using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Quality;

public sealed class EarlyStopTests(EarlyStopTests.Collection collection) : IClassFixture<EarlyStopTests.Collection>
{
    /// <summary>The seeds and 150 unrelated documents, indexed once for the class.</summary>
    public sealed class Collection : IDisposable
    {
        public Collection()
        {
            Corpus = new TempCorpus().WithSeeds();
            MixedCollection.Write(Corpus.ArticlesPath, documents: 150);
            Corpus.UpdateAsync().GetAwaiter().GetResult();
        }

        public TempCorpus Corpus { get; }

        public void Dispose() => Corpus.Dispose();
    }

    [Fact]
    public void Stopping_early_gives_exactly_the_answers_of_ranking_every_candidate()
    {
        var searcher = collection.Corpus.Searcher;
        var questions = LabelledSet.Load().Questions.Select(q => q.Q)
            .Concat(["sanctions", "What is a ceasefire?", "Who wrote the documentation?", "When did the war end?"]);

        foreach (var question in questions)
        {
            foreach (var sources in new[] { 1, 3, 10 })
            {
                var quick = searcher.Ask(question, sources);
                var full = searcher.Ask(question, sources, exhaustive: true);

                Assert.Equal(full.Answered, quick.Answered);
                Assert.Equal(Describe(full.Citations), Describe(quick.Citations));
            }
        }
    }

    [Fact]
    public void Skipping_passages_that_cannot_reach_the_page_gives_exactly_the_pages_of_rescoring_all()
    {
        var searcher = collection.Corpus.Searcher;
        var queries = LabelledSet.Load().Searches.Select(s => s.Q)
            .Concat(["Ruffalo Israel genocide", "sanctions South Africa", "ceasefire declared", "the actor apologised", "documentation method returns"]);

        foreach (var query in queries)
        {
            foreach (var (page, size) in new[] { (1, 5), (2, 5), (3, 5), (1, 1), (1, 10) })
            {
                var quick = searcher.Search(query, page, size);
                var full = searcher.Search(query, page, size, dates: null, newestFirst: false, exhaustive: true);

                Assert.Equal(full.TotalArticles, quick.TotalArticles);
                Assert.Equal(Describe(full.Citations), Describe(quick.Citations));
            }
        }
    }

    private static string[] Describe(IReadOnlyList<Citation> citations) =>
        [.. citations.Select(c => $"{c.ArticleId} {c.Score:R} {c.Excerpt.Text}")];
}
