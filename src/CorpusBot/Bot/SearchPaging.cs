using System.Globalization;
using CorpusBot.Discord.Text;
using CorpusBot.Replies;

namespace CorpusBot.Bot;

/// <summary>
/// The custom_id of a search page button carries everything needed to show that page
/// ("search:3:r:2021:2021-06:query": page, order, dates, query), so no session is kept on the server.
/// A query too long to fit gets no buttons.
/// </summary>
internal static class SearchPaging
{
    private const string Prefix = "search:";

    public static string? Encode(int page, string query, SearchFilter? filter = null)
    {
        filter ??= SearchFilter.None;
        var id = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{page}:{(filter.Newest ? 'n' : 'r')}:{filter.From}:{filter.To}:{query}");
        return id.Length <= DiscordLimits.CustomId ? id : null;
    }

    public static bool TryDecode(string? customId, out int page, out string query, out SearchFilter filter)
    {
        page = 0;
        query = string.Empty;
        filter = SearchFilter.None;
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = customId[Prefix.Length..].Split(':', 5);
        if (parts.Length != 5 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || parts[4].Length == 0)
        {
            return false;
        }

        query = parts[4];
        filter = new SearchFilter(Empty(parts[2]), Empty(parts[3]), parts[1] == "n");
        return true;
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
