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

        if (ContinuedQuotation(text, start, end, paragraphStart, paragraphEnd) is { } continued)
        {
            return (continued.Start, continued.End, false);
        }

        // "Another said:" on its own line, then the words without quotation marks: the paragraph is the quotation.
        if (paragraphStart > 0 && text[..(paragraphStart - 1)].TrimEnd().EndsWith(':'))
        {
            return (paragraphStart, paragraphEnd, true);
        }

        var (sentenceStart, sentenceEnd) = SentenceAround(text, start, end, paragraphStart, paragraphEnd);
        return (sentenceStart, sentenceEnd, false);
    }

    /// <summary>How far past its paragraph a quotation opened before the match is followed to its closing mark.</summary>
    private const int MaxContinuation = 600;

    // News carries a long quotation over several paragraphs: the opening mark in the first, none closing it there,
    // each later paragraph opening again or not, the closing mark in the last. The match sits after an opening mark
    // of its paragraph that nothing closes there: the quotation runs to the first closing mark of the same kind in
    // the paragraphs that follow (within a bound), an opening mark at a later paragraph's start continuing it.
    private static (int Start, int End)? ContinuedQuotation(string text, int start, int end, int paragraphStart, int paragraphEnd)
    {
        var opening = -1;
        var isDouble = false;
        foreach (var (index, opens, closes, mark) in Marks(text, paragraphStart, paragraphEnd))
        {
            if (index >= start)
            {
                break;
            }

            if (opens)
            {
                (opening, isDouble) = (index, mark);
            }
            else if (closes && opening >= 0 && mark == isDouble)
            {
                opening = -1;
            }
        }

        if (opening < 0 || QuotedSpans(text, opening, paragraphEnd).Any(s => s.Start == opening + 1))
        {
            return null;
        }

        var limit = Math.Min(text.Length, paragraphEnd + MaxContinuation);
        foreach (var (index, opens, closes, mark) in Marks(text, paragraphEnd, limit))
        {
            var atParagraphStart = index > 0 && text[..index].TrimEnd(' ', '\t').EndsWith('\n');
            if (mark != isDouble || (opens && atParagraphStart))
            {
                continue;
            }

            if (closes)
            {
                return index >= end ? (opening + 1, index) : null;
            }

            return null; // another quotation opens inside this one's paragraphs: not a continuation
        }

        return null;
    }

    // The quotation marks of [from, to) that are not apostrophes, and whether each opens or closes.
    private static IEnumerable<(int Index, bool Opens, bool Closes, bool Double)> Marks(string text, int from, int to)
    {
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
            if (!isDouble && char.IsLetter(before) && char.IsLetter(after))
            {
                continue; // an apostrophe: it's, Ruffalo's
            }

            var opens = c is '\u201C' or '\u2018' or '\u00AB' || (c is '"' or '\'' && (char.IsWhiteSpace(before) || before is '(' or '[' or '-' or '\u2013' or '\u2014' || i == from));
            yield return (i, opens, !opens, isDouble);
        }
    }

    private static List<(int Start, int End)> QuotedSpans(string text, int from, int to)
    {
        var spans = new List<(int, int)>();
        var open = new Stack<(int Index, bool Double)>();
        foreach (var (index, opens, closes, isDouble) in Marks(text, from, to))
        {
            if (closes && open.Any(o => o.Double == isDouble))
            {
                while (open.Count > 0)
                {
                    var candidate = open.Pop();
                    if (candidate.Double == isDouble)
                    {
                        spans.Add((candidate.Index + 1, index));
                        break;
                    }
                }
            }
            else if (opens)
            {
                open.Push((index, isDouble));
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
