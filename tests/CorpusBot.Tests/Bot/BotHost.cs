using CorpusBot.Bot;
using CorpusBot.Cli;
using CorpusBot.Discord;
using CorpusBot.Hosting;
using CorpusBot.Testing.FakeDiscord;
using CorpusBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Tests.Bot;

/// <summary>The whole bot (index service, commands, Discord layer) against a loopback fake Discord and a temp corpus.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private BotHost(FakeDiscordServer discord, CliHarness corpus, IHost host, CapturingLoggerProvider logs)
    {
        Discord = discord;
        Corpus = corpus;
        Host = host;
        Logs = logs;
    }

    public FakeDiscordServer Discord { get; }

    public CliHarness Corpus { get; }

    public IHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    public int ExitCode => Host.Services.GetRequiredService<BotExit>().Code;

    public static async Task<BotHost> StartAsync(FakeDiscordOptions? fake = null, Action<Dictionary<string, string?>>? configure = null, bool waitForIndex = true)
    {
        var discord = await FakeDiscordServer.StartAsync(fake);
        var corpus = new CliHarness();
        var settings = corpus.Settings;
        settings["Discord:Token"] = discord.Options.Token;
        settings["Discord:ApiBaseUrl"] = discord.ApiBaseUrl;
        settings["Corpus:Watch"] = "false"; // tests change the folder and then /reindex; a watcher would race them
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:LogLevel:Microsoft"] = "Warning";
        configure?.Invoke(settings);
        var builder = AppHost.CreateBuilder(new CliContext(TextWriter.Null, TextWriter.Null, settings));
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Services.AddDiscordBot(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        if (waitForIndex)
        {
            await host.Services.GetRequiredService<IndexHostedService>().FirstPass.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return new BotHost(discord, corpus, host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await Host.StopAsync(timeout.Token);
        }

        Host.Dispose();
        await Discord.DisposeAsync();
        Corpus.Dispose();
    }
}
