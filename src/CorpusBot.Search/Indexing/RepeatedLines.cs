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
    public static HashSet<ulong> Keys(string body)
    {
        // Lines as PassageSplitter cuts them (at '\n' only), without allocating each.
        var keys = new HashSet<ulong>();
        var rest = body.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            if (Key(end < 0 ? rest : rest[..end]) is { } key)
            {
                keys.Add(key);
            }

            if (end < 0)
            {
                return keys;
            }

            rest = rest[(end + 1)..];
        }
    }

    /// <summary>The keys as stored with an article: hexadecimal, space-separated.</summary>
    public static string Format(IEnumerable<ulong> keys) =>
        string.Join(' ', keys.Select(k => k.ToString("x16", CultureInfo.InvariantCulture)));

    /// <summary>Reads keys stored by <see cref="Format"/>; anything unreadable is left out.</summary>
    public static ulong[] Parse(string? stored) =>
        [.. (stored ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => ulong.TryParse(k, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var key) ? key : (ulong?)null)
            .OfType<ulong>()];

    /// <summary>The hash of one line (case, spacing and typography ignored), or null for a short line.</summary>
    public static ulong? Key(ReadOnlySpan<char> line)
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

        return length < MinLength ? null : hash;
    }

    /// <summary>The keys found in at least two of the given articles.</summary>
    public static HashSet<ulong> Shared(IEnumerable<IReadOnlyCollection<ulong>> articles)
    {
        var counts = new Dictionary<ulong, int>();
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
