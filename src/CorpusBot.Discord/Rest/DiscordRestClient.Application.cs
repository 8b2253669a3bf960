using CorpusBot.Discord.Models;

namespace CorpusBot.Discord.Rest;

public sealed partial class DiscordRestClient
{
    /// <summary>GET /applications/@me: the bot's application, with its owner or team (who may run operators' commands).</summary>
    public async Task<ApplicationInfo> GetCurrentApplicationAsync(CancellationToken cancellationToken)
    {
        var route = new RestRoute(HttpMethod.Get, "applications/@me", "GET applications/@me", string.Empty, false, true);
        using var document = await SendForJsonAsync(route, null, cancellationToken);
        return DiscordJson.Deserialize<ApplicationInfo>(document.RootElement) ?? throw new InvalidDataException("GET applications/@me returned no body");
    }
}
