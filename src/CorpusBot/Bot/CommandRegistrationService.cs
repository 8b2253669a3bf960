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

        if (string.IsNullOrWhiteSpace(settings.Token) || string.IsNullOrWhiteSpace(settings.ApplicationId))
        {
            LogSkipped(logger);
            return;
        }

        try
        {
            LogRegistered(logger, SlashCommands.All.Count, await SlashCommands.RegisterAsync(rest, settings.ApplicationId, settings, stoppingToken));
        }
        catch (Exception ex) when (ex is DiscordHttpException or HttpRequestException)
        {
            LogFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commands not registered: set Discord__Token and Discord__ApplicationId (or Discord__RegisterCommands=false to silence this)")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands {Scope}")]
    private static partial void LogRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the commands failed: {Problem}")]
    private static partial void LogFailed(ILogger logger, string problem);
}
