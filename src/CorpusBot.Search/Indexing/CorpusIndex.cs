using System.Globalization;
using System.Runtime.CompilerServices;
using CorpusBot.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using static CorpusBot.Search.Indexing.IndexFields;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// The Lucene index on disk: one long-lived <see cref="IndexWriter"/> and a <see cref="SearcherManager"/>
/// over it, so searches never wait for writes and only ever see committed, whole changes.
/// </summary>
public sealed partial class CorpusIndex : IDisposable
{
    /// <summary>Bumped when analysis, passage splitting or reading change: a different version rebuilds everything.</summary>
    internal const string SchemaVersion = "14";

    private const string UpdatedKey = "updated";
    private const string SchemaKey = "schema";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter? _writer;
    private readonly SearcherManager _searchers;
    private readonly ConditionalWeakTable<IndexReader, Dictionary<string, IndexedArticle>> _stamps = new();
    private bool _pending;

    private CorpusIndex(string path, LuceneDirectory directory, IndexWriter? writer, SearcherManager searchers, IReadOnlyDictionary<string, string> commitData)
    {
        Path = path;
        _directory = directory;
        _writer = writer;
        _searchers = searchers;
        LastUpdated = commitData.TryGetValue(UpdatedKey, out var updated)
            && DateTimeOffset.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : null;
        SchemaMatches = commitData.TryGetValue(SchemaKey, out var schema) && schema == SchemaVersion;
    }

    /// <summary>Where the index lives.</summary>
    public string Path { get; }

    /// <summary>True when another process holds the write lock: the index is searched as it is and not updated.</summary>
    public bool IsReadOnly => _writer is null;

    /// <summary>When the last change was committed, if ever.</summary>
    public DateTimeOffset? LastUpdated { get; private set; }

    internal bool SchemaMatches { get; private set; }

    internal bool IsEmpty
    {
        get
        {
            using var lease = Acquire();
            return lease.Searcher.IndexReader.NumDocs == 0;
        }
    }

    /// <summary>The analyzer used for every field at index time; queries analyse with the same chains.</summary>
    public static Analyzer IndexAnalyzer { get; } = new PerFieldAnalyzerWrapper(
        CorpusAnalyzers.Stemmed,
        new Dictionary<string, Analyzer> { [Exact] = CorpusAnalyzers.Exact });

    /// <summary>
    /// Opens (or creates) the index at <paramref name="path"/>. A corrupt index is wiped and recreated with a
    /// warning; an index locked by another process is opened read-only.
    /// </summary>
    public static CorpusIndex Open(string path, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(path);
        try
        {
            if (!System.IO.Directory.EnumerateFiles(path, "segments*").Any())
            {
                LogNew(logger, path);
            }

            return OpenWritable(path);
        }
        catch (LockObtainFailedException)
        {
            return OpenReadOnly(path, logger);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not UnauthorizedAccessException)
        {
            LogCorrupt(logger, path, ex.GetType().Name, ex.Message);
            WipeLuceneFiles(path);
            try
            {
                return OpenWritable(path);
            }
            catch (Exception retry) when (retry is IOException or UnauthorizedAccessException)
            {
                throw new CorpusException($"The index folder {path} cannot be written ({retry.Message}). Check Corpus:IndexPath.", retry);
            }
        }
    }

    /// <summary>Takes a searcher over the latest committed state; dispose the lease to give it back.</summary>
    public SearcherLease Acquire() => new(_searchers);

    /// <summary>Picks up changes committed since the last refresh (by this process or, read-only, another).</summary>
    public void Refresh()
    {
        _searchers.MaybeRefreshBlocking();
        Committed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Raised after a commit (or a refresh) has made a new state visible to searches.</summary>
    public event EventHandler? Committed;

    /// <summary>
    /// The passages of the current state: counted once per state (a count of one term's live documents), so callers on
    /// a query's path may ask every time.
    /// </summary>
    public int CountPassages()
    {
        using var lease = Acquire();
        var version = ((DirectoryReader)lease.Searcher.IndexReader).Version;
        if (_passageCount is { } known && known.Version == version)
        {
            return known.Passages;
        }

        var collector = new TotalHitCountCollector();
        lease.Searcher.Search(new TermQuery(new Term(DocType, PassageType)), collector);
        _passageCount = new PassageCount(version, collector.TotalHits);
        return collector.TotalHits;
    }

    // A reference, so that a reader on another thread never sees half of a new count.
    private sealed record PassageCount(long Version, int Passages);

    private volatile PassageCount? _passageCount;

    /// <summary>
    /// Every passage of the current state, in index order: what a semantic index embeds. Reads stored text, so it
    /// costs about as much as reading the collection; call it after a change, not per query.
    /// </summary>
    public IReadOnlyList<Semantic.StoredPassage> ReadPassages(CancellationToken cancellationToken = default)
    {
        using var lease = Acquire();
        var reader = lease.Searcher.IndexReader;
        var passages = new List<Semantic.StoredPassage>(reader.DocFreq(new Term(DocType, PassageType)));
        var type = new Term(DocType, PassageType);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var docs = atomic.GetTermDocsEnum(type); // live documents only
            for (var doc = docs?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs!.NextDoc())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = atomic.Document(doc, PassageFields);
                passages.Add(new Semantic.StoredPassage(document.Get(ArticleId), document.GetField(Ordinal)?.GetInt32Value() ?? 0, document.Get(Body)));
            }
        }

