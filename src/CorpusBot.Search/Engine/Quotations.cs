using CorpusBot.Search.Text;

namespace CorpusBot.Search.Engine;

/// <summary>Finds the quotation (text between matching quotation marks) or, failing that, the sentence around a match.</summary>
internal static class Quotations
{
    /// <summary>The quotation around [start, end): between quotation marks; or a whole block-quoted paragraph after a line ending in ':'; or the sentence.</summary>
    public static (int Start, int End, bool Block) Enclosing(string text, int start, int end)
    {
        var paragraphStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var paragraphEnd = text.IndexOf('\n', end);
        paragraphEnd = paragraphEnd < 0 ? text.Length : paragraphEnd;

        (int Start, int End)? best = null;
        foreach (var span in QuotedSpans(text, paragraphStart, paragraphEnd))
        {
            if (span.Start <= start && span.End >= end && (best is null || span.End - span.Start < best.Value.End - best.Value.Start))
            {
                best = span;
            }
        }

        if (best is { } quoted)
        {
            return (quoted.Start, quoted.End, false);
        }

        // "Another said:" on its own line, then the words without quotation marks: the paragraph is the quotation.
        if (paragraphStart > 0 && text[..(paragraphStart - 1)].TrimEnd().EndsWith(':'))
        {
            return (paragraphStart, paragraphEnd, true);
        }

        var (sentenceStart, sentenceEnd) = SentenceAround(text, start, end, paragraphStart, paragraphEnd);
        return (sentenceStart, sentenceEnd, false);
    }

    private static List<(int Start, int End)> QuotedSpans(string text, int from, int to)
    {
        var spans = new List<(int, int)>();
        var open = new Stack<(int Index, bool Double)>();
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (!TextNormalizer.IsQuoteMark(c))
            {
                continue;
            }

            var isDouble = TextNormalizer.IsDoubleQuote(c);
            var before = i > from ? text[i - 1] : ' ';
            var after = i + 1 < to ? text[i + 1] : ' ';
            var opens = c is '\u201C' or '\u2018' or '\u00AB' || (c is '"' or '\'' && (char.IsWhiteSpace(before) || before is '(' or '[' or '-' or '\u2013' or '\u2014' || i == from));
            var closes = c is '\u201D' or '\u2019' or '\u00BB' || (c is '"' or '\'' && !opens);
            if (!isDouble && char.IsLetter(before) && char.IsLetter(after))
            {
                continue; // an apostrophe: it's, Ruffalo's
            }

            if (closes && open.Count > 0 && open.Any(o => o.Double == isDouble))
            {
                while (open.Count > 0)
                {
                    var candidate = open.Pop();
                    if (candidate.Double == isDouble)
                    {
                        spans.Add((candidate.Index + 1, i));
                        break;
                    }
                }
            }
            else if (opens)
            {
                open.Push((i, isDouble));
            }
        }

        return spans;
    }

    private static (int Start, int End) SentenceAround(string text, int start, int end, int paragraphStart, int paragraphEnd)
    {
        var starts = Sentences.Starts(text);
        var sentenceStart = starts.LastOrDefault(s => s <= start);
        sentenceStart = Math.Max(sentenceStart, paragraphStart);
        var sentenceEnd = starts.FirstOrDefault(s => s >= end, paragraphEnd);
        return (sentenceStart, Math.Min(sentenceEnd, paragraphEnd));
    }
}
