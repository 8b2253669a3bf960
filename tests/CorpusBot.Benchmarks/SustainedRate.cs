using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Benchmarks;

/// <summary>
/// What a steady stream of people meets: <c>/search</c> with each benchmark query once (first-time queries), sent at a
/// fixed rate through the gateway of the whole bot against the loopback fake; prints the time from each interaction's
/// creation to its first callback (p50/p99/max and the slowest queries), how many were deferred, and the final answers' p99.
/// Each run is its own process (<see cref="InNewProcessAsync"/> for the comparison), as a restarted bot would be: in a
/// process that has already answered, the code is compiled and the figures are a warm process's.
/// </summary>
internal static class SustainedRate
{
    /// <summary>The figures of one run; latencies in ms since each interaction's creation.</summary>
    public sealed record Result(int Sent, double P50, double P99, double Max, int Deferred, double FinalP99, int Violations, IReadOnlyList<SlowQuery> Slowest);

    /// <summary>One of the slowest queries: its first callback's latency.</summary>
    public sealed record SlowQuery(double Ms, string Query);

    /// <param name="json">Print the result as one JSON object (what <see cref="InNewProcessAsync"/> reads) instead of text.</param>
    public static async Task<int> RunAsync(double perSecond, string? collection, string? index, bool json = false)
    {
        var articles = collection ?? Path.GetFullPath("index/articles");
        var result = await MeasureAsync(perSecond, articles, index);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result));
            return result.Violations == 0 ? 0 : 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Sent} first-time /search at {perSecond:0.#}/s on {articles}: first callback p50 {result.P50:F0} ms, p99 {result.P99:F0} ms, max {result.Max:F0} ms; deferred {result.Deferred}; final answer p99 {result.FinalP99:F0} ms; protocol violations {result.Violations}"));
        foreach (var slow in result.Slowest)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slowest first callback: {slow.Ms:F0} ms  {slow.Query}"));
        }

        return result.Violations == 0 ? 0 : 1;
    }

    /// <summary>Runs <see cref="MeasureAsync"/> in a child process (a fresh bot, as after a restart) and reads its result.</summary>
    public static Task<Result> InNewProcessAsync(double perSecond, string articles, string index) =>
        ChildRun.RunAsync<Result>("sustained", perSecond.ToString(CultureInfo.InvariantCulture), "--collection", articles, "--index", index, "--json");

    public static async Task<Result> MeasureAsync(double perSecond, string articles, string? index)
    {
        await using var bot = await BenchBot.StartAsync(articles, index);
        var queries = Compare.Queries();
        var spacing = TimeSpan.FromSeconds(1 / perSecond);
        var clock = Stopwatch.StartNew();
        var ids = new List<string>(queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            var due = (spacing * i) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            ids.Add(bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("search", ("query", queries[i]))));
        }

        var records = await Task.WhenAll(ids.Select(id => bot.Discord.WaitForFinalMessageAsync(id, TimeSpan.FromSeconds(120))));
        var first = records.Select(r => r.FirstCallbackSinceCreation?.TotalMilliseconds ?? double.MaxValue).ToArray();
        var sorted = first.Order().ToArray();
        var final = records.Select(r => r.FinalMessageSinceCreation?.TotalMilliseconds ?? double.MaxValue).Order().ToArray();
        return new Result(
            records.Length,
            At(sorted, 0.5),
            At(sorted, 0.99),
            sorted[^1],
            records.Count(r => r.InitialResponse is { Type: 5 or 6 }),
            At(final, 0.99),
            bot.Discord.Violations.Count,
            [.. first.Zip(queries).OrderByDescending(x => x.First).Take(8).Select(x => new SlowQuery(x.First, x.Second))]);
    }

    private static double At(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
