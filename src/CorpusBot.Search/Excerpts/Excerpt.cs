namespace CorpusBot.Search.Excerpts;

/// <summary>A window of passage text with the words that matched the query marked.</summary>
/// <param name="Text">The excerpt as plain text; "…" marks where a sentence was cut.</param>
/// <param name="Highlights">Matched spans within <see cref="Text"/>, in order and not overlapping.</param>
public sealed record Excerpt(string Text, IReadOnlyList<TextSpan> Highlights)
{
    /// <summary>Renders the excerpt, wrapping each highlight with <paramref name="open"/> and <paramref name="close"/> and passing plain runs through <paramref name="escape"/>.</summary>
    public string Render(string open, string close, Func<string, string>? escape = null)
    {
        escape ??= static s => s;
        var builder = new System.Text.StringBuilder(Text.Length + (Highlights.Count * (open.Length + close.Length)));
        var at = 0;
        foreach (var span in Highlights)
        {
            builder.Append(escape(Text[at..span.Start])).Append(open).Append(escape(Text.Substring(span.Start, span.Length))).Append(close);
            at = span.End;
        }

        return builder.Append(escape(Text[at..])).ToString();
    }
}

/// <summary>A span of characters: <paramref name="Start"/> and <paramref name="Length"/>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The offset just past the span.</summary>
    public int End => Start + Length;
}
