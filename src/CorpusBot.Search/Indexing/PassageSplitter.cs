using System.Text;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// Cuts an article into paragraph-sized passages. Short lines ("Another said:") join the paragraph that
/// follows them, so a quotation keeps its lead-in; very long paragraphs are cut at sentence ends.
/// </summary>
public static class PassageSplitter
{
    /// <summary>A passage is closed once it reaches this many characters.</summary>
    public const int MinLength = 250;

    /// <summary>A lead-in line starts a new passage when the current one already has this much text.</summary>
    public const int MinLeadInSplit = 80;

    /// <summary>No passage grows past this many characters unless a single sentence is longer.</summary>
    public const int MaxLength = 1200;

    /// <summary>
    /// Splits <paramref name="body"/> into passages in reading order, leaving page furniture out: lines that look like
    /// furniture, lines found in other articles too (<paramref name="repeated"/>), and everything after a "Most Read" list.
    /// </summary>
    public static IReadOnlyList<Passage> Split(string body, string? title = null, IReadOnlySet<ulong>? repeated = null)
    {
        var texts = new List<string>();
        var current = new StringBuilder();
        var lines = body.Split('\n');
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
                continue;
            }

            if (unit.Length > MaxLength)
            {
                Flush(current, texts);
                texts.AddRange(SplitLong(unit));
                continue;
            }

            // A lead-in ("Another said:") opens the passage of what it introduces, never closes the one before.
            var leadIn = unit.EndsWith(':');
            if (current.Length > 0 && (current.Length + unit.Length > MaxLength || (leadIn && current.Length >= MinLeadInSplit)))
            {
                Flush(current, texts);
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(unit);
            if (current.Length >= MinLength && !leadIn)
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

    private const double MaxSharedShare = 0.5;

    private static double SharedShare(ulong?[] keys, IReadOnlySet<ulong> repeated)
    {
        var keyed = keys.Count(k => k is not null);
        return keyed == 0 ? 0 : (double)keys.Count(k => k is { } key && repeated.Contains(key)) / keyed;
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
            if (end - chunkStart >= MaxLength * 2 / 3 || i == starts.Count)
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
