using System.Text;

namespace CorpusBot.Discord.Text;

/// <summary>Escaping and trimming for text that Discord renders as Markdown.</summary>
public static class DiscordText
{
    private const string Ellipsis = "\u2026";

    /// <summary>Escapes Markdown so that article and user text shows as written: no bold, links, headings, quotes or code.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '<' or '>' or '[' or ']' || (lineStart && c is '#' or '-' or '+'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            if (c == '\n')
            {
                lineStart = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineStart = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> characters (UTF-16 units, as Discord counts),
    /// at a word boundary when one is near, ending with an ellipsis. Never splits a surrogate pair, and never leaves
    /// a dangling escape backslash or an unclosed bold marker.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= Ellipsis.Length)
        {
            return SafeCut(text, max);
        }

        var room = max - Ellipsis.Length;
        var cut = room;
        var space = text.LastIndexOfAny([' ', '\n'], room);
        if (space >= room * 2 / 3)
        {
            cut = space;
        }

        var head = SafeCut(text, cut).TrimEnd();
        head = CloseMarkers(head);
        return head.Length + Ellipsis.Length <= max ? head + Ellipsis : SafeCut(head, room) + Ellipsis;
    }

    /// <summary>The number of characters Discord counts for a string (UTF-16 code units).</summary>
    public static int Length(string? text) => text?.Length ?? 0;

    private static string SafeCut(string text, int length)
    {
        if (length <= 0)
        {
            return string.Empty;
        }

        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var head = text[..length];
        var backslashes = head.Length - head.TrimEnd('\\').Length;
        return backslashes % 2 == 1 ? head[..^1] : head;
    }

    // A cut inside **bold** would leave the rest of the message bold: drop the unmatched opener.
    private static string CloseMarkers(string text)
    {
        var count = 0;
        var last = -1;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == '*' && text[i + 1] == '*')
            {
                count++;
                last = i;
                i++;
            }
        }

        return count % 2 == 1 ? text.Remove(last, 2) : text;
    }
}
