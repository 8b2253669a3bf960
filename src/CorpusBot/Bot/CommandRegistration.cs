using CorpusBot.Discord;
using CorpusBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Bot;

/// <summary>
/// Registering the commands from a running bot: the gateway's READY and the HTTP mode's start both register through
/// here, so the outcome is logged the same way (under the caller's logger) and a Discord refusal never stops the bot.
/// </summary>
internal static partial class CommandRegistration
{
    /// <summary>The settings registering needs when there is no READY to take the application id from.</summary>
    public const string NeededSettings = "Discord__Token and Discord__ApplicationId";

    /// <summary>Registers the commands and logs how it went; false when Discord (or the network) refused.</summary>
    public static async Task<bool> TryRegisterAsync(DiscordRestClient rest, string applicationId, DiscordOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            LogRegistered(logger, SlashCommands.All.Count, await SlashCommands.RegisterAsync(rest, applicationId, options, cancellationToken));
            return true;
        }
        catch (Exception ex) when (ex is DiscordHttpException or HttpRequestException)
        {
            LogRegistrationFailed(logger, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} commands {Scope}")]
    private static partial void LogRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the commands failed: {Problem}")]
    private static partial void LogRegistrationFailed(ILogger logger, string problem);
}
