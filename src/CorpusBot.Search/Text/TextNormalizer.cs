using System.Collections.Frozen;
using System.Text;

namespace CorpusBot.Search.Text;

/// <summary>
/// One table of typographic variants (curly quotes, dashes, odd spaces, ampersands) folded to a single
/// form. The same table feeds the analyzers' char filter and plain-string normalisation, so the index,
/// the queries and the quote matcher can never disagree about what counts as "the same text".
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Every mapping: one character to what it becomes.</summary>
    internal static IReadOnlyList<(string From, string To)> Mappings { get; } = BuildMappings();

    private static readonly FrozenDictionary<char, string> ByChar = Mappings.ToDictionary(m => m.From[0], m => m.To).ToFrozenDictionary();

    // Most text is ASCII, and only two ASCII characters are mapped: answer those without a lookup.
    private static readonly string?[] AsciiReplacements = BuildAsciiReplacements();

    /// <summary>What <paramref name="c"/> is replaced by, or null when it stays as it is.</summary>
    public static string? ReplacementFor(char c) =>
        c < 128 ? AsciiReplacements[c] : ByChar.GetValueOrDefault(c);

    /// <summary>Folds typographic variants in <paramref name="text"/> exactly as the analyzers do.</summary>
    public static string Normalize(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (ReplacementFor(text[i]) is { } replacement)
            {
                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                builder.Append(replacement);
            }
            else
            {
                builder?.Append(text[i]);
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// The single-character form of <paramref name="c"/> ('\0' when it folds to nothing); characters that expand
    /// (such as '&amp;') are kept as they are. For hashing text without building a normalised copy.
    /// </summary>
    public static char Fold(char c) =>
        ReplacementFor(c) is { } to ? to.Length switch { 0 => '\0', 1 => to[0], _ => c } : c;

    /// <summary>True for a single or double quotation mark in any of its typographic forms.</summary>
    public static bool IsQuoteMark(char c) => c is '"' or '\'' || ReplacementFor(c) is "\"" or "'";

    /// <summary>True for an opening or neutral double quotation mark (or guillemet).</summary>
    public static bool IsDoubleQuote(char c) => c == '"' || ReplacementFor(c) == "\"";

    private static string?[] BuildAsciiReplacements()
    {
        var table = new string?[128];
        foreach (var (from, to) in Mappings.Where(m => m.From[0] < 128))
        {
            table[from[0]] = to;
        }

        return table;
    }

    private static (string, string)[] BuildMappings()
    {
        var list = new List<(string, string)>();
        void Map(string chars, string to)
        {
            foreach (var c in chars)
            {
                list.Add((c.ToString(), to));
            }
        }

        Map("\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u02BC", "'");
        Map("\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB", "\"");
        Map("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-");
        Map("\u00A0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000", " ");
        Map("\u00AD\u200B\u2060\uFEFF", string.Empty);
        Map("&", " and ");
        return [.. list];
    }
}
