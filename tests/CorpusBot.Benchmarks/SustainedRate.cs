using System.Diagnostics;
using System.Globalization;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Benchmarks;

/// <summary>
/// What a steady stream of people meets: <c>/search</c> with each benchmark query once (first-time queries), sent at a
/// fixed rate through the gateway of the whole bot against the loopback fake; prints the time from each interaction's
/// creation to its first callback (p50/p99/max and the slowest queries), how many were deferred, and the final answers' p99.
/// </summary>
internal static class SustainedRate
{
    public static async Task<int> RunAsync(double perSecond, string? collection, string? index)
    {
        var articles = collection ?? Path.GetFullPath("index/articles");
        await using var bot = await BenchBot.StartAsync(articles, index);
        var queries = Compare.Queries();
        var spacing = TimeSpan.FromSeconds(1 / perSecond);
        var clock = Stopwatch.StartNew();
        var ids = new List<string>(queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            var due = spacing * i - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            ids.Add(bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("search", ("query", queries[i]))));
        }

        var records = await Task.WhenAll(ids.Select(id => bot.Discord.WaitForFinalMessageAsync(id, TimeSpan.FromSeconds(120))));
        var first = records.Select(r => r.FirstCallbackSinceCreation?.TotalMilliseconds ?? double.MaxValue).Order().ToArray();
        var final = records.Select(r => r.FinalMessageSinceCreation?.TotalMilliseconds ?? double.MaxValue).Order().ToArray();
        var deferred = records.Count(r => r.InitialResponse is { Type: 5 or 6 });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries.Count} first-time /search at {perSecond:0.#}/s on {articles}: first callback p50 {At(first, 0.5):F0} ms, p99 {At(first, 0.99):F0} ms, max {first[^1]:F0} ms; deferred {deferred}; final answer p99 {At(final, 0.99):F0} ms; protocol violations {bot.Discord.Violations.Count}"));
        foreach (var (record, query) in records.Zip(queries).OrderByDescending(r => r.First.FirstCallbackSinceCreation).Take(3))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slowest first callback: {record.FirstCallbackSinceCreation?.TotalMilliseconds:F0} ms  {query}"));
        }

        return bot.Discord.Violations.Count == 0 ? 0 : 1;
    }

    private static double At(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
