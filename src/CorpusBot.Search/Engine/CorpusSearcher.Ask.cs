using System.Text.RegularExpressions;
using CorpusBot.Search.Analysis;
using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Results;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Engine;

public sealed partial class CorpusSearcher
{
    private const int AskCandidates = 200;

    /// <summary>Below this share of the question's weight found in the best passage (and title), the collection "doesn't say".</summary>
    public const double AnswerThreshold = 0.55;

    /// <summary>Below this share of the question's weight inside the best excerpt window, the collection "doesn't say".</summary>
    public const double WindowThreshold = 0.35;

    /// <summary>
    /// Answers a question with the passages that best answer it, from up to <paramref name="maxSources"/> articles:
    /// question words dropped, names kept as phrases, unknown words corrected from the collection's vocabulary,
    /// rare terms weighted up; passages ranked by BM25, coverage of the question and the best sentence window
    /// (favouring windows that hold a date for "when", a number for "how many", a name for "who"…).
    /// </summary>
    public AskResult Ask(string question, int maxSources = 3) => Ask(question, maxSources, exhaustive: false);

    // exhaustive: rank every candidate, without stopping early (tests compare the two).
    internal AskResult Ask(string question, int maxSources, bool exhaustive)
    {
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var (parsed, notes) = Understand(searcher, question, "Answering that.");

        var terms = QueryTerms.From(parsed, QuestionWords.Ignored);
        if (terms.IsEmpty)
        {
            terms = QueryTerms.From(parsed);
        }

        if (terms.IsEmpty)
        {
            notes.Add(NothingSearchable);
            return new AskResult([], false, notes);
        }

        // Words inside quoted phrases count as terms too: "Who said 'have a spine'?" is about the spine.
        var phraseWords = parsed.Phrases
            .SelectMany(p => TokenReader.Read(CorpusAnalyzers.Stemmed, p).Select(t => t.Term))
            .Where(t => !terms.Terms.Contains(t));
        var names = NamePhrases(parsed.Text);
        terms = terms with { Terms = [.. terms.Terms, .. phraseWords.Distinct(StringComparer.Ordinal)], Excluded = [], Phrases = [.. terms.Phrases, .. names] };
        var kind = QuestionKind.Of(parsed.Text);
        Func<string, bool>? favour = kind == AnswerKind.Any ? null : window => QuestionKind.Offers(kind, window);
        var weights = TermWeights(searcher.IndexReader, terms.Terms, parsed.Text);
        var total = weights.Values.Sum();

        var query = LuceneQueries.Passages(terms with { Phrases = [] }, titleBoost: 0.3f, searcher.IndexReader);
        foreach (var phrase in terms.Phrases)
        {
            var boosted = LuceneQueries.Phrase(Exact, phrase, slop: 1);
            boosted.Boost = 1.5f;
            query.Add(boosted, Occur.SHOULD);
        }

        var hits = RunOnPassages(searcher, query, AskCandidates).ScoreDocs;
        if (hits.Length == 0)
        {
            notes.Add("The collection doesn't say.");
            return new AskResult([], false, notes);
        }

        var top = hits[0].Score;
        var sources = Math.Clamp(maxSources, 1, 10);
        var titleTerms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var ranked = new List<(Lucene.Net.Documents.Document Document, Excerpt Excerpt, double Coverage, double Window, double Score)>(hits.Length);
        var bestByArticle = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            // Coverage and window share are at most 1, so a passage can score at most its BM25 part + 0.65; once that
            // cannot beat the articles already chosen, no later (lower-ranked) passage can either. Same answer, less work.
            if (!exhaustive && bestByArticle.Count >= sources && bestByArticle.Values.OrderDescending().ElementAt(sources - 1) > (0.35 * hit.Score / top) + 0.65)
            {
                break;
            }

            var document = searcher.Doc(hit.Doc);
            var passage = new PassageWithContext(document.Get(Before) ?? string.Empty, document.Get(Body), document.Get(After) ?? string.Empty);
            var marks = ExcerptBuilder.FindMarks(passage.Text, terms, weights, out var found, passage.Start, passage.End);
            var headingOnly = TitleTerms(titleTerms, document).Where(t => weights.ContainsKey(t) && !found.Contains(t)).Sum(t => weights[t]);
            var coverage = (found.Where(weights.ContainsKey).Sum(t => weights[t]) + headingOnly) / total;
            var (excerpt, window) = ExcerptBuilder.Build(passage, marks, ExcerptBuilder.TargetLength, favour, total * 0.2);

            // What the title, outlet or author already says holds for every window of the article.
            var windowShare = Math.Min(1, (window + headingOnly) / total);
            var score = (0.35 * hit.Score / top) + (0.3 * coverage) + (0.35 * windowShare);
            ranked.Add((document, excerpt, coverage, windowShare, score));
            var article = document.Get(ArticleId);
            bestByArticle[article] = Math.Max(score, bestByArticle.GetValueOrDefault(article, double.MinValue));
        }

