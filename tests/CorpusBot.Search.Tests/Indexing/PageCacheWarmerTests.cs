using CorpusBot.Search.Indexing;
using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Indexing;

public sealed class PageCacheWarmerTests : IDisposable
{
    private const long Plenty = 1L << 40;

    private readonly TempCorpus _corpus = new();

    [Fact]
    public async Task Every_file_of_a_built_index_is_read_once_and_the_index_still_answers()
    {
        _corpus.WithSeeds();
        await _corpus.UpdateAsync();
        var onDisk = new DirectoryInfo(_corpus.IndexPath).EnumerateFiles().Where(f => f.Name != "write.lock").Sum(f => f.Length);

        var outcome = PageCacheWarmer.Read(_corpus.IndexPath, Plenty, CancellationToken.None);

        Assert.False(outcome.SkippedAsTooLarge);
        Assert.Equal(onDisk, outcome.IndexBytes);
        Assert.Equal(onDisk, outcome.BytesRead);
        Assert.NotEmpty(_corpus.Searcher.Search("Ruffalo").Citations);
    }

    [Fact]
    public async Task An_index_larger_than_a_quarter_of_the_memory_is_not_read()
    {
        _corpus.WithSeeds();
        await _corpus.UpdateAsync();

        var outcome = PageCacheWarmer.Read(_corpus.IndexPath, availableMemoryBytes: 1024, CancellationToken.None);

        Assert.True(outcome.SkippedAsTooLarge);
        Assert.Equal(0, outcome.BytesRead);
    }

    [Fact]
    public async Task A_cancelled_read_stops()
    {
        _corpus.WithSeeds();
        await _corpus.UpdateAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.Throws<OperationCanceledException>(() => PageCacheWarmer.Read(_corpus.IndexPath, Plenty, cancelled.Token));
    }

    public void Dispose() => _corpus.Dispose();
}
