using CorpusBot.Search.Articles;
using CorpusBot.Search.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CorpusBot.Search.Tests.Quality;

/// <summary>The plain baseline the issue compares against: BM25 over whole articles, excerpt = the first matching window.</summary>
public sealed class Baseline : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private readonly Dictionary<string, string> _bodies = new(StringComparer.Ordinal);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public Baseline(string articlesPath)
    {
        var reader = new ArticleReader(5 << 20);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var file in ArticleFile.Scan(articlesPath))
            {
                var article = reader.ReadAsync(file).GetAwaiter().GetResult().Article;
                if (article is null)
                {
                    continue;
                }

                _bodies[article.Id] = article.Body;
                writer.AddDocument(new Document { new StringField("id", article.Id, Field.Store.YES), new TextField("text", article.Metadata.Title + "\n" + article.Body, Field.Store.NO) });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public (string? Article, string Excerpt) Ask(string question)
    {
        var terms = Tokens(question).Select(t => t.Term).Distinct().ToList();
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term("text", term)), Occur.SHOULD);
        }

        var hits = terms.Count == 0 ? [] : _searcher.Search(query, 1).ScoreDocs;
        if (hits.Length == 0)
        {
            return (null, string.Empty);
        }

        var id = _searcher.Doc(hits[0].Doc).Get("id");
        var body = _bodies[id];
        var first = Tokens(body).FirstOrDefault(t => terms.Contains(t.Term));
        var start = Math.Max(0, first.Start - 50);
        return (id, body.Substring(start, Math.Min(300, body.Length - start)));
    }

    private List<(string Term, int Start)> Tokens(string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = _analyzer.GetTokenStream("text", new StringReader(TextNormalizer.Normalize(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset));
        }

        stream.End();
        return tokens;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
