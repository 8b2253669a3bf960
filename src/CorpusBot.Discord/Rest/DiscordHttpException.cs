namespace CorpusBot.Discord.Rest;

/// <summary>Discord refused a request. The message names the route template, never the token or ids.</summary>
public sealed class DiscordHttpException(int status, int? code, string route, string? discordMessage)
    : Exception($"Discord answered {status}{(code is null ? string.Empty : $" (code {code})")} to {route}: {discordMessage}")
{
    /// <summary>The HTTP status; 0 when the request was not sent at all (backing off from the invalid-request limit).</summary>
    public int Status { get; } = status;

    /// <summary>Discord's JSON error code, when given (e.g. 10062 unknown interaction, 40060 already acknowledged).</summary>
    public int? Code { get; } = code;
}
