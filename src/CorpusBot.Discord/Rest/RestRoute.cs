namespace CorpusBot.Discord.Rest;

/// <summary>
/// A REST request's route: the concrete path to call and the key its rate limit is tracked under
/// (method + path template + the top-level resource, which Discord limits separately).
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path under the API base, e.g. "interactions/1/abc/callback".</param>
/// <param name="Template">The path with ids replaced, e.g. "POST interactions/{id}/{token}/callback" (safe to log).</param>
/// <param name="MajorParameter">The top-level resource id (channel, guild, webhook id+token, interaction id).</param>
/// <param name="IsInteractionRoute">Interaction callbacks and interaction webhooks are exempt from the global limit.</param>
/// <param name="IsRetrySafe">Whether a request that failed with a 5xx or a dropped connection may be sent again.</param>
internal sealed record RestRoute(HttpMethod Method, string Path, string Template, string MajorParameter, bool IsInteractionRoute, bool IsRetrySafe)
{
    public string LimitKey => $"{Template}:{MajorParameter}";

    /// <summary>
    /// Interaction callbacks and interaction webhooks are authenticated by the token in their path and take no
    /// Authorization header (webhook docs: "do not require a bot user or authentication"); every other route does.
    /// </summary>
    public bool UsesBotToken => !IsInteractionRoute;

    /// <summary>The initial response to an interaction, due within 3 seconds of its creation.</summary>
    public bool IsCallback => Template.EndsWith("/callback", StringComparison.Ordinal);

    public static RestRoute GatewayBot() => new(HttpMethod.Get, "gateway/bot", "GET gateway/bot", string.Empty, false, true);

    public static RestRoute GlobalCommands(string applicationId) =>
        new(HttpMethod.Put, $"applications/{applicationId}/commands", "PUT applications/{app}/commands", applicationId, false, true);

    public static RestRoute GuildCommands(string applicationId, string guildId) =>
        new(HttpMethod.Put, $"applications/{applicationId}/guilds/{guildId}/commands", "PUT applications/{app}/guilds/{guild}/commands", guildId, false, true);

    // A repeated callback is refused by Discord ("already acknowledged"), so it can never answer twice: safe to retry.
    public static RestRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, $"interactions/{interactionId}/{token}/callback", "POST interactions/{id}/{token}/callback", interactionId, true, true);

    public static RestRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, $"webhooks/{applicationId}/{token}/messages/@original?with_components=true", "PATCH webhooks/{app}/{token}/messages/@original", applicationId + token, true, true);

    public static RestRoute DeleteOriginal(string applicationId, string token) =>
        new(HttpMethod.Delete, $"webhooks/{applicationId}/{token}/messages/@original", "DELETE webhooks/{app}/{token}/messages/@original", applicationId + token, true, true);

    // A followup that reached Discord before the connection failed would be posted twice: never retried blindly.
    public static RestRoute Followup(string applicationId, string token) =>
        new(HttpMethod.Post, $"webhooks/{applicationId}/{token}?with_components=true", "POST webhooks/{app}/{token}", applicationId + token, true, false);
}
