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
    public sealed record Options(string? Collection, int Scale, bool Burst);

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
                await BuildAsync(building, collection);
            }

            figures["corpusbot_build_s"] = clock.Elapsed.TotalSeconds;
            figures["corpusbot_index_mb"] = FolderSize(indexPath) / 1e6;
            // First-time queries, each engine in a new process (as after a restart); "repeated" is a second pass there.
            QueryPass.Record(figures, "corpusbot_query", await QueryPass.InNewProcessAsync("corpusbot-search", indexPath), output);
            QueryPass.Record(figures, "corpusbot_ask", await QueryPass.InNewProcessAsync("corpusbot-ask", indexPath), output); // FTS5 has no equivalent
            var index = CorpusIndex.Open(indexPath, NullLogger.Instance);
            var indexer = new CorpusIndexer(index, new ArticleReader(5 << 20), collection, NullLogger<CorpusIndexer>.Instance);

            clock.Restart();
            var ftsPath = Path.Combine(work, "fts5.db");
            using (await Fts5Engine.BuildAsync(collection, ftsPath))
            {
                figures["fts5_build_s"] = clock.Elapsed.TotalSeconds;
            }

            figures["fts5_index_mb"] = new FileInfo(ftsPath).Length / 1e6;
            QueryPass.Record(figures, "fts5_query", await QueryPass.InNewProcessAsync("fts5-search", ftsPath), output);
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

            // The whole `index` command on a fresh folder, as a user runs it (lexical index only, as FTS5): its time and peak memory.
            var (indexCommandSeconds, indexCommandPeak) = await CommandLine.RunAsync(collection, Path.Combine(work, "lucene-cli"), ["index"], lexicalOnly: true);
            figures["corpusbot_index_command_s"] = indexCommandSeconds;
            figures["corpusbot_index_command_peak_rss_mb"] = indexCommandPeak / 1e6;
            figures["ratio_index_command_speed"] = figures["fts5_build_s"] / indexCommandSeconds;

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
                    await BuildAsync(big, scaled);
                }

                figures[$"corpusbot_build_s_x{options.Scale}"] = clock.Elapsed.TotalSeconds;

                // The whole `index` command on a fresh folder, as a user runs it (lexical index only, as FTS5): its time and peak memory.
                var (indexSeconds, indexPeak) = await CommandLine.RunAsync(scaled, Path.Combine(work, "lucene-cli-x" + options.Scale), ["index"], lexicalOnly: true);
                figures[$"corpusbot_index_command_s_x{options.Scale}"] = indexSeconds;
                figures[$"corpusbot_index_command_peak_rss_mb_x{options.Scale}"] = indexPeak / 1e6;

                // Queried as served after a restart: a new process, once the build's merges are done.
                QueryPass.Record(figures, $"corpusbot_query_x{options.Scale}", await QueryPass.InNewProcessAsync("corpusbot-search", scaledIndex), output);
                QueryPass.Record(figures, $"corpusbot_ask_x{options.Scale}", await QueryPass.InNewProcessAsync("corpusbot-ask", scaledIndex), output);

                var (scaledStart, scaledPeak) = await CommandLine.RunAsync(scaled, scaledIndex, queries[0]);
                figures[$"corpusbot_restart_to_answer_s_x{options.Scale}"] = scaledStart;
                figures[$"corpusbot_peak_rss_mb_x{options.Scale}"] = scaledPeak / 1e6;
                if (options.Burst)
                {
                    await Sustained(figures, $"_x{options.Scale}", scaled, scaledIndex, output);
                }
            }

            if (options.Burst)
            {
                var burst = await InteractionBurst.MeasureAsync(1000, collection);
                figures["burst_interactions_per_s"] = burst.PerSecond;
                figures["burst_first_callback_p99_ms"] = burst.P99;
                figures["burst_over_3s"] = burst.OverThreeSeconds;
                figures["burst_final_p99_ms"] = burst.FinalP99;
                figures["burst_final_over_2s"] = burst.FinalOverTwoSeconds;
                if (options.Scale == 1)
                {
                    await Sustained(figures, string.Empty, collection, indexPath, output);
                }
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

    // First-time /search through the gateway at a steady rate, as people send them: 5/s (no queueing) and 50/s.
    // As the product builds: the pass, then the merge into one segment that follows a first build.
    private static async Task BuildAsync(CorpusIndex index, string collection)
    {
        var indexer = new CorpusIndexer(index, new ArticleReader(5 << 20), collection, NullLogger<CorpusIndexer>.Instance);
        await indexer.UpdateAsync();
        await indexer.MergeIfDueAsync();
    }

    private static async Task Sustained(Dictionary<string, double> figures, string suffix, string collection, string index, TextWriter output)
    {
        foreach (var rate in new[] { 5, 50 })
        {
            var run = await SustainedRate.InNewProcessAsync(rate, collection, index);
            figures[$"sustained_{rate}_per_s_callback_p99_ms{suffix}"] = run.P99;
            figures[$"sustained_{rate}_per_s_deferred{suffix}"] = run.Deferred;
            foreach (var slow in run.Slowest)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slowest at {rate}/s{suffix}: {slow.Ms:F0} ms  {slow.Query}"));
            }
        }
    }

    private static readonly string[] Tabled =
    [
        "corpusbot_build_s", "corpusbot_build_mb_s", "corpusbot_index_mb", "corpusbot_query_p50_ms", "corpusbot_query_p99_ms",
        "corpusbot_query_max_ms", "corpusbot_query_repeated_p50_ms", "corpusbot_query_repeated_p99_ms",
    ];

    private static void Print(Dictionary<string, double> figures, TextWriter output)
    {
        var table = new StringBuilder();
        table.AppendLine("| measure | CorpusBot | FTS5 | ratio |");
        table.AppendLine("|---|---|---|---|");
        Row("build (s)", "corpusbot_build_s", "fts5_build_s");
        Row("build (MB/s)", "corpusbot_build_mb_s", "fts5_build_mb_s");
        Row("index size (MB)", "corpusbot_index_mb", "fts5_index_mb");
        Row("first-time query p50 with excerpt (ms)", "corpusbot_query_p50_ms", "fts5_query_p50_ms");
        Row("first-time query p99 with excerpt (ms)", "corpusbot_query_p99_ms", "fts5_query_p99_ms");
        Row("first-time query max (ms)", "corpusbot_query_max_ms", "fts5_query_max_ms");
        Row("repeated query p50 (ms)", "corpusbot_query_repeated_p50_ms", "fts5_query_repeated_p50_ms");
        Row("repeated query p99 (ms)", "corpusbot_query_repeated_p99_ms", "fts5_query_repeated_p99_ms");
        foreach (var (key, value) in figures.Where(f => !f.Key.StartsWith("fts5", StringComparison.Ordinal) && !f.Key.StartsWith("ratio", StringComparison.Ordinal)
                     && !Tabled.Contains(f.Key)))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value:F3} | | |");
        }

        output.Write(table.ToString());

        void Row(string label, string ours, string theirs) =>
            table.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {figures[ours]:F3} | {figures[theirs]:F3} | {figures[ours] / Math.Max(figures[theirs], 1e-9):F2} |");
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
