using CorpusBot.Search.Engine;
using CorpusBot.Search.Tests.Support;
using CorpusBot.Search.Text;
using Xunit.Abstractions;

namespace CorpusBot.Search.Tests.Quality;

/// <summary>
/// Answer quality on our labelled set, over the seeds alone and mixed with a few hundred unrelated documents,
/// against a plain baseline (BM25 over whole articles, excerpt = first matching window). Thresholds sit a
/// little under what the engine reaches, so a regression fails the build.
/// </summary>
public sealed class AnswerQualityTests(ITestOutputHelper output)
{
    private static readonly LabelledSet Set = LabelledSet.Load();

    [Fact]
    public async Task On_the_seed_articles_answers_quotes_and_searches_meet_their_thresholds()
    {
        using var corpus = new TempCorpus().WithSeeds();
        await corpus.UpdateAsync();

        var report = Measure(corpus, "seeds");

        Assert.True(report.HitAt1 >= 0.9, report.Text);
        Assert.True(report.AnswerInExcerpt >= 0.9, report.Text);
        Assert.True(report.Unanswered >= 0.8, report.Text);
        Assert.True(report.QuoteSources >= 0.95, report.Text);
        Assert.True(report.Quotations >= 0.9, report.Text);
        Assert.True(report.Speakers >= 0.7, report.Text);
        Assert.True(report.Searches >= 0.9, report.Text);
        Assert.True(report.HitAt1 > report.BaselineHitAt1 || report.AnswerInExcerpt > report.BaselineExcerpt, report.Text);
    }

    [Fact]
    public async Task Mixed_with_hundreds_of_unrelated_documents_the_answers_hold()
    {
        using var corpus = new TempCorpus().WithSeeds();
        var extra = MixedCollection.Write(corpus.ArticlesPath);
        await corpus.UpdateAsync();
        Assert.True(extra >= 200, $"only {extra} unrelated documents could be built");

        var report = Measure(corpus, $"seeds + {extra} unrelated documents");

        Assert.True(report.HitAt1 >= 0.85, report.Text);
        Assert.True(report.AnswerInExcerpt >= 0.85, report.Text);
        Assert.True(report.Unanswered >= 0.65, report.Text);
        Assert.True(report.QuoteSources >= 0.95, report.Text);
        Assert.True(report.Searches >= 0.8, report.Text);
    }

    private QualityReport Measure(TempCorpus corpus, string label)
    {
        var searcher = corpus.Searcher;
        using var baseline = new Baseline(corpus.ArticlesPath);
        var failures = new List<string>();
        int hits = 0, excerpts = 0, baseHits = 0, baseExcerpts = 0;
        foreach (var question in Set.Questions)
        {
            var result = searcher.Ask(question.Q);
            var top = result.Citations.FirstOrDefault();
            var hit = top is not null && Matches(question.Articles, top.ArticleId);
            var inExcerpt = hit && Contains(top!.Excerpt.Text, question.Answer);
            hits += hit ? 1 : 0;
            excerpts += inExcerpt ? 1 : 0;
            if (!inExcerpt)
            {
                failures.Add($"ask \"{question.Q}\" → {top?.ArticleId}: {top?.Excerpt.Text}");
            }

            var (baseArticle, baseExcerpt) = baseline.Ask(question.Q);
            var baseHit = baseArticle is not null && Matches(question.Articles, baseArticle);
            baseHits += baseHit ? 1 : 0;
            baseExcerpts += baseHit && Contains(baseExcerpt, question.Answer) ? 1 : 0;
        }

        var unanswered = 0;
        foreach (var question in Set.Unanswerable)
        {
            var result = searcher.Ask(question);
            unanswered += result.Answered ? 0 : 1;
            if (result.Answered)
            {
                failures.Add($"answered the unanswerable \"{question}\" from {result.Citations[0].ArticleId}");
            }
        }

        int sources = 0, quotations = 0, speakers = 0, withSpeaker = 0;
        foreach (var quote in Set.Quotes)
        {
            var result = searcher.Quote(quote.Text);
            var found = result.Matches.Select(m => m.Citation.ArticleId).ToList();
            var right = result.Exact && found.Count == quote.Articles.Count && found.All(id => Matches(quote.Articles, id));
            sources += right ? 1 : 0;
            var quotationOk = right && result.Matches.All(m => Contains(m.Quotation, quote.Quotation));
            quotations += quotationOk ? 1 : 0;
            if (!quotationOk)
            {
                failures.Add($"quote \"{quote.Text}\" → exact {result.Exact}, {string.Join(", ", found)}: {string.Join(" | ", result.Matches.Select(m => m.Quotation))}");
            }

            if (quote.Speaker is not null)
            {
                withSpeaker++;
                var speaker = result.Matches.FirstOrDefault()?.Speaker;
                var speakerOk = string.Equals(speaker, quote.Speaker, StringComparison.OrdinalIgnoreCase);
                speakers += speakerOk ? 1 : 0;
                if (!speakerOk)
                {
                    failures.Add($"speaker of \"{quote.Text}\": expected {quote.Speaker}, got {speaker ?? "none"}");
                }
            }
        }

        var searches = 0;
        foreach (var search in Set.Searches)
        {
            var result = searcher.Search(search.Q);
            var ok = result.Citations.FirstOrDefault() is { } first && Matches(search.Articles, first.ArticleId);
            searches += ok ? 1 : 0;
            if (!ok)
            {
                failures.Add($"search \"{search.Q}\" → {result.Citations.FirstOrDefault()?.ArticleId ?? "nothing"} ({string.Join(" ", result.Notes)})");
            }
        }

        double Share(int n, int of) => of == 0 ? 1 : (double)n / of;
        var questions = Set.Questions.Count;
        var report = new QualityReport(
            Share(hits, questions), Share(excerpts, questions), Share(baseHits, questions), Share(baseExcerpts, questions),
            Share(unanswered, Set.Unanswerable.Count), Share(sources, Set.Quotes.Count), Share(quotations, Set.Quotes.Count),
            Share(speakers, withSpeaker), Share(searches, Set.Searches.Count),
            $"""
            [{label}]
            ask: hit@1 {hits}/{questions}, answer in excerpt {excerpts}/{questions}; baseline hit@1 {baseHits}/{questions}, answer in excerpt {baseExcerpts}/{questions}
            unanswerable recognised {unanswered}/{Set.Unanswerable.Count}
            quote: right sources {sources}/{Set.Quotes.Count}, whole quotation {quotations}/{Set.Quotes.Count}, speaker {speakers}/{withSpeaker}
            search with typos/accents: {searches}/{Set.Searches.Count}
            {string.Join(Environment.NewLine, failures.Select(f => "  - " + f))}
            """);
        output.WriteLine(report.Text);
        return report;
    }

    private static bool Matches(IReadOnlyList<string> prefixes, string articleId) => prefixes.Any(p => articleId.StartsWith(p, StringComparison.Ordinal));

    private static bool Contains(string text, string expected) =>
        TextNormalizer.Normalize(text).Contains(TextNormalizer.Normalize(expected), StringComparison.OrdinalIgnoreCase);

    private sealed record QualityReport(
        double HitAt1, double AnswerInExcerpt, double BaselineHitAt1, double BaselineExcerpt, double Unanswered,
        double QuoteSources, double Quotations, double Speakers, double Searches, string Text);
}
