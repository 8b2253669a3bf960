using CorpusBot.Bot;
using CorpusBot.Discord;
using CorpusBot.Discord.Rest;
using CorpusBot.Replies;
using CorpusBot.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Commands;

/// <summary>register: bulk-overwrites the Discord commands (for the HTTP transport, which has no READY to wait for).</summary>
internal static class RegisterCommand
{
    public const string Name = "register";

    public static async Task<Reply> ExecuteAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IConfiguration>().GetSection(DiscordOptions.Section).Get<DiscordOptions>() ?? new DiscordOptions();
        if (string.IsNullOrWhiteSpace(options.Token) || string.IsNullOrWhiteSpace(options.ApplicationId))
        {
            throw new CorpusException("Set Discord__Token and Discord__ApplicationId to register the commands.");
        }

        using var rest = new DiscordRestClient(options, NullLogger<DiscordRestClient>.Instance);
        var scope = await SlashCommands.RegisterAsync(rest, options.ApplicationId, options, cancellationToken);
        return new Reply(Name, null, ReplyKind.Info, $"Registered {SlashCommands.All.Count} commands {scope}.", []);
    }
}
