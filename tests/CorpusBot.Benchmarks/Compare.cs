using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Benchmarks;

/// <summary>
/// CorpusBot and SQLite FTS5 side by side on the same real text in one run: build time and MB/s, index size,
/// query latency with the excerpt (p50/p99); for CorpusBot also restart to first answer, one changed file,
/// peak RSS serving the ×N collection, and the interaction burst.
/// </summary>
internal static class Compare
{
    public sealed record Options(string? Collection, int Scale, bool Burst, int Repeat);

    public static async Task<int> RunAsync(Options options, TextWriter output)
    {
        var collection = options.Collection ?? RealText.Collection();
        var work = Path.Combine(Path.GetTempPath(), "corpusbot-compare-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(work);
        try
        {
            var figures = new Dictionary<string, double>();
            var (files, bytes) = Measure(collection);
            var queries = Queries();
            output.WriteLine($"Collection: {files} files, {bytes / 1e6:F1} MB ({collection}); {queries.Count} queries");

            // Each engine builds, then answers the queries before the other one runs (same files, same reader), so
            // neither pays for the other's garbage. Our build counts until its background merges are done (closing
            // waits for them).
            var indexPath = Path.Combine(work, "lucene");
            var clock = Stopwatch.StartNew();
            using (var building = CorpusIndex.Open(indexPath, NullLogger.Instance))
            {
                await new CorpusIndexer(building, new ArticleReader(5 << 20), collection, NullLogger<CorpusIndexer>.Instance).UpdateAsync();
            }

            figures["corpusbot_build_s"] = clock.Elapsed.TotalSeconds;
            figures["corpusbot_index_mb"] = FolderSize(indexPath) / 1e6;
            var index = CorpusIndex.Open(indexPath, NullLogger.Instance);
            var indexer = new CorpusIndexer(index, new ArticleReader(5 << 20), collection, NullLogger<CorpusIndexer>.Instance);
            var searcher = new CorpusSearcher(index);
            var ours = Latencies(queries, q => searcher.Search(q), options.Repeat, output);
            figures["corpusbot_query_p50_ms"] = ours.P50;
            figures["corpusbot_query_p99_ms"] = ours.P99;
            var asked = Latencies(queries, q => searcher.Ask(q), options.Repeat); // the command people use most; FTS5 has no equivalent
            figures["corpusbot_ask_p50_ms"] = asked.P50;
            figures["corpusbot_ask_p99_ms"] = asked.P99;

            clock.Restart();
            using var fts = await Fts5Engine.BuildAsync(collection, Path.Combine(work, "fts5.db"));
            figures["fts5_build_s"] = clock.Elapsed.TotalSeconds;
            figures["fts5_index_mb"] = new FileInfo(Path.Combine(work, "fts5.db")).Length / 1e6;
            var theirs = Latencies(queries, q => fts.Search(q), options.Repeat);
            figures["fts5_query_p50_ms"] = theirs.P50;
            figures["fts5_query_p99_ms"] = theirs.P99;
            figures["corpusbot_build_mb_s"] = bytes / 1e6 / figures["corpusbot_build_s"];
            figures["fts5_build_mb_s"] = bytes / 1e6 / figures["fts5_build_s"];

            // One changed file, applied by the running indexer.
            var changed = Directory.EnumerateFiles(collection, "*.txt", SearchOption.AllDirectories).First();
            var original = await File.ReadAllTextAsync(changed);
            try
            {
                await File.AppendAllTextAsync(changed, "\nOne more line for the benchmark.\n");
                clock.Restart();
                await indexer.UpdateAsync();
                figures["corpusbot_one_change_s"] = clock.Elapsed.TotalSeconds;
            }
            finally
            {
                await File.WriteAllTextAsync(changed, original);
                await indexer.UpdateAsync();
            }

            index.Dispose();

            // A new process on the unchanged collection: start to first answer, and its peak memory.
            var (startSeconds, startPeak) = await CommandLine.RunAsync(collection, indexPath, queries[0]);
            figures["corpusbot_restart_to_answer_s"] = startSeconds;
            figures["corpusbot_peak_rss_mb_x1"] = startPeak / 1e6;

            if (options.Scale > 1)
            {
                var scaled = RealText.Scaled(collection, options.Scale);
                var scaledIndex = Path.Combine(work, "lucene-x" + options.Scale);
                clock.Restart();
                using (var big = CorpusIndex.Open(scaledIndex, NullLogger.Instance))
                {
                    await new CorpusIndexer(big, new ArticleReader(5 << 20), scaled, NullLogger<CorpusIndexer>.Instance).UpdateAsync();
                }

                figures[$"corpusbot_build_s_x{options.Scale}"] = clock.Elapsed.TotalSeconds;

                // Queried as served: reopened once the build's merges are done.
                using (var big = CorpusIndex.Open(scaledIndex, NullLogger.Instance))
                {
                    var bigSearcher = new CorpusSearcher(big);
                    var scaledLatency = Latencies(queries, q => bigSearcher.Search(q), options.Repeat, output);
                    figures[$"corpusbot_query_p50_ms_x{options.Scale}"] = scaledLatency.P50;
                    figures[$"corpusbot_query_p99_ms_x{options.Scale}"] = scaledLatency.P99;
                    var scaledAsk = Latencies(queries, q => bigSearcher.Ask(q), options.Repeat);
                    figures[$"corpusbot_ask_p50_ms_x{options.Scale}"] = scaledAsk.P50;
                    figures[$"corpusbot_ask_p99_ms_x{options.Scale}"] = scaledAsk.P99;
                }

                var (scaledStart, scaledPeak) = await CommandLine.RunAsync(scaled, scaledIndex, queries[0]);
                figures[$"corpusbot_restart_to_answer_s_x{options.Scale}"] = scaledStart;
                figures[$"corpusbot_peak_rss_mb_x{options.Scale}"] = scaledPeak / 1e6;
            }

            if (options.Burst)
            {
                var burst = await InteractionBurst.MeasureAsync(1000, collection);
                figures["burst_interactions_per_s"] = burst.PerSecond;
                figures["burst_first_callback_p99_ms"] = burst.P99;
                figures["burst_over_3s"] = burst.OverThreeSeconds;
                figures["burst_final_p99_ms"] = burst.FinalP99;
                figures["burst_final_over_2s"] = burst.FinalOverTwoSeconds;
            }

            figures["ratio_build_speed"] = figures["corpusbot_build_mb_s"] / figures["fts5_build_mb_s"];
            figures["ratio_query_p99"] = figures["corpusbot_query_p99_ms"] / Math.Max(figures["fts5_query_p99_ms"], 1e-6);
            Print(figures, output);
            var json = Path.Combine(RealText.CacheRoot, "results.json");
            Directory.CreateDirectory(RealText.CacheRoot);
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
            output.WriteLine($"JSON: {json}");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Print(Dictionary<string, double> figures, TextWriter output)
    {
        var table = new StringBuilder();
        table.AppendLine("| measure | CorpusBot | FTS5 | ratio |");
        table.AppendLine("|---|---|---|---|");
        Row("build (s)", "corpusbot_build_s", "fts5_build_s");
        Row("build (MB/s)", "corpusbot_build_mb_s", "fts5_build_mb_s");
        Row("index size (MB)", "corpusbot_index_mb", "fts5_index_mb");
        Row("query p50 with excerpt (ms)", "corpusbot_query_p50_ms", "fts5_query_p50_ms");
        Row("query p99 with excerpt (ms)", "corpusbot_query_p99_ms", "fts5_query_p99_ms");
        foreach (var (key, value) in figures.Where(f => !f.Key.StartsWith("fts5", StringComparison.Ordinal) && !f.Key.StartsWith("ratio", StringComparison.Ordinal)
                     && f.Key is not ("corpusbot_build_s" or "corpusbot_build_mb_s" or "corpusbot_index_mb" or "corpusbot_query_p50_ms" or "corpusbot_query_p99_ms")))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value:F3} | | |");
        }

        output.Write(table.ToString());

        void Row(string label, string ours, string theirs) =>
            table.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {figures[ours]:F3} | {figures[theirs]:F3} | {figures[ours] / Math.Max(figures[theirs], 1e-9):F2} |");
    }

    private static (double P50, double P99) Latencies(IReadOnlyList<string> queries, Func<string, object> run, int repeat, TextWriter? slowest = null)
    {
        foreach (var query in queries)
        {
            run(query); // one warm-up pass, so that the figures are of steady serving and not of the JIT's first tiers
        }

        var samples = new List<(double Ms, string Query)>(queries.Count * repeat);
        for (var r = 0; r < repeat; r++)
        {
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                run(query);
                samples.Add((clock.Elapsed.TotalMilliseconds, query));
            }
        }

        samples.Sort((a, b) => a.Ms.CompareTo(b.Ms));
        foreach (var (ms, query) in samples.TakeLast(3).Reverse())
        {
            slowest?.WriteLine($"  slowest: {ms:F1} ms  {query}");
        }

        return (samples[(int)(samples.Count * 0.5)].Ms, samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * 0.99) - 1)].Ms);
    }

    private static (int Files, long Bytes) Measure(string collection)
    {
        var files = ArticleFile.Scan(collection);
        return (files.Count, files.Sum(f => f.Length));
    }

    private static long FolderSize(string path) => Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length);

    public static List<string> Queries() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "queries.txt")).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
