using System.Text.RegularExpressions;

namespace CorpusBot.Search.Articles;

/// <summary>Strips the Markdown syntax that would otherwise show up in excerpts.</summary>
internal static partial class MarkdownText
{
    public static string ToPlain(string markdown)
    {
        var text = Image().Replace(markdown, string.Empty);
        text = Link().Replace(text, "$1");
        text = Heading().Replace(text, string.Empty);
        text = Emphasis().Replace(text, "$2");
        return text;
    }

    [GeneratedRegex(@"!\[[^\]\n]*\]\([^)\n]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]\n]+)\]\([^)\n]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(\*\*|__)(\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();
}
