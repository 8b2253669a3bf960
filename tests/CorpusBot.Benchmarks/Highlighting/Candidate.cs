using CorpusBot.Search.Excerpts;

namespace CorpusBot.Benchmarks.Highlighting;

/// <summary>
/// One excerpt as a highlighter made it: the text shown, the marked spans in it, and the pieces of the source text it
/// shows (one, or two for joined fragments) as offsets into <see cref="Source"/>, for the sentence-boundary check.
/// </summary>
internal sealed record Candidate(string Text, IReadOnlyList<TextSpan> Marks, IReadOnlyList<(int Start, int End)> Pieces, string Source)
{
    /// <summary>Open and close markers handed to Lucene's formatters; they never occur in passage text (control characters are cleaned out).</summary>
    public const string Open = "\u0001";

    public const string Close = "\u0002";

    public const string Joiner = " \u2026 ";

    public static Candidate None(string source) => new(string.Empty, [], [], source);

    /// <summary>Joins fragments marked with <see cref="Open"/>/<see cref="Close"/> (any order), in the order they occur in <paramref name="source"/>.</summary>
    public static Candidate FromMarked(IEnumerable<string?> fragments, string source)
    {
        var parsed = fragments
            .Where(f => !string.IsNullOrEmpty(f))
            .Select(f => Unmark(f!))
            .Select(p => (p.Text, p.Marks, At: source.IndexOf(p.Text, StringComparison.Ordinal)))
            .OrderBy(p => p.At)
            .ToList();
        var text = new System.Text.StringBuilder();
        var marks = new List<TextSpan>();
        var pieces = new List<(int, int)>();
        foreach (var (fragment, fragmentMarks, at) in parsed)
        {
            if (text.Length > 0)
            {
                text.Append(Joiner);
            }

            marks.AddRange(fragmentMarks.Select(m => new TextSpan(m.Start + text.Length, m.Length)));
            text.Append(fragment);
            if (at >= 0)
            {
                pieces.Add((at, at + fragment.Length));
            }
        }

        return new Candidate(text.ToString(), marks, pieces, source);
    }

    private static (string Text, List<TextSpan> Marks) Unmark(string marked)
    {
        var text = new System.Text.StringBuilder(marked.Length);
        var marks = new List<TextSpan>();
        var open = -1;
        foreach (var c in marked)
        {
            if (c == Open[0])
            {
                open = text.Length;
            }
            else if (c == Close[0])
            {
                if (open >= 0)
                {
                    marks.Add(new TextSpan(open, text.Length - open));
                }

                open = -1;
            }
            else
            {
                text.Append(c);
            }
        }

        return (text.ToString(), marks);
    }
}
