using CorpusBot.Discord;
using CorpusBot.Discord.Gateway;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Rest;
using CorpusBot.Hosting;
using CorpusBot.Search.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Bot;

/// <summary>Runs the gateway, registers the commands once READY, and hands interactions to the dispatcher.</summary>
internal sealed partial class DiscordBotService(
    GatewayClient gateway,
    DiscordRestClient rest,
    IndexHostedService index,
    CorpusSearcher searcher,
    InteractionDispatcher dispatcher,
    IOptions<DiscordOptions> options,
    BotExit exit,
    IHostApplicationLifetime lifetime,
    GatewayHealth health,
    BotPresence presence,
    ReplyWarmUp warmUp,
    ILogger<DiscordBotService> logger) : BackgroundService
{
    private int _registered;

    private const int MinimumPoolThreads = 64;

    private static readonly TimeSpan PresenceCheckInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A burst of interactions means hundreds of HTTP calls in flight at once; the thread pool's slow
        // growth from its default minimum (one thread per core) would delay acknowledgements past 3 seconds.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumPoolThreads), Math.Max(completionPorts, MinimumPoolThreads));
        gateway.Ready += ready => _ = RegisterOnceAsync(ready, stoppingToken);
        gateway.StateChanged += health.Set;
        gateway.Presence = presence.Current;
        gateway.Dispatch += e =>
        {
            if (e.Name == "INTERACTION_CREATE")
            {
                dispatcher.Accept(e.Data);
            }
        };

        try
        {
            if (searcher.Stats().Articles == 0)
            {
                // A first start has no index yet: answering before it is built would tell people the collection is empty.
                LogWaitingForIndex(logger);
                await index.FirstPass.WaitAsync(stoppingToken);
            }

            await warmUp.RunAsync(stoppingToken);
            _ = KeepPresenceCurrentAsync(stoppingToken);
            await gateway.RunAsync(stoppingToken);
        }
        catch (GatewayFatalException ex)
        {
            health.Stopped();
            LogFatal(logger, ex.Message);
            exit.Fail();
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await dispatcher.DisposeAsync();
    }

    // "Watching 3,574 articles" should follow the collection: re-read it now and then, and send it when it changed.
    private async Task KeepPresenceCurrentAsync(CancellationToken stoppingToken)
    {
        var sent = presence.Current();
        using var timer = new PeriodicTimer(PresenceCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var now = presence.Current();
                    if (now is not null && now != sent && await gateway.UpdatePresenceAsync(now) > 0)
                    {
                        sent = now;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPresenceFailed(logger, ex.Message); // nobody awaits this loop: say so, and try again on the next tick
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RegisterOnceAsync(ReadyInfo ready, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        var applicationId = string.IsNullOrWhiteSpace(options.Value.ApplicationId) ? ready.ApplicationId : options.Value.ApplicationId;
        dispatcher.ApplicationId ??= applicationId;
        if (applicationId is null)
        {
            LogNoApplicationId(logger);
            return;
        }

        LogInvite(logger, $"https://discord.com/oauth2/authorize?client_id={applicationId}&scope=bot+applications.commands&permissions=0");
        if (!await CommandRegistration.TryRegisterAsync(rest, applicationId, options.Value, logger, cancellationToken))
        {
            // Let a later READY (a new session) try again.
            Interlocked.Exchange(ref _registered, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Building the index before connecting to Discord")]
    private static partial void LogWaitingForIndex(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: {Reason}")]
    private static partial void LogFatal(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the bot's presence failed ({Problem}); trying again shortly")]
    private static partial void LogPresenceFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invite the bot to a server with {InviteUrl}")]
    private static partial void LogInvite(ILogger logger, string inviteUrl);

    [LoggerMessage(Level = LogLevel.Error, Message = "READY carried no application id and Discord:ApplicationId is not set; commands cannot be registered")]
    private static partial void LogNoApplicationId(ILogger logger);
}

/// <summary>Carries a fatal stop out of the host to the process exit code.</summary>
internal sealed class BotExit
{
    public int Code { get; private set; }

    public void Fail() => Code = 1;
}
