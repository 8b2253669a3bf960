using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Benchmarks;

/// <summary>
/// What users meet after a restart: a new process opens an index built earlier and answers each query once (first
/// time), then each once more (repeated, where CorpusBot may give the answer it worked out before). Both engines are
/// measured the same way, each in its own process, so neither is warmed by the other or by the build.
/// </summary>
internal static class QueryPass
{
    /// <summary>The latencies (ms) of one pass, in query order.</summary>
    public sealed record Figures(double[] First, double[] Repeated, string[] Queries)
    {
        public double P50 => At(First, 0.50);

        public double P99 => At(First, 0.99);

        public double Max => First.Max();

        public double RepeatedP50 => At(Repeated, 0.50);

        public double RepeatedP99 => At(Repeated, 0.99);

        /// <summary>The three slowest first-time queries.</summary>
        public IEnumerable<(double Ms, string Query)> Slowest => First.Zip(Queries).OrderByDescending(x => x.First).Take(3);

        private static double At(double[] samples, double q)
        {
            var sorted = samples.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
        }
    }

    /// <summary>Runs the pass in a child process: <paramref name="operation"/> is corpusbot-search, corpusbot-ask or fts5-search.</summary>
    public static Task<Figures> InNewProcessAsync(string operation, string indexPath) =>
        ChildRun.RunAsync<Figures>("query-pass", operation, indexPath);

    /// <summary>The child's side: open, answer each query once, then once more; print the figures as JSON.</summary>
    public static int Run(string operation, string indexPath)
    {
        var queries = Compare.Queries();
        Func<string, object> run;
        IDisposable engine;
        switch (operation)
        {
            case "fts5-search":
                var fts = Fts5Engine.Open(indexPath);
                (engine, run) = (fts, q => fts.Search(q));
                break;
            case "corpusbot-search" or "corpusbot-ask":
                var index = CorpusIndex.Open(indexPath, NullLogger.Instance);
                var searcher = new CorpusSearcher(index);
                (engine, run) = (index, operation == "corpusbot-ask" ? q => searcher.Ask(q) : q => searcher.Search(q));
                break;
            default:
                Console.Error.WriteLine($"unknown query pass {operation}");
                return 2;
        }

        using (engine)
        {
            var first = queries.Select(q => Time(run, q)).ToArray();
            var repeated = queries.Select(q => Time(run, q)).ToArray();
            Console.Out.Write(JsonSerializer.Serialize(new Figures(first, repeated, [.. queries])));
        }

        return 0;
    }

    private static double Time(Func<string, object> run, string query)
    {
        var clock = Stopwatch.StartNew();
        run(query);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Adds a pass's figures under <paramref name="prefix"/> and prints its slowest queries.</summary>
    public static void Record(Dictionary<string, double> figures, string prefix, Figures pass, TextWriter output)
    {
        figures[prefix + "_p50_ms"] = pass.P50;
        figures[prefix + "_p99_ms"] = pass.P99;
        figures[prefix + "_max_ms"] = pass.Max;
        figures[prefix + "_repeated_p50_ms"] = pass.RepeatedP50;
        figures[prefix + "_repeated_p99_ms"] = pass.RepeatedP99;
        foreach (var (ms, query) in pass.Slowest)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slowest first-time ({prefix}): {ms:F1} ms  {query}"));
        }
    }
}
