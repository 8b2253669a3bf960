using System.Globalization;
using CorpusBot.Discord.Text;

namespace CorpusBot.Discord;

/// <summary>
/// The custom_id of a search page button carries everything needed to show that page ("search:3:query"),
/// so no session is kept on the server. A query too long to fit gets no buttons.
/// </summary>
internal static class SearchPaging
{
    private const string Prefix = "search:";

    public static string? Encode(int page, string query)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{page}:{query}");
        return id.Length <= DiscordLimits.CustomId ? id : null;
    }

    public static bool TryDecode(string? customId, out int page, out string query)
    {
        page = 0;
        query = string.Empty;
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = customId.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1)
        {
            return false;
        }

        query = rest[(colon + 1)..].ToString();
        return query.Length > 0;
    }
}
