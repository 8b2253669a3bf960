using System.Globalization;
using System.Text;
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
        var normalized = string.Join(' ', TextNormalizer.Normalize(line).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (normalized.Length < MinLength)
        {
            return null;
        }

        var hash = 14695981039346656037UL; // FNV-1a, 64 bit: stable across runs and machines, unlike string.GetHashCode
        foreach (var b in Encoding.UTF8.GetBytes(normalized))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
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
