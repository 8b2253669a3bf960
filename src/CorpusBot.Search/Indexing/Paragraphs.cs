using System.Text;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Indexing;

/// <summary>A paragraph of an article as a reader sees it, whatever the file's line breaks.</summary>
/// <param name="Text">Its text on one line.</param>
/// <param name="IsLeadIn">True for a line that introduces what follows ("Another said:").</param>
internal readonly record struct Paragraph(string Text, bool IsLeadIn);

/// <summary>
/// Reads an article body into paragraphs. A blank line always ends a paragraph; a single line break ends one
/// only where a reader would see a new paragraph (the line ends a sentence, or is a heading or a list item).
/// In hard-wrapped text, where most long lines break mid-sentence, only blank lines end paragraphs.
/// </summary>
internal static class Paragraphs
{
    private const int WrappedLineMinLength = 40;

    public static IEnumerable<Paragraph> Read(string body, string? title, IReadOnlySet<ulong>? repeated)
    {
        var lines = body.Split('\n');
        var wrapped = IsHardWrapped(lines);
        var current = new StringBuilder();
        var previous = string.Empty;
        var keys = repeated is { Count: > 0 } ? Array.ConvertAll(lines, l => RepeatedLines.Key(l)) : null;

        // An article most of whose lines recur elsewhere is a copy (syndicated, replicated), not furniture: keep it whole.
        if (keys is not null && SharedShare(keys, repeated!) > MaxSharedShare)
        {
            keys = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var unit = lines[i].Trim();
            if (Furniture.EndsArticle(unit))
            {
                break;
            }

            if (Furniture.IsFurniture(unit, title) || (keys?[i] is { } key && repeated!.Contains(key)))
            {
                // A blank or skipped line ends the paragraph (a skipped caption never glues two paragraphs together).
                if (current.Length > 0)
                {
                    yield return new Paragraph(current.ToString(), previous.EndsWith(':'));
                    current.Clear();
                }

                continue;
            }

            if (current.Length > 0 && !Continues(previous, unit, wrapped))
            {
                yield return new Paragraph(current.ToString(), previous.EndsWith(':'));
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(unit);
            previous = unit;
        }

        if (current.Length > 0)
        {
            yield return new Paragraph(current.ToString(), previous.EndsWith(':'));
        }
    }

    private const double MaxSharedShare = 0.5;

    private static double SharedShare(ulong?[] keys, IReadOnlySet<ulong> repeated)
    {
        var keyed = keys.Count(k => k is not null);
        return keyed == 0 ? 0 : (double)keys.Count(k => k is { } key && repeated.Contains(key)) / keyed;
    }

    // Whether a line carries on the paragraph of the line before it (no blank line between them).
    private static bool Continues(string previous, string line, bool wrapped)
    {
        if (previous.EndsWith(':') || IsListItem(line) || IsHeading(previous))
        {
            return false;
        }

        return wrapped || (!EndsSentence(previous) && previous.Length >= WrappedLineMinLength && !IsHeading(line));
    }

    // Hard-wrapped text: most of its long lines stop mid-sentence.
    private static bool IsHardWrapped(string[] lines)
    {
        var (longLines, open) = (0, 0);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length >= WrappedLineMinLength)
            {
                longLines++;
                open += EndsSentence(line) ? 0 : 1;
            }
        }

        return longLines >= 5 && open * 2 > longLines;
    }

    private static bool EndsSentence(string line)
    {
        var end = line.Length - 1;
        while (end >= 0 && (line[end] is ')' or ']' || TextNormalizer.IsQuoteMark(line[end])))
        {
            end--;
        }

        return end >= 0 && line[end] is '.' or '!' or '?' or '\u2026' or ':' or ';';
    }

    private static bool IsListItem(string line) =>
        line.Length > 1 && (line[0] is '-' or '*' or '\u2022' or '\u2013' || (char.IsDigit(line[0]) && line.IndexOfAny(['.', ')']) is > 0 and < 4));

    // A short line in title case with no sentence end: a heading, not the start of a sentence that wraps.
    private static bool IsHeading(string line)
    {
        if (line.Length > 120 || EndsSentence(line))
        {
            return false;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var capitalised = words.Count(w => char.IsUpper(w[0]) || !char.IsLetter(w[0]));
        return words.Length > 0 && capitalised * 4 >= words.Length * 3;
    }
}
