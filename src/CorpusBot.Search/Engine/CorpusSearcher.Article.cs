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
    /// <summary>Finds an article by its id, its exact title, or the title that matches best.</summary>
    public ArticleResult Article(string idOrTitle)
    {
        var parsed = UserQuery.Parse(idOrTitle, allowOperators: false);
        using var lease = index.Acquire();
        var searcher = lease.Searcher;

        var exact = LuceneQueries.OnlyArticles();
        exact.Add(new BooleanQuery
        {
            { new TermQuery(new Term(ArticleId, parsed.Text.Trim('/'))), Occur.SHOULD },
            { new TermQuery(new Term(TitleKey, ArticleDocuments.TitleKeyOf(parsed.Text))), Occur.SHOULD },
        }, Occur.MUST);
        var hits = Run(searcher, exact, 1).ScoreDocs;
        if (hits.Length == 0)
        {
            var terms = QueryTerms.From(parsed);
            if (terms.IsEmpty)
            {
                return new ArticleResult(null, []);
            }

            var byTitle = LuceneQueries.OnlyArticles();
            var words = new BooleanQuery();
            foreach (var term in terms.Terms)
            {
                words.Add(new TermQuery(new Term(Title, term)), Occur.SHOULD);
            }

            byTitle.Add(words, Occur.MUST);
            hits = Run(searcher, byTitle, 6).ScoreDocs;
        }

        var found = hits.Select(hit => Opening(searcher, searcher.Doc(hit.Doc).Get(ArticleId), hit.Score)).ToList();
        return found.Count == 0 ? new ArticleResult(null, []) : new ArticleResult(found[0], found.Skip(1).ToList());
    }

    /// <summary>Titles for autocomplete: those containing every typed word (as a prefix), shortest first.</summary>
    public IReadOnlyList<(string Id, string Title)> Titles(string typed, int max = 25)
    {
        var words = ArticleDocuments.TitleKeyOf(UserQuery.Clean(typed)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var lease = index.Acquire();
        return TitleList(lease.Searcher)
            .Where(t => words.All(w => t.Key.Any(k => k.StartsWith(w, StringComparison.Ordinal)) || t.Id.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Take(max)
            .Select(t => (t.Id, t.Title))
            .ToList();
    }

    private volatile TitleCache? _titles;

    private int _titleListsRead;

    /// <summary>How many times the title list has been read from the stored articles (once per index state is the aim).</summary>
    internal int TitleListsRead => Volatile.Read(ref _titleListsRead);

    // Autocomplete asks on every keystroke: the titles are read once per index state (a refresh opens a new reader),
    // already in the order they are offered.
    private TitleEntry[] TitleList(IndexSearcher searcher)
    {
        if (_titles is { } known && ReferenceEquals(known.Reader, searcher.IndexReader))
        {
            return known.Entries;
        }

        var entries = Run(searcher, LuceneQueries.OnlyArticles(), int.MaxValue).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc))
            .Select(d => (Id: d.Get(ArticleId), Title: d.Get(Title) ?? d.Get(ArticleId)))
            .Select(t => new TitleEntry(t.Id, t.Title, ArticleDocuments.TitleKeyOf(t.Title).Split(' ')))
            .OrderBy(t => t.Title.Length)
            .ThenBy(t => t.Title, StringComparer.Ordinal)
            .ToArray();
        Interlocked.Increment(ref _titleListsRead);
        _titles = new TitleCache(searcher.IndexReader, entries);
        return entries;
    }

    private sealed record TitleEntry(string Id, string Title, string[] Key);

    private sealed record TitleCache(IndexReader Reader, TitleEntry[] Entries);

    private static Citation Opening(IndexSearcher searcher, string articleId, float score)
    {
        var query = LuceneQueries.OnlyPassages();
        query.Add(new TermQuery(new Term(ArticleId, articleId)), Occur.MUST);
        var passages = Run(searcher, query, 1000).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc))
            .OrderBy(d => d.GetField(Ordinal)?.GetInt32Value() ?? 0)
            .ToList();
        if (passages.Count == 0)
        {
            var head = LuceneQueries.OnlyArticles();
            head.Add(new TermQuery(new Term(ArticleId, articleId)), Occur.MUST);
            var document = searcher.Doc(Run(searcher, head, 1).ScoreDocs[0].Doc);
            return Cite(document, new Excerpt(string.Empty, []), score);
        }

        return Cite(passages[0], ExcerptBuilder.Build(passages[0].Get(Body), Array.Empty<Mark>()), score);
    }
}
