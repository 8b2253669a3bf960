using CorpusBot.Search.Excerpts;
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

    /// <summary>Keyword search: one citation per article (its best passage), one page at a time.</summary>
    public SearchResults Search(string query, int page = 1, int pageSize = 5)
    {
        if (page < 1)
        {
            throw new CorpusException("Pages are numbered from 1.");
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var parsed = UserQuery.Parse(query);
        var terms = QueryTerms.From(parsed);
        var notes = NotesFor(parsed);
        if (terms.IsEmpty)
        {
            notes.Add(NothingSearchable);
            return new SearchResults([], page, pageSize, 0, notes);
        }

        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var hits = Run(searcher, LuceneQueries.Passages(terms, titleBoost: 2f), MaxCandidates).ScoreDocs;
        var best = new List<(int Doc, float Score)>();
        var seen = ArticlesMentioning(searcher, terms.Excluded); // an excluded word rules out its whole article
        foreach (var hit in hits)
        {
            var id = searcher.Doc(hit.Doc, ArticleIdOnly).Get(ArticleId);
            if (seen.Add(id))
            {
                best.Add((hit.Doc, hit.Score));
            }
        }

        var citations = best
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(hit =>
            {
                var document = searcher.Doc(hit.Doc);
                return Cite(document, ExcerptBuilder.Build(document.Get(Body), terms), hit.Score);
            })
            .ToList();
        if (citations.Count == 0 && best.Count > 0)
        {
            notes.Add($"There {(best.Count == 1 ? "is" : "are")} only {((best.Count - 1) / pageSize) + 1} page(s) of results.");
        }

        return new SearchResults(citations, page, pageSize, best.Count, notes);
    }

    private static readonly ISet<string> ArticleIdOnly = new HashSet<string> { ArticleId };

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

        foreach (var hit in Run(searcher, any, int.MaxValue).ScoreDocs)
        {
            ids.Add(searcher.Doc(hit.Doc, ArticleIdOnly).Get(ArticleId));
        }

        return ids;
    }
}
