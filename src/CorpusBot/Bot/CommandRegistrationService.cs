using CorpusBot.Discord;
using CorpusBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Bot;

/// <summary>In HTTP mode (no READY to wait for): registers the commands once at start when a token and application id are set.</summary>
internal sealed partial class CommandRegistrationService(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RegisterCommands)
        {
            return;
        }

        if (!settings.CanRegisterWithoutReady)
        {
            LogSkipped(logger);
            return;
        }

        await CommandRegistration.TryRegisterAsync(rest, settings.ApplicationId, settings, logger, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commands not registered: set " + CommandRegistration.NeededSettings + " (or Discord__RegisterCommands=false to silence this)")]
    private static partial void LogSkipped(ILogger logger);
}
