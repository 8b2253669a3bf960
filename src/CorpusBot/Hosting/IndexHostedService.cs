using System.Threading.Channels;
using CorpusBot.Search;
using CorpusBot.Search.Indexing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Hosting;

/// <summary>Builds the index at start, then watches the articles folder and applies changes once it falls quiet.</summary>
internal sealed partial class IndexHostedService(CorpusIndexer indexer, CorpusIndex index, IOptions<CorpusOptions> options, ILogger<IndexHostedService> logger) : BackgroundService
{
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first pass over the folder has finished (successfully or not).</summary>
    public Task FirstPass => _firstPass.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _ = Task.Run(() => WarmPageCache(stoppingToken), stoppingToken);

        // Watch before the first pass, so that a change made while it runs is not missed (it triggers another pass).
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = options.Value.Watch ? Watch(changes.Writer) : null;
        await UpdateAsync(stoppingToken);
        _firstPass.TrySetResult();
        await MergeIfDueAsync(stoppingToken); // after the first answers may be given: they need not wait for it
        if (indexer.IsReadOnly)
        {
            await FollowWriterAsync(stoppingToken);
            return;
        }

        if (watcher is null)
        {
            return;
        }

        var quiet = TimeSpan.FromMilliseconds(options.Value.WatchDebounceMilliseconds);
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            changes.Reader.TryRead(out _);
            do
            {
                await Task.Delay(quiet, stoppingToken);
            }
            while (changes.Reader.TryRead(out _));

            await UpdateAsync(stoppingToken);
            await MergeIfDueAsync(stoppingToken);
        }
    }

    // The index files into the page cache, beside the first pass: it only reads, and a query finds what is not there yet.
    private void WarmPageCache(CancellationToken stoppingToken)
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = PageCacheWarmer.Read(index.Path, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, stoppingToken);
            if (outcome.SkippedAsTooLarge)
            {
                LogPageCacheSkipped(logger, outcome.IndexBytes / (1024 * 1024));
            }
            else
            {
                LogPageCacheWarmed(logger, outcome.BytesRead / (1024 * 1024), clock.Elapsed.TotalSeconds);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogPageCacheFailed(logger, ex.Message);
        }
    }

    // Another process holds the index and updates it: pick up what it commits.
    private async Task FollowWriterAsync(CancellationToken stoppingToken)
    {
        LogFollowing(logger);
        using var timer = new PeriodicTimer(ReadOnlyRefresh);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            indexer.Refresh();
        }
    }

    private FileSystemWatcher? Watch(ChannelWriter<bool> changes)
    {
        if (!Directory.Exists(indexer.ArticlesPath))
        {
            return null;
        }

        var watcher = new FileSystemWatcher(indexer.ArticlesPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler signal = (_, _) => changes.TryWrite(true);
        watcher.Created += signal;
        watcher.Changed += signal;
        watcher.Deleted += signal;
        watcher.Renamed += (_, _) => changes.TryWrite(true);
        watcher.Error += (_, e) =>
        {
            LogWatcherError(logger, e.GetException().Message);
            changes.TryWrite(true);
        };
        watcher.EnableRaisingEvents = true;
        LogWatching(logger, indexer.ArticlesPath);
        return watcher;
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _firstPass.TrySetResult();
        return base.StopAsync(cancellationToken);
    }

    private Task UpdateAsync(CancellationToken stoppingToken) => Guarded(() => indexer.UpdateAsync(stoppingToken), stoppingToken);

    private Task MergeIfDueAsync(CancellationToken stoppingToken) => Guarded(() => indexer.MergeIfDueAsync(stoppingToken), stoppingToken);

    // A failed pass or merge is logged and the next change tries again; the service keeps watching.
    private async Task Guarded(Func<Task> work, CancellationToken stoppingToken)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (CorpusException ex)
        {
            LogUpdateFailed(logger, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogUpdateError(logger, ex);
        }
    }

    private static readonly TimeSpan ReadOnlyRefresh = TimeSpan.FromSeconds(10);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the index ({Megabytes} MB) in {Seconds:F1} s, so that first-time queries do not wait on the disk")]
    private static partial void LogPageCacheWarmed(ILogger logger, long megabytes, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index ({Megabytes} MB) is larger than a quarter of the memory available; it is read as queries need it")]
    private static partial void LogPageCacheSkipped(ILogger logger, long megabytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the index ahead of queries failed ({Problem}); queries read what they need")]
    private static partial void LogPageCacheFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process maintains the index; following its updates")]
    private static partial void LogFollowing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {ArticlesPath} for changes")]
    private static partial void LogWatching(ILogger logger, string articlesPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The folder watcher reported a problem ({Problem}); rescanning the folder")]
    private static partial void LogWatcherError(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Updating the index failed: {Problem}")]
    private static partial void LogUpdateFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Updating the index failed; the previous index stays in use")]
    private static partial void LogUpdateError(ILogger logger, Exception exception);
}
