using System.Text;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// Cuts an article into passages of whole sentences, whatever the file's line layout: hard-wrapped lines are
/// joined back into their paragraphs, and paragraphs of a sentence or two (sentence-per-line text, wire copy)
/// are gathered until a passage holds a few sentences. Short lead-in lines ("Another said:") join what they
/// introduce, so a quotation keeps its lead-in; very long paragraphs are cut at sentence ends.
/// </summary>
internal static class PassageSplitter
{
    /// <summary>A passage is closed at the end of a paragraph once it reaches this many characters.</summary>
    public const int MinLength = 450;

    /// <summary>A lead-in line starts a new passage when the current one already has this much text.</summary>
    public const int MinLeadInSplit = 80;

    /// <summary>No passage grows past this many characters unless a single sentence is longer.</summary>
    public const int MaxLength = 1200;

    /// <summary>A paragraph longer than <see cref="MaxLength"/> is cut into pieces of about this many characters.</summary>
    private const int LongParagraphPiece = 700;

    /// <summary>
    /// Splits <paramref name="body"/> into passages in reading order, leaving page furniture out: lines that look like
    /// furniture, lines known to be furniture of the article's source (<paramref name="repeated"/>), and everything
    /// after a "Most Read" list.
    /// </summary>
    public static IReadOnlyList<Passage> Split(string body, string? title = null, IReadOnlySet<ulong>? repeated = null)
    {
        var texts = new List<string>();
        var current = new StringBuilder();
        foreach (var paragraph in Paragraphs.Read(body, title, repeated))
        {
            if (paragraph.Text.Length > MaxLength)
            {
                Flush(current, texts);
                texts.AddRange(SplitLong(paragraph.Text));
                continue;
            }

            // A lead-in ("Another said:") opens the passage of what it introduces, never closes the one before.
            if (current.Length > 0 && (current.Length + paragraph.Text.Length > MaxLength || (paragraph.IsLeadIn && current.Length >= MinLeadInSplit)))
            {
                Flush(current, texts);
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(paragraph.Text);
            if (current.Length >= MinLength && !paragraph.IsLeadIn)
            {
                Flush(current, texts);
            }
        }

        if (current.Length > 0)
        {
            if (texts.Count > 0 && texts[^1].Length + current.Length < MaxLength)
            {
                texts[^1] = texts[^1] + "\n" + current;
            }
            else
            {
                texts.Add(current.ToString());
            }
        }

        return [.. texts.Select((text, i) => new Passage(i, text))];
    }

    private static void Flush(StringBuilder current, List<string> texts)
    {
        if (current.Length > 0)
        {
            texts.Add(current.ToString());
            current.Clear();
        }
    }

    private static IEnumerable<string> SplitLong(string paragraph)
    {
        var starts = Sentences.Starts(paragraph);
        var chunkStart = 0;
        for (var i = 1; i <= starts.Count; i++)
        {
            var end = i < starts.Count ? starts[i] : paragraph.Length;
            var next = i + 1 <= starts.Count ? (i + 1 < starts.Count ? starts[i + 1] : paragraph.Length) : end;
            if (end - chunkStart >= LongParagraphPiece || next - chunkStart > MaxLength || i == starts.Count)
            {
                foreach (var piece in HardWrap(paragraph[chunkStart..end].Trim()))
                {
                    yield return piece;
                }

                chunkStart = end;
            }
        }
    }

    // A "sentence" with no punctuation for thousands of characters still has to become passages.
    private static IEnumerable<string> HardWrap(string text)
    {
        while (text.Length > MaxLength * 2)
        {
            var cut = text.LastIndexOf(' ', MaxLength);
            cut = cut > MaxLength / 2 ? cut : MaxLength;
            yield return text[..cut].Trim();
            text = text[cut..].Trim();
        }

        if (text.Length > 0)
        {
            yield return text;
        }
    }
}
