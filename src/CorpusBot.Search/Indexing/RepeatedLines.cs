using System.Globalization;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// Lines that recur word for word in several articles (author bios, newsletter prompts, "Most Read" lists) are
/// page furniture, whatever they say. Each article's lines are kept as short hashes so the count can be taken
/// over the whole collection without re-reading it.
/// </summary>
internal static class RepeatedLines
{
    private const int MinLength = 20;

    /// <summary>The hashes of an article's lines long enough to be worth counting.</summary>
    public static HashSet<string> Keys(string body)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in body.Split('\n'))
        {
            if (Key(line) is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>The hash of one line (case, spacing and typography ignored), or null for a short line.</summary>
    public static string? Key(string line)
    {
        if (line.Length < MinLength)
        {
            return null;
        }

        // FNV-1a over the lower-cased characters with runs of spaces folded, computed without building the
        // normalised string (this runs on every line of every article). Stable across runs, unlike GetHashCode.
        var hash = 14695981039346656037UL;
        var length = 0;
        var space = true;
        foreach (var raw in line)
        {
            var c = TextNormalizer.Fold(raw);
            if (c == '\0')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (space)
                {
                    continue;
                }

                space = true;
                c = ' ';
            }
            else
            {
                space = false;
                c = char.ToLowerInvariant(c);
            }

            hash = (hash ^ c) * 1099511628211UL;
            length++;
        }

        return length < MinLength ? null : hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The keys found in at least two of the given articles.</summary>
    public static HashSet<string> Shared(IEnumerable<IReadOnlyCollection<string>> articles)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var keys in articles)
        {
            foreach (var key in keys)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return [.. counts.Where(c => c.Value >= 2).Select(c => c.Key)];
    }
}
