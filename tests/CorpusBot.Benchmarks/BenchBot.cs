using CorpusBot.Bot;
using CorpusBot.Cli;
using CorpusBot.Hosting;
using CorpusBot.Search.Semantic;
using CorpusBot.Semantic;
using CorpusBot.Testing.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Benchmarks;

/// <summary>The whole gateway bot against the loopback fake Discord, in this process, ready to take interactions.</summary>
internal sealed class BenchBot : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _ownedIndex;

    private BenchBot(FakeDiscordServer discord, IHost host, string? ownedIndex)
    {
        Discord = discord;
        _host = host;
        _ownedIndex = ownedIndex;
    }

    public FakeDiscordServer Discord { get; }

    /// <summary>
    /// Starts the bot on <paramref name="articles"/>, with the index at <paramref name="index"/> (built there if needed and
    /// kept) or in a temporary folder (deleted afterwards); returns once the index, its vectors and the session are ready.
    /// </summary>
    public static async Task<BenchBot> StartAsync(string articles, string? index = null)
    {
        var discord = await FakeDiscordServer.StartAsync();
        var ownedIndex = index is null ? Path.Combine(Path.GetTempPath(), "corpusbot-bench-bot-" + Guid.NewGuid().ToString("n")) : null;
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:ArticlesPath"] = articles,
            ["Corpus:IndexPath"] = index ?? ownedIndex,
            ["Corpus:Watch"] = "false",
            ["Discord:Token"] = discord.Options.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var builder = AppHost.CreateBuilder(new CliContext(TextWriter.Null, TextWriter.Null, settings));
        builder.Services.AddDiscordBot(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IndexHostedService>().FirstPass;
        await VectorsReadyAsync(host.Services.GetRequiredService<SemanticIndex>());
        await discord.WaitForReadyAsync(TimeSpan.FromSeconds(30));
        return new BenchBot(discord, host, ownedIndex);
    }

    /// <summary>
    /// A running bot has its passage vectors on disk; a fresh index embeds them in the background after the first
    /// pass, which would compete with the measurement for the cores. Wait for that, as a restarted bot would not have it.
    /// </summary>
    private static async Task VectorsReadyAsync(SemanticIndex semantic)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (semantic.Coverage.State == SemanticState.Building && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await Discord.DisposeAsync();
        if (_ownedIndex is not null)
        {
            Directory.Delete(_ownedIndex, recursive: true);
        }
    }
}
