using System.Diagnostics;
using CorpusBot.Search.Articles;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// Brings the index in line with the articles folder: reads only files whose size or time changed,
/// re-indexes only those whose content changed, removes deleted ones, and commits once per pass.
/// </summary>
public sealed partial class CorpusIndexer(CorpusIndex index, ArticleReader reader, string articlesPath, ILogger<CorpusIndexer> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (long Length, long Ticks)> _warnedSkips = new(StringComparer.Ordinal);
    private bool _mergeDue;

    /// <summary>
    /// How much article text (characters) a pass keeps from its first look to the write; the rest is read again. At
    /// two bytes a character this bounds a pass's article memory to 64 MiB, whatever the collection's size.
    /// </summary>
    internal long RetainedChars { get; init; } = 32L * 1024 * 1024;

    /// <summary>The folder the articles are read from.</summary>
    public string ArticlesPath { get; } = articlesPath;

    /// <summary>True when another process holds the index: passes change nothing here.</summary>
    public bool IsReadOnly => index.IsReadOnly;

    /// <summary>Makes changes committed by another process visible to searches.</summary>
    public void Refresh() => index.Refresh();

    /// <summary>Runs one pass. Passes never overlap; a second caller waits for the first to finish.</summary>
    public async Task<IndexUpdateReport> UpdateAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// After a pass that wrote at least half of the index (a first build, a rebuild, a folder replaced), merges the
    /// index into one segment, searches answering meanwhile; otherwise does nothing. Kept out of
    /// <see cref="UpdateAsync"/> so that a bot answers from the new index before its layout is tidied.
    /// </summary>
    /// <returns>How long the merge took, or null when none was due.</returns>
    public async Task<TimeSpan?> MergeIfDueAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_mergeDue || index.IsReadOnly)
            {
                return null;
            }

            _mergeDue = false;
            var segments = index.SegmentCount;
            if (segments <= 1)
            {
                return null;
            }

            var clock = Stopwatch.StartNew();
            LogMerging(logger, segments);
            await Task.Run(index.MergeIntoOneSegment, CancellationToken.None); // Lucene's merge cannot be interrupted midway
            LogMerged(logger, segments, clock.ElapsedMilliseconds);
            return clock.Elapsed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IndexUpdateReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (index.IsReadOnly)
        {
            return new IndexUpdateReport([], [], [], 0, [], clock.Elapsed, ReadOnly: true);
        }

        if (!System.IO.Directory.Exists(ArticlesPath))
        {
            throw CorpusException.ArticlesFolderMissing(ArticlesPath);
        }

        var pass = Plan();
        if (pass.Rebuild && !index.IsEmpty)
        {
            LogRebuild(logger, index.Path);
        }

        // First look at every changed file (what it is, and its lines), so that lines repeated across articles are
        // known before any of them is split into passages; then index each. Reading, parsing, splitting and analysis
        // run on every core (the IndexWriter takes documents from several threads).
        var looks = await LookAsync(pass.ToRead, cancellationToken);
        var pending = Sort(pass, looks);
        var furniture = Furniture(pass, pending);
        if (pass.Rebuild)
        {
            index.DeleteAll(); // nothing is visible before the commit at the end of the pass
        }

        var written = await WriteAsync(pending, furniture, cancellationToken);
        var report = Finish(pass, written, clock);
        _mergeDue |= written.Count > 0 && written.Count * 2 >= pass.Seen.Count;
        return report;
    }

    /// <summary>What this pass must read: files whose size or time differ from what the index holds (all of them on a rebuild).</summary>
    private PassPlan Plan()
    {
        var pass = new PassPlan(!index.SchemaMatches, index.ReadArticles());
        foreach (var file in ArticleFile.Scan(ArticlesPath))
        {
            if (!pass.Seen.Add(file.Id))
            {
                pass.Skipped.Add(Skip(file, "another file has the same name with a different extension"));
            }
            else if (!pass.Rebuild && pass.Indexed.TryGetValue(file.Id, out var known) && known.FileLength == file.Length && known.FileTimeTicks == file.LastWriteUtc.Ticks)
            {
                pass.Unchanged++;
            }
            else
            {
                pass.ToRead.Add(file);
            }
        }

        return pass;
    }

    /// <summary>
    /// Reads each file once for its lines and content hash. Article text is kept for the write only up to a budget,
    /// so a huge pass never holds the collection in memory; past it, an article is read again when it is written.
    /// </summary>
    private async Task<Look[]> LookAsync(List<ArticleFile> toRead, CancellationToken cancellationToken)
    {
        var looks = new Look[toRead.Count];
        var progress = new Progress("read", toRead.Count, logger);
        long keptChars = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, toRead.Count), Parallelism(cancellationToken), async (i, ct) =>
        {
            var result = await reader.ReadAsync(toRead[i], ct);
            var article = result.Article;
            var keep = article is not null && Interlocked.Add(ref keptChars, article.Body.Length) <= RetainedChars;
            looks[i] = new Look(
                toRead[i],
                result.SkipReason,
                result.Warnings,
                article?.ContentHash,
                article is null ? null : RepeatedLines.SourceOf(article.Id, article.Metadata.Outlet, article.Metadata.Url),
                article is null ? [] : [.. RepeatedLines.Keys(article.Body)], // an array: a third of a hash set's memory, kept for the whole pass
                keep ? article : null);
            progress.Advance();
        });

        return looks;
    }

    /// <summary>Sorts what was read into skipped, unchanged after all (same content), and to be written.</summary>
    private List<Look> Sort(PassPlan pass, Look[] looks)
    {
        var pending = new List<Look>();
        foreach (var look in looks)
        {
            if (look.SkipReason is { } reason)
            {
                pass.Skipped.Add(Skip(look.File, reason));
                if (!pass.Rebuild && pass.Indexed.ContainsKey(look.File.Id))
                {
                    pass.Kept.Add(look.File.Id); // keep the last good version rather than lose the article
                }

                continue;
            }

            foreach (var warning in look.Warnings)
            {
                LogReadWarning(logger, look.File.Path, warning);
            }

            if (!pass.Rebuild && pass.Indexed.TryGetValue(look.File.Id, out var known) && known.Hash == look.ContentHash && known.FileLength == look.File.Length)
            {
                pass.Unchanged++;
                continue;
            }

            pending.Add(look);
        }

        return pending;
    }

    /// <summary>Lines that are page furniture, judged over the articles being written and those already indexed.</summary>
    private HashSet<ulong> Furniture(PassPlan pass, List<Look> pending)
    {
        var pendingIds = pending.Select(p => p.File.Id).ToHashSet(StringComparer.Ordinal);
        var others = pending.Count == 0 ? [] : index.ReadLineKeys();
        return RepeatedLines.Furniture(others
            .Where(a => pass.Seen.Contains(a.Key) && !pendingIds.Contains(a.Key))
            .Select(a => (a.Value.Source, (IReadOnlyCollection<ulong>)a.Value.Keys))
            .Concat(pending.Select(p => (p.Source!, (IReadOnlyCollection<ulong>)p.Lines))));
    }

    /// <summary>Writes each pending article (read again when its text was not kept); returns the ids written.</summary>
    private async Task<List<string>> WriteAsync(List<Look> pending, HashSet<ulong> furniture, CancellationToken cancellationToken)
    {
        var progress = new Progress("indexed", pending.Count, logger);
        var written = new string?[pending.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, pending.Count), Parallelism(cancellationToken), async (i, ct) =>
        {
            var look = pending[i];
            var article = look.Kept ?? (await reader.ReadAsync(look.File, ct)).Article;
            if (article is not null)
            {
                // Keys from the first look, unless the file was read again (it may have changed in between).
                index.Upsert(article.Id, ArticleDocuments.Build(article, look.File, furniture, look.Kept is null ? null : look.Lines));
                written[i] = article.Id;
            }

            pending[i] = look with { Kept = null };
            progress.Advance();
        });

        return [.. written.OfType<string>()];
    }

    /// <summary>Removes what left the folder, commits once, and reports the pass.</summary>
    private IndexUpdateReport Finish(PassPlan pass, List<string> written, Stopwatch clock)
    {
        var added = new List<string>();
        var changed = new List<string>();
        foreach (var id in written)
        {
            (pass.Indexed.ContainsKey(id) ? changed : added).Add(id);
        }

        var removed = pass.Indexed.Keys.Where(id => !pass.Seen.Contains(id) && !pass.Kept.Contains(id)).Order(StringComparer.Ordinal).ToList();
        foreach (var id in pass.Rebuild ? [] : removed)
        {
            index.Delete(id);
        }

        var report = new IndexUpdateReport(added, changed, removed, pass.Unchanged, pass.Skipped, clock.Elapsed);
        if (report.HasChanges || pass.Rebuild)
        {
            index.Commit();
        }

        logger.Log(
            report.HasChanges ? LogLevel.Information : LogLevel.Debug,
            "Index updated: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged, {Skipped} skipped in {ElapsedMs} ms",
            added.Count, changed.Count, removed.Count, pass.Unchanged, pass.Skipped.Count, clock.ElapsedMilliseconds);
        return report;
    }

    /// <summary>One pass's bookkeeping: what the index held, what the folder has, and what was decided.</summary>
    private sealed class PassPlan(bool rebuild, IReadOnlyDictionary<string, IndexedArticle> indexed)
    {
        public bool Rebuild { get; } = rebuild;

        public IReadOnlyDictionary<string, IndexedArticle> Indexed { get; } = indexed;

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public List<ArticleFile> ToRead { get; } = [];

        public List<SkippedFile> Skipped { get; } = [];

        /// <summary>Indexed articles whose file is now unreadable: the last good version stays.</summary>
        public HashSet<string> Kept { get; } = new(StringComparer.Ordinal);

        public int Unchanged { get; set; }
    }

    /// <summary>What the first look found in a file; <paramref name="Kept"/> is its article when within the memory budget.</summary>
    private sealed record Look(
        ArticleFile File,
        string? SkipReason,
        IReadOnlyList<string> Warnings,
        string? ContentHash,
        string? Source,
        ulong[] Lines,
        Article? Kept);

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };

    private SkippedFile Skip(ArticleFile file, string reason)
    {
        lock (_warnedSkips)
        {
            var stamp = (file.Length, file.LastWriteUtc.Ticks);
            if (!_warnedSkips.TryGetValue(file.Path, out var warned) || warned != stamp)
            {
                _warnedSkips[file.Path] = stamp;
                LogSkipped(logger, file.Path, reason);
            }
        }

        return new SkippedFile(file.Path, reason);
    }

    private sealed class Progress(string stage, int total, ILogger logger)
    {
        private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
        private int _done;

        public void Advance()
        {
            var done = Interlocked.Increment(ref _done);
            if (_sinceReport.Elapsed >= ProgressInterval && done < total)
            {
                lock (_sinceReport)
                {
                    if (_sinceReport.Elapsed < ProgressInterval)
                    {
                        return;
                    }

                    _sinceReport.Restart();
                }

                LogProgress(logger, stage, done, total, 100.0 * done / total);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {FilePath}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string filePath, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{FilePath}: {Warning}")]
    private static partial void LogReadWarning(ILogger logger, string filePath, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexing: {Done} of {Total} files {Stage} ({Percent:F0}%)")]
    private static partial void LogProgress(ILogger logger, string stage, int done, int total, double percent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Merging the index's {Segments} segments into one, for faster first-time queries")]
    private static partial void LogMerging(ILogger logger, int segments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged the index's {Segments} segments into one in {ElapsedMs} ms")]
    private static partial void LogMerged(ILogger logger, int segments, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index at {IndexPath} was built by another version; rebuilding it")]
    private static partial void LogRebuild(ILogger logger, string indexPath);
}
