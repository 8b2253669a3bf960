using System.Text;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Indexing;
using CorpusBot.Semantic.Embedding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Semantic.Tests.Support;

/// <summary>An articles folder and a real index under a fresh temp directory (deleted afterwards), with semantic recall over it.</summary>
public sealed class TempCorpus : IDisposable
{
    private readonly List<SemanticIndex> _semantic = [];
    private CorpusIndex? _index;
    private CorpusIndexer? _indexer;

    public TempCorpus()
    {
        Root = Path.Combine(Path.GetTempPath(), "corpusbot-semantic-tests", Guid.NewGuid().ToString("n"));
        ArticlesPath = Path.Combine(Root, "articles");
        IndexPath = Path.Combine(Root, "index");
        Directory.CreateDirectory(ArticlesPath);
    }

    public string Root { get; }

    public string ArticlesPath { get; }

    public string IndexPath { get; }

    public ListLogger Log { get; } = new();

    public CorpusIndex Index => _index ??= CorpusIndex.Open(IndexPath, NullLogger.Instance);

    public CorpusIndexer Indexer => _indexer ??= new(Index, new ArticleReader(1024 * 1024), ArticlesPath, NullLogger<CorpusIndexer>.Instance);

    public SemanticSettings Settings => new(true, 1000, EmbeddingModel.ArcticXs, SemanticSettings.StorePathFor(IndexPath));

    public string Write(string relativePath, string title, params string[] paragraphs)
    {
        var path = Path.Combine(ArticlesPath, relativePath);
        File.WriteAllText(path, $"---\ntitle: \"{title}\"\n---\n{string.Join("\n\n", paragraphs)}\n", new UTF8Encoding(false));
        return path;
    }

    public Task UpdateAsync() => Indexer.UpdateAsync();

    public SemanticIndex Semantic(ITextEncoder encoder, SemanticSettings? settings = null)
    {
        var semantic = new SemanticIndex(Index, settings ?? Settings, new ForwardingLogger<SemanticIndex>(Log), (_, _) => encoder);
        _semantic.Add(semantic);
        return semantic;
    }

    /// <summary>Closes the index and its recall, as a process exit would; the next use opens both again from disk.</summary>
    public void Restart()
    {
        foreach (var semantic in _semantic)
        {
            semantic.Dispose();
        }

        _semantic.Clear();
        _index?.Dispose();
        _index = null;
        _indexer = null;
    }

    public void Dispose()
    {
        Restart();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Keeps log lines so tests can assert on them.</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IEnumerable<string> Warnings => Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}

public sealed class ForwardingLogger<T>(ILogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
