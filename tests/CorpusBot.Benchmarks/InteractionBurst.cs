using System.Diagnostics;
using System.Globalization;
using CorpusBot.Cli;
using CorpusBot.Bot;
using CorpusBot.Discord;
using CorpusBot.Hosting;
using CorpusBot.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Benchmarks;

/// <summary>
/// The whole bot against the loopback fake Discord (both in this process, sharing its cores): N slash
/// commands dispatched at once; prints the time from each INTERACTION_CREATE to its first callback.
/// </summary>
internal static class InteractionBurst
{
    private static readonly string[] Questions =
    [
        "When was the ceasefire declared?", "Who called Ruffalo spineless?", "sanctions South Africa",
        "Why did Mark Ruffalo apologize?", "All That's Left of You", "genocide definition",
    ];

    public sealed record Result(double PerSecond, double P50, double P99, double Max, int OverThreeSeconds, int Violations);

    public static async Task<int> RunAsync(int count)
    {
        var result = await MeasureAsync(count, Path.GetFullPath("index/articles"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} interactions, {result.PerSecond:F0}/s; first-callback latency p50 {result.P50:F0} ms, p99 {result.P99:F0} ms, max {result.Max:F0} ms; over 3 s: {result.OverThreeSeconds}; protocol violations: {result.Violations}"));
        return result.OverThreeSeconds == 0 && result.Violations == 0 ? 0 : 1;
    }

    public static async Task<Result> MeasureAsync(int count, string articles)
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var index = Path.Combine(Path.GetTempPath(), "corpusbot-burst-" + Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:ArticlesPath"] = articles,
            ["Corpus:IndexPath"] = index,
            ["Corpus:Watch"] = "false",
            ["Discord:Token"] = discord.Options.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var builder = AppHost.CreateBuilder(new CliContext(TextWriter.Null, TextWriter.Null, settings));
        builder.Services.AddDiscordBot(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IndexHostedService>().FirstPass;
        await discord.WaitForReadyAsync(TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, count).Select(i => discord.DispatchInteraction((i % 3) switch
        {
            0 => FakeDiscordServer.SlashCommand("ask", ("question", Questions[i % Questions.Length])),
            1 => FakeDiscordServer.SlashCommand("search", ("query", Questions[i % Questions.Length])),
            _ => FakeDiscordServer.SlashCommand("quote", ("text", Questions[i % Questions.Length])),
        })).ToList();
        var records = await Task.WhenAll(ids.Select(id => discord.WaitForFinalMessageAsync(id, TimeSpan.FromSeconds(120))));
        var elapsed = clock.Elapsed;

        var latencies = records.Select(r => r.InitialResponseLatency?.TotalMilliseconds ?? double.MaxValue).Order().ToArray();
        double At(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        var violations = discord.Violations.Count;
        await host.StopAsync();
        Directory.Delete(index, recursive: true);
        return new Result(count / elapsed.TotalSeconds, At(0.50), At(0.99), latencies[^1], latencies.Count(l => l >= 3000), violations);
    }
}
