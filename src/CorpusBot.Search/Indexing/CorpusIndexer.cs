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
    private const long RetainedChars = 64L * 1024 * 1024;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (long Length, long Ticks)> _warnedSkips = new(StringComparer.Ordinal);

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

    private async Task<IndexUpdateReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (index.IsReadOnly)
        {
            return new IndexUpdateReport([], [], [], 0, [], clock.Elapsed, ReadOnly: true);
        }

        if (!System.IO.Directory.Exists(ArticlesPath))
        {
            throw new CorpusException($"The articles folder {ArticlesPath} does not exist. Set Corpus:ArticlesPath (or Corpus__ArticlesPath).", isUserError: false);
        }

        var files = ArticleFile.Scan(ArticlesPath);
        var rebuild = !index.SchemaMatches;
        var indexed = index.ReadArticles();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var toRead = new List<ArticleFile>();
        var skipped = new List<SkippedFile>();
        var unchanged = 0;
        foreach (var file in files)
        {
            if (!seen.Add(file.Id))
            {
                skipped.Add(Skip(file, "another file has the same name with a different extension"));
                continue;
            }

            if (!rebuild && indexed.TryGetValue(file.Id, out var known) && known.FileLength == file.Length && known.FileTimeTicks == file.LastWriteUtc.Ticks)
            {
                unchanged++;
            }
            else
            {
                toRead.Add(file);
            }
        }

        if (rebuild && !index.IsEmpty)
        {
            LogRebuild(logger, index.Path);
        }

        var added = new List<string>();
        var changed = new List<string>();
        var kept = new HashSet<string>(StringComparer.Ordinal);

        // First look at every changed file (what it is, and its lines), so that lines repeated across
        // articles are known before any of them is split into passages; then index each. Reading, parsing,
        // splitting and analysis run on every core (the IndexWriter takes documents from several threads).
        // Articles are kept from the first look up to a memory budget; past it, a huge pass reads the rest again.
        var looked = new (ArticleReadResult Result, IReadOnlyCollection<ulong> Lines)[toRead.Count];
        var reading = new Progress("read", toRead.Count, logger);
        await Parallel.ForEachAsync(Enumerable.Range(0, toRead.Count), Parallelism(cancellationToken), async (i, ct) =>
        {
            var result = await reader.ReadAsync(toRead[i], ct);
            looked[i] = (result, result.Article is { } article ? RepeatedLines.Keys(article.Body) : []);
            reading.Advance();
        });

        var pending = new List<(ArticleFile File, string Source, IReadOnlyCollection<ulong> Lines, Article? Kept)>();
        long keptChars = 0;
        for (var i = 0; i < toRead.Count; i++)
        {
            var (file, (result, lines)) = (toRead[i], looked[i]);
            looked[i] = default;
            if (result.Article is not { } article)
            {
                skipped.Add(Skip(file, result.SkipReason!));
                if (!rebuild && indexed.ContainsKey(file.Id))
                {
                    kept.Add(file.Id); // keep the last good version rather than lose the article
                }

                continue;
            }

            foreach (var warning in result.Warnings)
            {
                LogReadWarning(logger, file.Path, warning);
            }

            if (!rebuild && indexed.TryGetValue(file.Id, out var known) && known.Hash == article.ContentHash && known.FileLength == file.Length)
            {
                unchanged++;
                continue;
            }

            var keep = keptChars < RetainedChars;
            keptChars += keep ? article.Body.Length : 0;
            pending.Add((file, RepeatedLines.SourceOf(article.Id, article.Metadata.Outlet, article.Metadata.Url), lines, keep ? article : null));
        }

        var pendingIds = pending.Select(p => p.File.Id).ToHashSet(StringComparer.Ordinal);
        var others = pending.Count == 0 ? [] : index.ReadLineKeys();
        var repeated = RepeatedLines.Furniture(others
            .Where(a => seen.Contains(a.Key) && !pendingIds.Contains(a.Key))
            .Select(a => (a.Value.Source, (IReadOnlyCollection<ulong>)a.Value.Keys))
            .Concat(pending.Select(p => (p.Source, p.Lines))));
        if (rebuild)
        {
            index.DeleteAll(); // nothing is visible before the commit at the end of the pass
        }

        var progress = new Progress("indexed", pending.Count, logger);
        var written = new string?[pending.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, pending.Count), Parallelism(cancellationToken), async (i, ct) =>
        {
            var (file, _, lines, retained) = pending[i];
            var article = retained ?? (await reader.ReadAsync(file, ct)).Article;
            if (article is not null)
            {
                // Keys from the first look, unless the file was read again (it may have changed in between).
                index.Upsert(article.Id, ArticleDocuments.Build(article, file, repeated, retained is null ? null : lines));
                written[i] = article.Id;
            }

            pending[i] = pending[i] with { Kept = null };
            progress.Advance();
        });

        foreach (var id in written.OfType<string>())
        {
            (indexed.ContainsKey(id) ? changed : added).Add(id);
        }

        var removed = indexed.Keys.Where(id => !seen.Contains(id) && !kept.Contains(id)).Order(StringComparer.Ordinal).ToList();
        foreach (var id in rebuild ? [] : removed)
        {
            index.Delete(id);
        }

        var report = new IndexUpdateReport(added, changed, removed, unchanged, skipped, clock.Elapsed);
        if (report.HasChanges || rebuild)
        {
            index.Commit();
        }

        logger.Log(
            report.HasChanges ? LogLevel.Information : LogLevel.Debug,
            "Index updated: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged, {Skipped} skipped in {ElapsedMs} ms",
            added.Count, changed.Count, removed.Count, unchanged, skipped.Count, clock.ElapsedMilliseconds);
        return report;
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "The index at {IndexPath} was built by another version; rebuilding it")]
    private static partial void LogRebuild(ILogger logger, string indexPath);
}
