using CorpusBot.Benchmarks;
using CorpusBot.Tests.Support;

namespace CorpusBot.Tests.Benchmarks;

/// <summary>A tiny run of the benchmark harness on the seed articles, so that it keeps compiling and working (the full run is not part of CI).</summary>
public sealed class CompareSmokeTests : IDisposable
{
    private readonly CliHarness _corpus = new();
    private readonly string? _cache = Environment.GetEnvironmentVariable("CORPUSBOT_BENCH_CACHE");

    [Fact]
    public async Task The_comparison_runs_both_engines_and_prints_their_figures_and_ratios()
    {
        Environment.SetEnvironmentVariable("CORPUSBOT_BENCH_CACHE", Path.Combine(_corpus.Root, "cache"));
        var output = new StringWriter();

        var code = await Compare.RunAsync(new Compare.Options(_corpus.ArticlesPath, Scale: 1, Burst: false), output);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("| build (MB/s) |", text);
        Assert.Contains("| first-time query p99 with excerpt (ms) |", text);
        Assert.Contains("| repeated query p99 (ms) |", text);
        Assert.Contains("corpusbot_ask_p99_ms", text);
        Assert.Contains("corpusbot_index_command_peak_rss_mb", text);
        Assert.Contains("corpusbot_restart_to_answer_s", text);
        Assert.True(File.Exists(Path.Combine(_corpus.Root, "cache", "results.json")));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("CORPUSBOT_BENCH_CACHE", _cache);
        _corpus.Dispose();
    }
}
