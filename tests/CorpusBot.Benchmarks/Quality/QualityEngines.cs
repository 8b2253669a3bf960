using System.Text.RegularExpressions;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Indexing;
using CorpusBot.Search.Querying;
using CorpusBot.Semantic;
using CorpusBot.Semantic.Embedding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Benchmarks.Quality;

/// <summary>What an engine showed for a question: the top article (when it answered), its excerpt, and whether it answered at all.</summary>
internal sealed record EngineAnswer(string? Article, string? Excerpt, bool Answered, IReadOnlyList<string> Leads);

/// <summary>What an engine found for a quote: whether it matched exactly, the articles, and the whole quotation per article when it gives one.</summary>
internal sealed record EngineQuote(bool Exact, IReadOnlyList<string> Articles, IReadOnlyList<string> Quotations);

/// <summary>One engine under test, over one collection.</summary>
internal interface IQualityEngine : IDisposable
{
    string Name { get; }

    /// <summary>Whether it can say "the collection doesn't say" and give whole quotations (the baselines cannot).</summary>
    bool Judges { get; }

    EngineAnswer Ask(string question);

    string? TopOfSearch(string query);

    EngineQuote Quote(string text);
}

/// <summary>CorpusBot through the core's public API, with an index built in a folder of its own.</summary>
internal sealed class CorpusBotEngine : IQualityEngine
{
    private readonly CorpusIndex _index;
    private readonly CorpusSearcher _searcher;

    private CorpusBotEngine(CorpusIndex index, CorpusSearcher searcher, string name)
    {
        _index = index;
        _searcher = searcher;
        Name = name;
    }

    public string Name { get; }

    public bool Judges => true;

    public static async Task<CorpusBotEngine> BuildAsync(string collection, string indexPath, bool semantic)
    {
        using (var building = CorpusIndex.Open(indexPath, NullLogger.Instance))
        {
            await new CorpusIndexer(building, new ArticleReader(5 << 20), collection, NullLogger<CorpusIndexer>.Instance).UpdateAsync();
        }

        var index = CorpusIndex.Open(indexPath, NullLogger.Instance); // reopened once the build's merges are done, as served
        var (searcher, name, recall) = await NewSearcherAsync(index, semantic);
        return new CorpusBotEngine(index, searcher, name) { _recall = recall };
    }

    private SemanticIndex? _recall;

    /// <summary>
    /// The one place the searcher is made: with the product's own semantic recall (the model named by
    /// CORPUSBOT_MODEL, else the default), its vectors kept in the bench cache so a second run embeds nothing.
    /// </summary>
    private static async Task<(CorpusSearcher Searcher, string Name, SemanticIndex? Recall)> NewSearcherAsync(CorpusIndex index, bool semantic)
    {
        if (!semantic)
        {
            return (new CorpusSearcher(index), "CorpusBot (--no-semantic)", null);
        }

        var model = EmbeddingModel.Find(Environment.GetEnvironmentVariable("CORPUSBOT_MODEL")) ?? EmbeddingModel.All[0];
        var store = Path.Combine(RealText.CacheRoot, "quality-vectors", model.Name);
        var recall = new SemanticIndex(index, new SemanticSettings(true, SemanticSettings.DefaultMaxPassages, model, store), NullLogger<SemanticIndex>.Instance);
        var coverage = await recall.BuildAsync();
        return (new CorpusSearcher(index, recall), $"CorpusBot ({model.Name}, {coverage.Embedded}/{coverage.Passages} passages embedded)", recall);
    }

    private readonly List<double> _askMilliseconds = [];

