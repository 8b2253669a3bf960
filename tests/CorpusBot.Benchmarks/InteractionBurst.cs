using System.Diagnostics;
using System.Globalization;
using CorpusBot.Cli;
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

    public static async Task<int> RunAsync(int count)
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var index = Path.Combine(Path.GetTempPath(), "corpusbot-burst-" + Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:ArticlesPath"] = Path.GetFullPath("index/articles"),
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} interactions, all answered in {elapsed.TotalMilliseconds:F0} ms; first-callback latency p50 {At(0.50):F0} ms, p90 {At(0.90):F0} ms, p99 {At(0.99):F0} ms, max {latencies[^1]:F0} ms; over 3 s: {latencies.Count(l => l >= 3000)}; deferred: {records.Count(r => r.Callbacks[0].Type == 5)}; protocol violations: {discord.Violations.Count}"));
        await host.StopAsync();
        Directory.Delete(index, recursive: true);
        return latencies[^1] < 3000 && discord.Violations.Count == 0 ? 0 : 1;
    }
}