        return passages;
    }

    private static readonly ISet<string> PassageFields = new HashSet<string> { ArticleId, Ordinal, Body };

    /// <summary>
    /// What the index knows of each article file. Read from doc values, column by column, rather than from stored
    /// documents (each of which would decompress a block of passages): a start with an unchanged collection reads little.
    /// </summary>
    internal IReadOnlyDictionary<string, IndexedArticle> ReadArticles()
    {
        using var lease = Acquire();
        var reader = lease.Searcher.IndexReader;
        // Opening reads them once (as a check); the first pass then asks again of the same commit.
        return _stamps.GetValue(reader, ReadStamps);
    }

    private static Dictionary<string, IndexedArticle> ReadStamps(IndexReader indexReader)
    {
        var articles = new Dictionary<string, IndexedArticle>(StringComparer.Ordinal);
        var type = new Term(DocType, ArticleType);
        var id = new Lucene.Net.Util.BytesRef();
        var hash = new Lucene.Net.Util.BytesRef();
        foreach (var leaf in indexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var ids = reader.GetBinaryDocValues(ArticleKey);
            var hashes = reader.GetBinaryDocValues(Hash);
            var lengths = reader.GetNumericDocValues(FileLength);
            var times = reader.GetNumericDocValues(FileTime);
            var docs = reader.GetTermDocsEnum(type);
            if (docs is null || ids is null || hashes is null || lengths is null || times is null)
            {
                continue; // no articles here, or written by an older schema (which is rebuilt anyway)
            }

            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                ids.Get(doc, id);
                hashes.Get(doc, hash);
                var key = id.Utf8ToString();
                articles[key] = new IndexedArticle(key, hash.Utf8ToString(), lengths.Get(doc), times.Get(doc));
            }
        }

        return articles;
    }

    /// <summary>The line hashes of every indexed article, with its source (read only when a pass has something to index).</summary>
    internal Dictionary<string, (string Source, ulong[] Keys)> ReadLineKeys()
    {
        var keys = new Dictionary<string, (string, ulong[])>(StringComparer.Ordinal);
        ForEachArticle(LineKeyFields, document =>
        {
            var id = document.Get(ArticleId);
            keys[id] = (RepeatedLines.SourceOf(id, document.Get(Outlet), document.Get(Url)), RepeatedLines.Parse(document.Get(LineKeys)));
        });
        return keys;
    }

    private static readonly ISet<string> LineKeyFields = new HashSet<string> { ArticleId, LineKeys, Outlet, Url };

    // Loads only the named stored fields of each article record.
    private void ForEachArticle(ISet<string> fields, Action<Lucene.Net.Documents.Document> action)
    {
        using var lease = Acquire();
        var searcher = lease.Searcher;
        var type = new Term(DocType, ArticleType);
        var count = Math.Max(1, searcher.IndexReader.DocFreq(type));
        foreach (var hit in searcher.Search(new TermQuery(type), count).ScoreDocs)
        {
            action(searcher.Doc(hit.Doc, fields));
        }
    }

    /// <summary>Replaces every document of article <paramref name="id"/> at once (invisible until <see cref="Commit"/>).</summary>
    internal void Upsert(string id, List<Lucene.Net.Documents.Document> documents)
    {
        _pending = true;
        Writer.UpdateDocuments(new Term(ArticleId, id), documents);
    }

    internal void Delete(string id)
    {
        _pending = true;
        Writer.DeleteDocuments(new Term(ArticleId, id));
    }

    internal void DeleteAll()
    {
        _pending = true;
        Writer.DeleteAll();
    }

    /// <summary>Commits everything written since the last commit, then makes it visible to searches in one step.</summary>
    internal void Commit()
    {
        var now = DateTimeOffset.UtcNow;
        Writer.SetCommitData(new Dictionary<string, string>
        {
            [UpdatedKey] = now.ToString("O", CultureInfo.InvariantCulture),
            [SchemaKey] = SchemaVersion,
        });
        Writer.Commit();
        _pending = false;
        LastUpdated = now;
        SchemaMatches = true;
        Refresh();
    }

    /// <summary>How many segments searches look through (each first-time term lookup visits every one).</summary>
    internal int SegmentCount
    {
        get
        {
            using var lease = Acquire();
            return lease.Searcher.IndexReader.Leaves.Count;
        }
    }

    /// <summary>
    /// Merges the index into one segment and commits it, searches answering from the old segments meanwhile. A big
    /// build leaves a dozen segments, and a first-time query seeks every query word (and the speller's candidates) in
    /// each; merged, the ×10 benchmark's first-time search p99 fell by a fifth (docs/benchmarks.md).
    /// </summary>
    internal void MergeIntoOneSegment()
    {
        Writer.ForceMerge(1);
        Writer.Commit(); // the commit data of the last pass stays: nothing but the layout changed
        Refresh();
    }

    private IndexWriter Writer => _writer ?? throw new CorpusException("The index is being updated by another CorpusBot process; it cannot be changed from here.", isUserError: false);

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        if (_pending)
        {
            // Disposing an IndexWriter commits; an update cut short must not reach the disk half-applied.
            _writer?.Rollback();
        }
        else
        {
            _writer?.Dispose();
        }

        _directory.Dispose();
    }

    private static CorpusIndex OpenWritable(string path)
    {
        var directory = new PositionalReadDirectory(new DirectoryInfo(path));
        IndexWriter? writer = null;
        try
        {
            var config = new IndexWriterConfig(CorpusAnalyzers.Version, IndexAnalyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 32,
            };
            writer = new IndexWriter(directory, config);
            if (!DirectoryReader.IndexExists(directory))
            {
                writer.Commit();
            }

            var searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
            var index = new CorpusIndex(path, directory, writer, searchers, new Dictionary<string, string>(writer.CommitData));
            index.ReadArticles(); // touches every segment's doc values, so corruption surfaces here and not mid-query
            return index;
        }
        catch
        {
            writer?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    private static CorpusIndex OpenReadOnly(string path, ILogger logger)
    {
        var directory = new PositionalReadDirectory(new DirectoryInfo(path));
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            throw new CorpusException($"The index at {path} is being built by another CorpusBot process. Try again when it has finished.", isUserError: false);
        }

        LogReadOnly(logger, path);
        var searchers = new SearcherManager(directory, new Bm25SearcherFactory());
        var commit = DirectoryReader.ListCommits(directory)[^1].UserData;
        return new CorpusIndex(path, directory, null, searchers, new Dictionary<string, string>(commit));
    }

    private static void WipeLuceneFiles(string path)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(path))
        {
            var name = System.IO.Path.GetFileName(file);
            if (name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith('_') || name == "write.lock")
            {
                File.Delete(file);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index at {IndexPath} is missing or corrupt ({ErrorType}: {ErrorMessage}); rebuilding it from the articles")]
    private static partial void LogCorrupt(ILogger logger, string indexPath, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "No index at {IndexPath} yet; building it from the articles")]
    private static partial void LogNew(ILogger logger, string indexPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index at {IndexPath} is locked by another CorpusBot process; searching it as it is, without updating it")]
    private static partial void LogReadOnly(ILogger logger, string indexPath);

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}

/// <summary>What the index knows of an article file, to decide whether it must be re-read.</summary>
internal sealed record IndexedArticle(string Id, string Hash, long FileLength, long FileTimeTicks);

/// <summary>A searcher borrowed from the <see cref="CorpusIndex"/>; dispose to return it.</summary>
public readonly struct SearcherLease : IDisposable
{
    private readonly SearcherManager _manager;

    internal SearcherLease(SearcherManager manager)
    {
        _manager = manager;
        Searcher = manager.Acquire();
    }

    /// <summary>The searcher, with BM25 scoring.</summary>
    public IndexSearcher Searcher { get; }

    /// <inheritdoc />
    public void Dispose() => _manager.Release(Searcher);
}