    /// <summary>Ask latency over the run (each question asked once, as a user would: no warm-up pass) and this process's peak RSS.</summary>
    public string LatencySummary()
    {
        var sorted = _askMilliseconds.Order().ToList();
        double At(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return $"{Name}: ask latency, each question once (n={sorted.Count}): p50 {At(0.5):F1} ms, p99 {At(0.99):F1} ms, max {At(1):F1} ms; "
            + $"peak RSS of the whole run (CorpusBot, the model and both FTS5 databases) {self.PeakWorkingSet64 / (1024 * 1024)} MB";
    }

    public EngineAnswer Ask(string question)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = _searcher.Ask(question);
        _askMilliseconds.Add(clock.Elapsed.TotalMilliseconds);
        var top = result.Citations.FirstOrDefault();
        return new EngineAnswer(
            result.Answered ? top?.ArticleId : null,
            result.Answered ? top?.Excerpt.Text : null,
            result.Answered,
            [.. result.Citations.Select(c => c.ArticleId)]);
    }

    public string? TopOfSearch(string query) => _searcher.Search(query).Citations.FirstOrDefault()?.ArticleId;

    public EngineQuote Quote(string text)
    {
        var result = _searcher.Quote(text);
        return new EngineQuote(result.Exact, [.. result.Matches.Select(m => m.Citation.ArticleId)], [.. result.Matches.Select(m => m.Quotation)]);
    }

    public void Dispose()
    {
        _recall?.Dispose();
        _index.Dispose();
    }
}

/// <summary>
/// SQLite FTS5 as someone would set it up (porter tokenizer, bm25, snippet() as the excerpt), over whole articles
/// or over paragraphs (blank-line separated blocks, each row remembering its article). Questions lose their
/// question words and become an OR query of their words; searches are an OR query of theirs; quotes a phrase query.
/// </summary>
internal sealed partial class Fts5QualityEngine : IQualityEngine
{
    private readonly SqliteConnection _connection;

    private Fts5QualityEngine(SqliteConnection connection, string name)
    {
        _connection = connection;
        Name = name;
    }

    public string Name { get; }

    public bool Judges => false;

    public static async Task<Fts5QualityEngine> BuildAsync(string collection, string databasePath, bool paragraphs)
    {
        var connection = await Fts5Engine.CreateTableAsync(collection, databasePath, article => paragraphs
            ? BlankLines().Split(article.Body).Select(b => b.Trim()).Where(b => b.Length > 0)
            : [article.Body.Trim()]);
        return new Fts5QualityEngine(connection, paragraphs ? "FTS5 paragraphs" : "FTS5 articles");
    }

    public EngineAnswer Ask(string question)
    {
        var words = GoldText.Words(question).Where(w => !QuestionWords.Ignored.Contains(w));
        var rows = Query(string.Join(" OR ", words.Select(Quoted)), 3);
        return rows.Count == 0
            ? new EngineAnswer(null, null, false, [])
            : new EngineAnswer(rows[0].Id, rows[0].Snippet, true, [.. rows.Select(r => r.Id)]);
    }

    public string? TopOfSearch(string query) =>
        Query(string.Join(" OR ", GoldText.Words(query).Select(Quoted)), 1).FirstOrDefault().Id;

    public EngineQuote Quote(string text)
    {
        var rows = Query(Quoted(string.Join(' ', GoldText.Words(text))), 50);
        return new EngineQuote(rows.Count > 0, [.. rows.Select(r => r.Id).Distinct(StringComparer.Ordinal)], []);
    }

    private List<(string Id, string Snippet)> Query(string match, int limit)
    {
        var rows = new List<(string, string)>();
        if (match.Length == 0)
        {
            return rows;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, snippet(docs, 2, '', '', '…', 48) FROM docs WHERE docs MATCH $q ORDER BY bm25(docs) LIMIT $n";
        command.Parameters.AddWithValue("$q", match);
        command.Parameters.AddWithValue("$n", limit);
        using var results = command.ExecuteReader();
        while (results.Read())
        {
            rows.Add((results.GetString(0), results.GetString(1)));
        }

        return rows;
    }

    // Quoting every word makes any input a valid FTS5 query (FTS5 has its own syntax).
    private static string Quoted(string text) => "\"" + text.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";

    public void Dispose() => _connection.Dispose();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();
}
