using BenchmarkDotNet.Attributes;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Benchmarks;

/// <summary>The search operations behind the commands, on the bundled articles (run from the repository root).</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private string _index = string.Empty;
    private CorpusIndex? _corpus;
    private CorpusSearcher? _searcher;

    [GlobalSetup]
    public void Setup()
    {
        _index = Path.Combine(Path.GetTempPath(), "corpusbot-bench-" + Guid.NewGuid().ToString("n"));
        _corpus = CorpusIndex.Open(_index, NullLogger.Instance);
        var articles = FindArticles();
        new CorpusIndexer(_corpus, new ArticleReader(5 << 20), articles, NullLogger<CorpusIndexer>.Instance).UpdateAsync().GetAwaiter().GetResult();
        _searcher = new CorpusSearcher(_corpus);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _corpus?.Dispose();
        Directory.Delete(_index, recursive: true);
    }

    [Benchmark]
    public int Ask() => _searcher!.Ask("Why did Mark Ruffalo apologize?").Citations.Count;

    [Benchmark]
    public int Search() => _searcher!.Search("ruffalo israel genocide").Citations.Count;

    [Benchmark]
    public int Quote() => _searcher!.Quote("it's not accurate, it's inflammatory").Matches.Count;

    private static string FindArticles()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "index", "articles")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Run from the repository"), "index", "articles");
    }
}
