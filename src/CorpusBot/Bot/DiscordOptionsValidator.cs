using CorpusBot.Discord;
using CorpusBot.Discord.Gateway;
using Microsoft.Extensions.Options;

namespace CorpusBot.Bot;

/// <summary>Checks the Discord settings when the bot starts, naming what to set. Never echoes the token.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (!options.UsesHttp && !string.Equals(options.Transport, "Gateway", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Discord:Transport must be Gateway (a WebSocket session, the default) or Http (Discord posts interactions to /interactions).");
        }

        if (options.UsesHttp && (options.PublicKey is not { Length: 64 } key || !key.All(char.IsAsciiHexDigit)))
        {
            failures.Add("Discord:PublicKey must be set for the Http transport: the 64 hex digits of \"Public Key\" on the application's General Information page (Discord__PublicKey).");
        }

        if (!options.HasToken)
        {
            if (!options.UsesHttp)
            {
                failures.Add("Discord:Token is not set. Set the environment variable Discord__Token to the bot token (developer portal \u2192 your application \u2192 Bot \u2192 Reset Token).");
            }
        }
        else if (options.Token.Any(char.IsWhiteSpace) || options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Discord:Token looks wrong: give the token alone, without spaces or a \"Bot \" prefix.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) address, normally https://discord.com/api/v10.");
        }

        if (!IsSnowflakeOrEmpty(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId must be the numeric application id (or empty, to take it from Discord).");
        }

        if (!IsSnowflakeOrEmpty(options.GuildId))
        {
            failures.Add("Discord:GuildId must be a numeric server id (or empty, to register the commands globally).");
        }

        if (options.MaxConcurrentInteractions is < 0 or > 256)
        {
            failures.Add("Discord:MaxConcurrentInteractions must be between 0 (one per core) and 256.");
        }

        if (options.DeferAfterMilliseconds is < 100 or > 2500)
        {
            failures.Add("Discord:DeferAfterMilliseconds must be between 100 and 2500 (Discord's deadline is 3000).");
        }

        if (!options.UsesHttp)
        {
            AddProblem(failures, ShardPlan.TryParse(options.ShardCount, options.ShardIds, out var shards) is null ? shards : null);
            AddProblem(failures, GatewayPresence.TryParse(options.Status, options.Activity, options.ActivityText, out var presence) is null ? presence : null);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddProblem(List<string> failures, string? problem)
    {
        if (problem is not null)
        {
            failures.Add(problem);
        }
    }

    private static bool IsSnowflakeOrEmpty(string? value) => string.IsNullOrWhiteSpace(value) || (value.Length <= 20 && value.All(char.IsAsciiDigit));
}
