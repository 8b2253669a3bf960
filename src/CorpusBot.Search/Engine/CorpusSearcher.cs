using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Indexing;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Results;
using CorpusBot.Search.Semantic;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Engine;

/// <summary>
/// The operations behind every command: keyword search, questions, quotes, article look-up and stats.
/// Each call borrows the latest committed searcher, so it never waits for an update in progress.
/// </summary>
/// <param name="index">The index searched.</param>
/// <param name="semantic">Nearest passages by meaning, when an embedding model is installed; questions then find
/// passages that answer in other words. Without it (or before its vectors exist) answers are lexical only.</param>
public sealed partial class CorpusSearcher(CorpusIndex index, ISemanticRecall? semantic = null)
{
    private const int MaxCandidates = 500;

    /// <summary>The size and freshness of the collection.</summary>
    public CorpusStats Stats()
    {
        using var lease = index.Acquire();
        return new CorpusStats(
            Count(lease.Searcher, ArticleType),
            Count(lease.Searcher, PassageType),
            index.LastUpdated);
    }

    private static int Count(IndexSearcher searcher, string type)
    {
        var collector = new TotalHitCountCollector();
        searcher.Search(new TermQuery(new Term(DocType, type)), collector);
        return collector.TotalHits;
    }

    private static TopDocs Run(IndexSearcher searcher, Query query, int limit) =>
        searcher.Search(query, Math.Max(1, Math.Min(limit, searcher.IndexReader.MaxDoc)));

    private static TopDocs RunOnPassages(IndexSearcher searcher, Query query, int limit) =>
        searcher.Search(query, LuceneQueries.PassagesOnly, Math.Max(1, Math.Min(limit, searcher.IndexReader.MaxDoc)));

    private static Citation Cite(Lucene.Net.Documents.Document document, Excerpt excerpt, float score)
    {
        var metadata = ArticleDocuments.ReadMetadata(document);
        return new Citation(
            document.Get(ArticleId),
            metadata.Title,
            metadata.Url,
            metadata.Outlet,
            metadata.Author,
            metadata.Published,
            excerpt,
            score,
            document.GetField(Ordinal)?.GetInt32Value() ?? 0);
    }

    /// <summary>Parses what the person typed and corrects words the collection has never seen, saying so in a note.</summary>
    private static (UserQuery Query, List<string> Notes) Understand(IndexSearcher searcher, string text, string correctionNote)
    {
        var parsed = UserQuery.Parse(text);
        var notes = NotesFor(parsed);
        if (Speller.Correct(searcher.IndexReader, parsed.Text) is { } corrected)
        {
            notes.Add($"Did you mean \u201C{corrected}\u201D? {correctionNote}");
            parsed = UserQuery.Parse(corrected);
        }

        return (parsed, notes);
    }

    private static List<string> NotesFor(UserQuery query)
    {
        var notes = new List<string>();
        if (query.Truncated)
        {
            notes.Add($"Your text was long, so only its first {UserQuery.MaxLength} characters were used.");
        }

        return notes;
    }

    private static string NothingSearchable =>
        "There is nothing to search for in that text (only symbols or very common words). Try a few keywords from the article.";
}
