using System.Globalization;
using CorpusBot.Discord;
using CorpusBot.Discord.Gateway;
using CorpusBot.Search.Engine;

namespace CorpusBot.Bot;

/// <summary>
/// The presence each shard sends when it identifies: <c>Discord:Status</c> and <c>Discord:Activity</c>, with
/// <c>{articles}</c> in <c>Discord:ActivityText</c> replaced by the collection's size (e.g. "Watching 3,574 articles").
/// </summary>
internal sealed class BotPresence(DiscordOptions options, CorpusSearcher searcher)
{
    /// <summary>The placeholder for the number of articles.</summary>
    public const string ArticlesPlaceholder = "{articles}";

    // The settings are checked at start, so they parse; read once.
    private readonly GatewayPresence? _configured = GatewayPresence.TryParse(options.Status, options.Activity, options.ActivityText, out _);

    /// <summary>The presence now: the configured one, with the collection's current size in its text.</summary>
    public GatewayPresence? Current()
    {
        var presence = _configured;
        if (presence?.Text is not { } text || !text.Contains(ArticlesPlaceholder, StringComparison.Ordinal))
        {
            return presence;
        }

        var articles = searcher.Stats().Articles.ToString("N0", CultureInfo.InvariantCulture);
        return presence with { Text = text.Replace(ArticlesPlaceholder, articles, StringComparison.Ordinal) };
    }
}
