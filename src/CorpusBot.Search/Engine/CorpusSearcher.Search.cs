using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Indexing;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Results;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Engine;

public sealed partial class CorpusSearcher
{
    /// <summary>Largest page size accepted.</summary>
    public const int MaxPageSize = 10;

    /// <summary>
    /// Keyword search: one citation per article (its best passage), one page at a time; optionally only articles
    /// published within <paramref name="dates"/> (articles without a date are then left out), newest first when
    /// <paramref name="newestFirst"/>.
    /// </summary>
    public SearchResults Search(string query, int page = 1, int pageSize = 5, DateRange? dates = null, bool newestFirst = false) =>
        Remembered(new AnswerKey(nameof(Search), query, page, pageSize, dates, newestFirst), byMeaning: false, () => Search(query, page, pageSize, dates, newestFirst, exhaustive: false));

    // exhaustive: re-score every candidate, without skipping those that cannot reach the page (tests compare the two).
    internal SearchResults Search(string query, int page, int pageSize, DateRange? dates, bool newestFirst, bool exhaustive)
    {
        if (page < 1)
        {
            throw new CorpusException("Pages are numbered from 1.");
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var (parsed, notes) = Understand(searcher, query, "Showing results for it.");

        var terms = QueryTerms.From(parsed);
        if (terms.IsEmpty)
        {
            notes.Add(NothingSearchable);
            return new SearchResults([], page, pageSize, 0, notes);
        }

        var lucene = LuceneQueries.Passages(terms, titleBoost: 1f, searcher.IndexReader);
        if (dates is { IsBounded: true })
        {
            lucene.Add(NumericRangeQuery.NewInt32Range(PublishedDay, dates.From, dates.To, true, true), Occur.MUST);
        }

        var hits = RunOnPassages(searcher, lucene, MaxCandidates).ScoreDocs;
        var shown = page * pageSize;
        var weights = TermWeights(searcher.IndexReader, terms.Terms, parsed.Text);
        var total = Math.Max(weights.Values.Sum(), 1e-9);
        var titleTerms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var excluded = ArticlesMentioning(searcher, terms.Excluded); // an excluded word rules out its whole article
        var bestByArticle = new Dictionary<string, (int Doc, double Score)>(StringComparer.Ordinal);
        var ids = new ArticleIds(searcher);
        for (var i = 0; i < hits.Length; i++)
        {
            var hit = hits[i];
            var id = ids.Of(hit.Doc);
            if (excluded.Contains(id))
            {
                continue;
            }

            // The best passages are re-scored by how much of the query they cover (title included), so an
            // article with every word beats one that repeats a single word in its title.
            double score = hit.Score * CoverageFloor;
            if (i < RescoredCandidates && weights.Count > 1 && (exhaustive || newestFirst || !CannotReach(bestByArticle, shown, hit.Score)))
            {
                var document = searcher.Doc(hit.Doc);
                ExcerptBuilder.FindMarks(document.Get(Body), terms, weights, out var found);
                found.UnionWith(TitleTerms(titleTerms, document));
                var coverage = found.Where(weights.ContainsKey).Sum(t => weights[t]) / total;
                score = hit.Score * (CoverageFloor + ((1 - CoverageFloor) * coverage * coverage));
            }
            else if (weights.Count <= 1)
            {
                score = hit.Score;
            }

            if (!bestByArticle.TryGetValue(id, out var known) || known.Score < score)
            {
                bestByArticle[id] = (hit.Doc, score);
            }
        }

        var best = newestFirst
            ? bestByArticle.Values.OrderByDescending(b => searcher.Doc(b.Doc).Get(Published) ?? string.Empty, StringComparer.Ordinal).ThenByDescending(b => b.Score).ToList()
            : bestByArticle.Values.OrderByDescending(b => b.Score).ToList();
        var citations = best
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(hit =>
            {
                var document = searcher.Doc(hit.Doc);
                return Cite(document, ExcerptBuilder.Build(document.Get(Body), terms), (float)hit.Score);
            })
            .ToList();
        if (citations.Count == 0 && best.Count > 0)
        {
            notes.Add($"There {(best.Count == 1 ? "is" : "are")} only {((best.Count - 1) / pageSize) + 1} page(s) of results.");
        }

        return new SearchResults(citations, page, pageSize, best.Count, notes);
    }

    // Re-scoring can only lower a passage's score (coverage is at most 1). Once the articles already ranked fill
    // every place up to the page shown with scores higher than it can reach, this passage cannot appear on it: it keeps
    // its floor score, which still counts its article among the results.
    private static bool CannotReach(Dictionary<string, (int Doc, double Score)> ranked, int places, double bound) =>
        ranked.Count >= places && ranked.Values.Select(r => r.Score).OrderDescending().ElementAt(places - 1) > bound;

    private const int RescoredCandidates = 50;
    private const double CoverageFloor = 0.2;


    private static HashSet<string> ArticlesMentioning(IndexSearcher searcher, IReadOnlyList<string> terms)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (terms.Count == 0)
        {
            return ids;
        }

        var any = new BooleanQuery();
        foreach (var term in terms)
        {
            any.Add(new TermQuery(new Term(Body, term)), Occur.SHOULD);
        }

        var articleIds = new ArticleIds(searcher);
        foreach (var hit in RunOnPassages(searcher, any, int.MaxValue).ScoreDocs)
        {
            ids.Add(articleIds.Of(hit.Doc));
        }

        return ids;
    }
}
