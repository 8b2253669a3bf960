using CorpusBot.Search.Results;
using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Quality;

public sealed class AskEarlyStopTests
{
    [Fact]
    public async Task Stopping_early_gives_exactly_the_answers_of_ranking_every_candidate()
    {
        using var corpus = new TempCorpus().WithSeeds();
        MixedCollection.Write(corpus.ArticlesPath, documents: 150);
        await corpus.UpdateAsync();
        var searcher = corpus.Searcher;
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

    private static string[] Describe(IReadOnlyList<Citation> citations) =>
        [.. citations.Select(c => $"{c.ArticleId} {c.Score:R} {c.Excerpt.Text}")];
}
