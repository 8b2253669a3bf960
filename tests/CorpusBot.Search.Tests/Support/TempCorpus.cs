using System.Text;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Indexing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Search.Tests.Support;

/// <summary>An articles folder and an index folder under a fresh temp directory, deleted afterwards.</summary>
public sealed class TempCorpus : IDisposable
{
    private CorpusIndex? _index;
    private CorpusIndexer? _indexer;

    public TempCorpus()
    {
        Root = Path.Combine(Path.GetTempPath(), "corpusbot-tests", Guid.NewGuid().ToString("n"));
        ArticlesPath = Path.Combine(Root, "articles");
        IndexPath = Path.Combine(Root, "index");
        Directory.CreateDirectory(ArticlesPath);
    }

    public string Root { get; }

    public string ArticlesPath { get; }

    public string IndexPath { get; }

    public ListLogger Log { get; } = new();

    public CorpusIndex Index => _index ??= CorpusIndex.Open(IndexPath, Log);

    public CorpusIndexer Indexer => _indexer ??= new(Index, new ArticleReader(1024 * 1024), ArticlesPath, new ForwardingLogger<CorpusIndexer>(Log));

    public CorpusSearcher Searcher => new(Index);

    /// <summary>Copies the bundled seed articles (index/articles of the repository) into the corpus.</summary>
    public TempCorpus WithSeeds()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryArticles()))
        {
            File.Copy(file, Path.Combine(ArticlesPath, Path.GetFileName(file)));
        }

        return this;
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(ArticlesPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(ArticlesPath, relativePath);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async Task<IndexUpdateReport> UpdateAsync() => await Indexer.UpdateAsync();

    /// <summary>Closes the index, as a process exit would; the next use opens it again from disk.</summary>
    public void Reopen()
    {
        _index?.Dispose();
        _index = null;
        _indexer = null;
    }

    public static string RepositoryArticles()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CorpusBot.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("CorpusBot.sln not found above the test output"), "index", "articles");
    }

    public void Dispose()
    {
        _index?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Keeps log lines so tests can assert on warnings.</summary>
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

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);

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
