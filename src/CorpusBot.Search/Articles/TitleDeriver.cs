using System.Globalization;

namespace CorpusBot.Search.Articles;

/// <summary>
/// Settles an article's title: the given one; else the first line when it reads like a title; else one
/// derived from the source address or the opening sentence. A first line used as (or equal to) the
/// title is taken out of the body so it is not indexed as a passage.
/// </summary>
internal static class TitleDeriver
{
    private const int MaxDerivedLength = 90;

    public static (string Title, string Body) Resolve(string? givenTitle, string body, string? url, string id)
    {
        var (firstLine, rest) = SplitFirstLine(body);
        givenTitle = SourceFields.Clean(givenTitle);
        if (givenTitle is not null)
        {
            // Only a line of about the title's length can be the title again (and a first line may be a whole text).
            var sameAsFirst = firstLine is not null && firstLine.Length <= (2 * givenTitle.Length) + 16 && Comparable(firstLine) == Comparable(givenTitle);
            return (givenTitle, sameAsFirst ? rest : body);
        }

        if (firstLine is not null && ReadsLikeTitle(firstLine))
        {
            return (firstLine.Trim(), rest);
        }

        return (FromUrl(url) ?? FromText(body) ?? FromId(id), body);
    }

    internal static bool ReadsLikeTitle(string line)
    {
        line = line.Trim();
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return line.Length is >= 8 and <= 200
            && words.Length is >= 2 and <= 30
            && !line.EndsWith('.') && !line.EndsWith(':') && !line.EndsWith(',')
            && !line.Contains('@') && !line.Contains("://", StringComparison.Ordinal)
            && (char.IsLetterOrDigit(line[0]) || line[0] is '"' or '\'' or '\u201C' or '\u2018');
    }

    private static (string? First, string Remainder) SplitFirstLine(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.Length == 0)
        {
            return (null, body);
        }

        var end = trimmed.IndexOf('\n');
        return end < 0 ? (trimmed, string.Empty) : (trimmed[..end], trimmed[(end + 1)..]);
    }

    private static string Comparable(string text) =>
        new([.. Text.TextNormalizer.Normalize(text).ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    private static string? FromUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var slug = uri.Segments.Select(s => Uri.UnescapeDataString(s.Trim('/'))).LastOrDefault(s => s.Count(c => c == '-') >= 2);
        if (slug is null)
        {
            return null;
        }

        slug = Path.GetFileNameWithoutExtension(slug);
        var words = slug.Split('-', '_', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[^1].All(char.IsDigit) && words[^1].Length >= 4)
        {
            words.RemoveAt(words.Count - 1);
        }

        var title = string.Join(' ', words.Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
        return title.Length >= 8 ? Shorten(title) : null;
    }

    private static string? FromText(string body)
    {
        foreach (var line in body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Count(char.IsLetter) < 20)
            {
                continue;
            }

            var sentenceEnd = line.IndexOfAny(['.', '!', '?']);
            var sentence = sentenceEnd > 20 ? line[..sentenceEnd] : line;
            return Shorten(sentence);
        }

        return null;
    }

    private static string FromId(string id) => Path.GetFileName(id).Replace('_', ' ').Replace('-', ' ');

    private static string Shorten(string text)
    {
        if (text.Length <= MaxDerivedLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxDerivedLength - 1);
        return string.Concat(text.AsSpan(0, cut > 20 ? cut : MaxDerivedLength - 1), "\u2026");
    }
}
