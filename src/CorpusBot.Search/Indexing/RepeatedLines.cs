using System.Globalization;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// Lines that recur word for word across articles of one source (an outlet's author bio, its newsletter prompt)
/// are page furniture. Repetition alone is no evidence: news repeats statements and quotes from outlet to outlet,
/// and those must stay searchable and quotable in every article that carries them. So a recurring line counts as
/// furniture only when every article carrying it comes from the same source and either it sits at the edges of
/// those pages (where chrome goes) or it recurs in many of them; a line with quoted speech never does.
/// Each article's lines are kept as short hashes so the count can be taken without re-reading the collection.
/// </summary>
internal static class RepeatedLines
{
    private const int MinLength = 20;

    /// <summary>How many keyed lines at the top and at the bottom of an article count as its edges.</summary>
    private const int EdgeLines = 3;

    /// <summary>A line of one source that recurs in this many of its articles is furniture wherever it sits.</summary>
    public const int ManyArticles = 5;

    // The low bits of a stored key carry what was seen of the line in that article; counting ignores them.
    private const ulong QuotedFlag = 1;
    private const ulong EdgeFlag = 2;
    private const ulong FlagMask = QuotedFlag | EdgeFlag;

    /// <summary>The keys of an article's lines long enough to be worth counting, each flagged with its position and quotes.</summary>
    public static HashSet<ulong> Keys(string body)
    {
        // Lines as PassageSplitter cuts them (at '\n' only), without allocating each.
        var keyed = new List<(ulong Key, bool Quoted)>();
        var rest = body.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (Key(line) is { } key)
            {
                keyed.Add((key, HasQuotedSpeech(line)));
            }

            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        // One key per distinct line: at the edges only if every copy of it is, quoted if any copy is.
        var flags = new Dictionary<ulong, ulong>(keyed.Count);
        for (var i = 0; i < keyed.Count; i++)
        {
            var edge = i < EdgeLines || i >= keyed.Count - EdgeLines;
            var seen = (keyed[i].Quoted ? QuotedFlag : 0) | (edge ? EdgeFlag : 0);
            flags[keyed[i].Key] = flags.TryGetValue(keyed[i].Key, out var before) ? ((before | seen) & QuotedFlag) | (before & seen & EdgeFlag) : seen;
        }

        return [.. flags.Select(f => f.Key | f.Value)];
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

        return length < MinLength ? null : hash & ~FlagMask;
    }

    /// <summary>
    /// The keys (as <see cref="Key"/> gives them) that are furniture, given each article's source (its outlet or
    /// site; articles that name none are grouped by folder) and its keys from <see cref="Keys"/>.
    /// </summary>
    public static HashSet<ulong> Furniture(IEnumerable<(string Source, IReadOnlyCollection<ulong> Keys)> articles)
    {
        var tallies = new Dictionary<ulong, Tally>();
        foreach (var (source, keys) in articles)
        {
            foreach (var stored in keys)
            {
                var key = stored & ~FlagMask;
                ref var tally = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(tallies, key, out var exists);
                if (!exists)
                {
                    tally.Source = source;
                }
                else if (!string.Equals(tally.Source, source, StringComparison.Ordinal))
                {
                    tally.ManySources = true;
                }

                tally.Articles++;
                tally.AtEdges += (stored & EdgeFlag) != 0 ? 1 : 0;
                tally.Quoted |= (stored & QuotedFlag) != 0;
            }
        }

        return [.. tallies.Where(t => t.Value.IsFurniture).Select(t => t.Key)];
    }

    /// <summary>The source an article's repeated lines are counted under: its outlet, else its site, else its folder.</summary>
    public static string SourceOf(string articleId, string? outlet, string? url)
    {
        if (!string.IsNullOrWhiteSpace(outlet))
        {
            return "outlet:" + outlet.Trim().ToLowerInvariant();
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            var host = address.Host.ToLowerInvariant();
            return "site:" + (host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host);
        }

        var slash = articleId.LastIndexOf('/');
        return "folder:" + (slash < 0 ? string.Empty : articleId[..slash]);
    }

    // Quoted speech: a double quotation mark (straight, curly or guillemet), or a single-quoted span ‘…’.
    private static bool HasQuotedSpeech(ReadOnlySpan<char> line)
    {
        if (line.IndexOfAny("\"\u201C\u201D\u201E\u00AB\u00BB") >= 0)
        {
            return true;
        }

        var open = line.IndexOf('\u2018');
        return open >= 0 && line[(open + 1)..].IndexOf('\u2019') > 0;
    }

    private struct Tally
    {
        public string Source;
        public bool ManySources;
        public int Articles;
        public int AtEdges;
        public bool Quoted;

        public readonly bool IsFurniture =>
            Articles >= 2 && !ManySources && !Quoted && (AtEdges == Articles || Articles >= ManyArticles);
    }
}
