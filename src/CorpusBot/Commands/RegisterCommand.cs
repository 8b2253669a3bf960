using CorpusBot.Bot;
using CorpusBot.Discord;
using CorpusBot.Discord.Rest;
using CorpusBot.Hosting;
using CorpusBot.Replies;
using CorpusBot.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Commands;

/// <summary>register: bulk-overwrites the Discord commands (for the HTTP transport, which has no READY to wait for).</summary>
/// <remarks>
/// Reads the Discord section itself rather than the validated options: the command line registers none of the bot's
/// services, and only the token and application id matter here.
/// </remarks>
internal sealed class RegisterCommand(IConfiguration configuration)
{
    public const string Name = "register";

    public async Task<Reply> ExecuteAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(DiscordOptions.Section).ReadSection<DiscordOptions>();
        if (!options.CanRegisterWithoutReady)
        {
            throw new CorpusException($"Set {CommandRegistration.NeededSettings} to register the commands.");
        }

        using var rest = new DiscordRestClient(options, NullLogger<DiscordRestClient>.Instance);
        var scope = await SlashCommands.RegisterAsync(rest, options.ApplicationId, options, cancellationToken);
        return new Reply(Name, null, ReplyKind.Info, $"Registered {SlashCommands.All.Count} commands {scope}.", []);
    }
}