        var best = ranked
            .OrderByDescending(r => r.Score)
            .DistinctBy(r => r.Document.Get(ArticleId))
            .Take(sources)
            .ToList();
        var answered = best[0].Coverage >= AnswerThreshold && best[0].Window >= WindowThreshold;
        var citations = best.Select(r => Cite(r.Document, r.Excerpt, (float)r.Score)).ToList();
        return new AskResult(citations, answered, notes);
    }

    /// <summary>
    /// How much each term of the question says: its inverse document frequency among passages. A word found
    /// nowhere still counts (the collection cannot answer a question about it), fully when it was written as a
    /// name, half when it was an ordinary word that the articles may simply phrase differently.
    /// </summary>
    private static Dictionary<string, double> TermWeights(IndexReader reader, IReadOnlyList<string> terms, string question)
    {
        var passages = Math.Max(1, reader.DocFreq(new Term(DocType, PassageType)));
        var capitalised = new HashSet<string>(
            NameWord().Matches(question).Select(m => m.Value).SelectMany(w => TokenReader.Read(CorpusAnalyzers.Stemmed, w).Select(t => t.Term)),
            StringComparer.Ordinal);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var inBody = reader.DocFreq(new Term(Body, term));
            var elsewhere = reader.DocFreq(new Term(Title, term)) + reader.DocFreq(new Term(Source, term));
            var frequency = Math.Min(passages, inBody > 0 ? inBody : Math.Min(1, elsewhere));
            var idf = Math.Log(1 + ((passages - frequency + 0.5) / (frequency + 0.5)));
            weights[term] = frequency > 0 ? idf : idf * (capitalised.Contains(term) ? 1.0 : 0.5);
        }

        return weights;
    }

    /// <summary>Runs of two or more capitalised words ("Mark Ruffalo", "Sheikh Jarrah"), as exact-token phrases.</summary>
    private static List<IReadOnlyList<string>> NamePhrases(string question)
    {
        var phrases = new List<IReadOnlyList<string>>();
        foreach (Match match in NameRun().Matches(question))
        {
            var tokens = TokenReader.Read(CorpusAnalyzers.Exact, match.Value).Select(t => t.Term).ToList();
            if (tokens.Count >= 2 && !QuestionWords.Ignored.Contains(tokens[0]))
            {
                phrases.Add(tokens);
            }
        }

        return phrases;
    }

    private static HashSet<string> TitleTerms(Dictionary<string, HashSet<string>> cache, Lucene.Net.Documents.Document document)
    {
        var id = document.Get(ArticleId);
        if (!cache.TryGetValue(id, out var terms))
        {
            var heading = string.Join(' ', new[] { document.Get(Title), document.Get(Outlet), document.Get(Author) }.OfType<string>());
            terms = [.. TokenReader.Read(CorpusAnalyzers.Stemmed, heading).Select(t => t.Term)];
            cache[id] = terms;
        }

        return terms;
    }

    [GeneratedRegex(@"(?<!^)(?<![.?!]\s)\b\p{Lu}[\p{L}'\u2019-]+")]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'\u2019-]+(?:\s+\p{Lu}[\p{L}'\u2019-]+)+")]
    private static partial Regex NameRun();
}
