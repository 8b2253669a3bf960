using System.Diagnostics;
using System.Globalization;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Benchmarks;

/// <summary>
/// The whole bot against the loopback fake Discord (both in this process, sharing its cores): N slash
/// commands dispatched at once; prints the time from each interaction's creation to its first callback
/// (due within 3 s) and to its final answer (the target: within 2 s).
/// </summary>
internal static class InteractionBurst
{
    private static readonly string[] Questions =
    [
        "When was the ceasefire declared?", "Who called Ruffalo spineless?", "sanctions South Africa",
        "Why did Mark Ruffalo apologize?", "All That's Left of You", "genocide definition",
    ];

    /// <summary>The figures of one burst; first-callback and final-answer latencies in ms since creation.</summary>
    public sealed record Result(double PerSecond, double P50, double P99, double Max, int OverThreeSeconds, int Violations)
    {
        public double FinalP50 { get; init; }
        public double FinalP99 { get; init; }
        public double FinalMax { get; init; }
        public int FinalOverTwoSeconds { get; init; }
        public int Deferred { get; init; }
    }

    /// <param name="count">How many interactions are sent at once.</param>
    /// <param name="only">null for a mix of /ask, /search and /quote; or one of those names alone.</param>
    /// <param name="distinct">Each interaction asks something no other does (a question plus a word of the collection), so no answer is worked out once for many.</param>
    public static async Task<int> RunAsync(int count, string? only, bool distinct)
    {
        var result = await MeasureAsync(count, Path.GetFullPath("index/articles"), only, distinct);
        Console.Write(distinct ? "distinct questions: " : $"{Questions.Length} questions repeated: ");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} interactions, {result.PerSecond:F0}/s; first callback p50 {result.P50:F0} ms, p99 {result.P99:F0} ms, max {result.Max:F0} ms, over 3 s: {result.OverThreeSeconds}; final answer p50 {result.FinalP50:F0} ms, p99 {result.FinalP99:F0} ms, max {result.FinalMax:F0} ms, over 2 s: {result.FinalOverTwoSeconds}; deferred: {result.Deferred}; protocol violations: {result.Violations}"));
        return result.OverThreeSeconds == 0 && result.Violations == 0 ? 0 : 1;
    }

    public static async Task<Result> MeasureAsync(int count, string articles, string? only = null, bool distinct = false)
    {
        await using var bot = await BenchBot.StartAsync(articles);
        var discord = bot.Discord;

        var words = distinct ? CollectionWords(articles) : [];
        string Text(int i) => distinct ? $"{Questions[i % Questions.Length]} {words[i / Questions.Length % words.Length]}" : Questions[i % Questions.Length];
        var clock = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, count).Select(i => discord.DispatchInteraction((only switch { "ask" => 0, "search" => 1, "quote" => 2, _ => i % 3 }) switch
        {
            0 => FakeDiscordServer.SlashCommand("ask", ("question", Text(i))),
            1 => FakeDiscordServer.SlashCommand("search", ("query", Text(i))),
            _ => FakeDiscordServer.SlashCommand("quote", ("text", Text(i))),
        })).ToList();
        var records = await Task.WhenAll(ids.Select(id => discord.WaitForFinalMessageAsync(id, TimeSpan.FromSeconds(120))));
        var elapsed = clock.Elapsed;

        var first = Sorted(records.Select(r => r.FirstCallbackSinceCreation));
        var final = Sorted(records.Select(r => r.FinalMessageSinceCreation));
        var violations = discord.Violations.Count;
        return new Result(count / elapsed.TotalSeconds, At(first, 0.50), At(first, 0.99), first[^1], first.Count(l => l >= 3000), violations)
        {
            FinalP50 = At(final, 0.50),
            FinalP99 = At(final, 0.99),
            FinalMax = final[^1],
            FinalOverTwoSeconds = final.Count(l => l >= 2000),
            Deferred = records.Count(r => r.InitialResponse is { Type: 5 or 6 }),
        };
    }

    /// <summary>The collection's own words (four letters or more), each once, in a fixed order.</summary>
    private static string[] CollectionWords(string articles) =>
        [.. Directory.EnumerateFiles(articles).Order(StringComparer.Ordinal)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"\b[A-Za-z]{4,}\b").Select(m => m.Value.ToLowerInvariant()))
            .Distinct()];

    private static double[] Sorted(IEnumerable<TimeSpan?> latencies) =>
        latencies.Select(l => l?.TotalMilliseconds ?? double.MaxValue).Order().ToArray();

    private static double At(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
