using CorpusBot.Search.Analysis;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Excerpts;

/// <summary>
/// Our own highlighter: re-analyses a stored passage with the index's analyzers, marks the tokens whose
/// terms the query asked for (by their offsets, so marks land exactly on the matching words), then picks
/// the window of whole sentences, about <see cref="TargetLength"/> characters, that covers the query best.
/// </summary>
internal static class ExcerptBuilder
{
    /// <summary>The length an excerpt aims for.</summary>
    public const int TargetLength = 300;

    private const int Slack = 60;

    /// <summary>Builds the excerpt of <paramref name="passage"/> for <paramref name="query"/>.</summary>
    public static Excerpt Build(string passage, QueryTerms query, int targetLength = TargetLength) =>
        Build(passage, FindMarks(passage, query), targetLength);

    /// <summary>The matched spans of <paramref name="passage"/>, each tagged with the term it stands for and weighted by <paramref name="weights"/> (1 when absent).</summary>
    public static IReadOnlyList<Mark> FindMarks(string passage, QueryTerms query, IReadOnlyDictionary<string, double>? weights = null) =>
        FindMarks(passage, query, weights, out _);

    /// <summary>As <see cref="FindMarks(string, QueryTerms, IReadOnlyDictionary{string, double}?)"/>, also giving every query term found (even inside a marked phrase).</summary>
    public static IReadOnlyList<Mark> FindMarks(string passage, QueryTerms query, IReadOnlyDictionary<string, double>? weights, out HashSet<string> found) =>
        FindMarks(passage, query, weights, out found, 0, passage.Length);

    /// <summary>
    /// As <see cref="FindMarks(string, QueryTerms, IReadOnlyDictionary{string, double}?, out HashSet{string})"/> over a
    /// passage with its context, counting as found only the terms between <paramref name="foundFrom"/> and <paramref name="foundTo"/>.
    /// </summary>
    public static IReadOnlyList<Mark> FindMarks(string text, QueryTerms query, IReadOnlyDictionary<string, double>? weights, out HashSet<string> found, int foundFrom, int foundTo)
    {
        found = new HashSet<string>(StringComparer.Ordinal);
        var marks = new List<Mark>();
        if (query.Terms.Count > 0)
        {
            var wanted = new HashSet<string>(query.Terms, StringComparer.Ordinal);
            foreach (var token in TokenReader.Read(CorpusAnalyzers.Stemmed, text, wanted))
            {
                if (token.Start >= foundFrom && token.End <= foundTo)
                {
                    found.Add(token.Term);
                }

                marks.Add(new Mark(token.Start, token.End, token.Term, weights?.GetValueOrDefault(token.Term, 1.0) ?? 1.0));
            }
        }

        if (query.Phrases.Count > 0)
        {
            var exact = TokenReader.Read(CorpusAnalyzers.Exact, text);
            foreach (var phrase in query.Phrases)
            {
                foreach (var (start, end) in PhraseMatcher.Find(exact, phrase))
                {
                    marks.Add(new Mark(start, end, "\"" + string.Join(' ', phrase), 2.0 + phrase.Count));
                }
            }
        }

        return Merge(marks);
    }

    /// <summary>Builds the excerpt from marks already found.</summary>
    public static Excerpt Build(string passage, IReadOnlyList<Mark> marks, int targetLength = TargetLength) =>
        Build(passage, marks, targetLength, null, 0).Excerpt;

    /// <summary>
    /// Builds the excerpt from marks already found, adding <paramref name="bonus"/> to any window for which
    /// <paramref name="favour"/> holds (e.g. "contains a date" for a when-question). Returns the window's score too.
    /// </summary>
    public static (Excerpt Excerpt, double Score) Build(string passage, IReadOnlyList<Mark> marks, int targetLength, Func<string, bool>? favour, double bonus) =>
        Build(new PassageWithContext(string.Empty, passage, string.Empty), marks, targetLength, favour, bonus);

    /// <summary>
    /// As <see cref="Build(string, IReadOnlyList{Mark}, int, Func{string, bool}?, double)"/> for a passage with the
    /// sentences around it (<paramref name="marks"/> found over <see cref="PassageWithContext.Text"/>): the window
    /// overlaps the passage and may take a neighbouring sentence; when <paramref name="favour"/> is given and no
    /// window of the usual length offers what it wants, a window of up to <see cref="MaxLength"/> characters may.
    /// </summary>
    public static (Excerpt Excerpt, double Score) Build(PassageWithContext passage, IReadOnlyList<Mark> marks, int targetLength, Func<string, bool>? favour, double bonus)
    {
        var windows = Windows(passage, marks, targetLength, favour, bonus);
        var best = windows.Count == 0 ? new ScoredWindow(passage.Start, passage.Start, double.MinValue, false) : windows.MaxBy(w => w.Score)!;
        return (Cut(passage.Text, marks, best.Start, best.End), best.Score);
    }

    /// <summary>The excerpt of <paramref name="passage"/> for a window chosen from <see cref="Windows"/>.</summary>
    public static Excerpt Cut(PassageWithContext passage, IReadOnlyList<Mark> marks, ScoredWindow window) =>
        Cut(passage.Text, marks, window.Start, window.End);

    /// <summary>The longest an excerpt grows to take in the answer a question asks for.</summary>
    public const int MaxLength = 450;

    private const double FullBonusShare = 2.5;

    // Text outside the passage itself counts against a window a little, so the passage wins a tie.
    private const double OutsidePenalty = 1e-4;

    /// <summary>
    /// Every window of whole sentences (about <paramref name="target"/> characters, longer when that takes in what
    /// <paramref name="favour"/> wants) that overlaps the passage, scored by the marks it holds (see <see cref="Build(PassageWithContext, IReadOnlyList{Mark}, int, Func{string, bool}?, double)"/>).
    /// </summary>
    public static IReadOnlyList<ScoredWindow> Windows(PassageWithContext context, IReadOnlyList<Mark> marks, int target, Func<string, bool>? favour, double bonus)
    {
        var passage = context.Text;
        var starts = Sentences.Starts(passage);
        var windows = new List<ScoredWindow>(starts.Count + 4);
        for (var i = 0; i < starts.Count && starts[i] < context.End; i++)
        {
            var sentenceEnd = i + 1 < starts.Count ? starts[i + 1] : passage.Length;
            if (sentenceEnd - starts[i] > target + Slack)
            {
                var (s, e) = WindowInside(passage, marks, starts[i], sentenceEnd, target);
                Consider(s, e);
                continue;
            }

            var j = i + 1;
            while (j < starts.Count && NextEnd(j) - starts[i] <= target + Slack)
            {
                j++;
            }

            var end = j < starts.Count ? starts[j] : passage.Length;

            // The usual window lacks what the question asks for: a longer one (whole sentences) may hold it.
            if (!Consider(starts[i], end) && favour is not null)
            {
                while (j < starts.Count && NextEnd(j) - starts[i] <= MaxLength)
                {
                    j++;
                    var longer = j < starts.Count ? starts[j] : passage.Length;
                    if (favour(passage[starts[i]..longer]))
                    {
                        Consider(starts[i], longer);
                        break;
                    }
                }
            }
        }

        return windows;

        int NextEnd(int k) => k + 1 < starts.Count ? starts[k + 1] : passage.Length;

        // Adds the window (when it overlaps the passage); says whether it offers what favour wants.
        bool Consider(int s, int e)
        {
            if (e <= context.Start || s >= context.End)
            {
                return false;
            }

            var outside = Math.Max(0, context.Start - s) + Math.Max(0, e - context.End);
            var score = Score(marks, s, e) - (s * 1e-6) - (outside * OutsidePenalty);
            var offers = favour is not null && favour(passage[s..e]);

            // What the question asks for counts in a window that also answers to the question's words: in full
            // once the window holds a share of them worth the bonus many times over, in part below that.
            if (offers && score > 0)
            {
                score += bonus * Math.Min(1, score / (bonus * FullBonusShare));
            }

            windows.Add(new ScoredWindow(s, e, score, offers));
            return offers;
        }
    }

    // Distinct terms count fully, repeats a little. Marks are few, so a linear scan beats allocating a set per window.
    private static double Score(IReadOnlyList<Mark> marks, int start, int end)
    {
        var score = 0.0;
        for (var i = 0; i < marks.Count; i++)
        {
            var mark = marks[i];
            if (mark.Start < start || mark.End > end)
            {
                continue;
            }

            var repeat = false;
            for (var j = 0; j < i && !repeat; j++)
            {
                repeat = marks[j].Start >= start && marks[j].End <= end && marks[j].Term == mark.Term;
            }

            score += repeat ? 0.1 : mark.Weight;
        }

        return score;
    }

    // A sentence longer than the target: centre a target-sized window on its densest run of marks.
    private static (int Start, int End) WindowInside(string passage, IReadOnlyList<Mark> marks, int from, int to, int target)
    {
        var inside = marks.Where(m => m.Start >= from && m.End <= to).ToList();
        var anchor = from;
        var bestScore = -1.0;
        foreach (var mark in inside)
        {
            var windowStart = Math.Max(from, mark.Start - (target / 4));
            var score = Score(inside, windowStart, Math.Min(to, windowStart + target));
            if (score > bestScore)
            {
                bestScore = score;
                anchor = windowStart;
            }
        }

        var start = anchor <= from ? from : WordStartAtOrAfter(passage, anchor);
        var end = Math.Min(to, start + target);
        end = end >= to ? to : WordEndAtOrBefore(passage, end, start);
        return (start, end);
    }

    private static Excerpt Cut(string passage, IReadOnlyList<Mark> marks, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(passage[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(passage[end - 1]))
        {
            end--;
        }

        var starts = Sentences.Starts(passage);
        var prefix = starts.Contains(start) ? string.Empty : "\u2026 ";
        var endsSentence = passage.AsSpan(end).IsWhiteSpace() || starts.Any(s => s >= end && passage.AsSpan(end, s - end).IsWhiteSpace());
        var suffix = endsSentence ? string.Empty : " \u2026";
        var body = passage[start..end].Replace('\n', ' ');
        var highlights = marks
            .Where(m => m.Start >= start && m.End <= end)
            .Select(m => new TextSpan(m.Start - start + prefix.Length, m.End - m.Start))
            .ToList();
        return new Excerpt(prefix + body + suffix, highlights);
    }

    private static int WordStartAtOrAfter(string text, int index)
    {
        if (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            while (index < text.Length && !char.IsWhiteSpace(text[index]))
            {
                index++;
            }
        }

        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static int WordEndAtOrBefore(string text, int index, int floor)
    {
        if (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            var space = text.LastIndexOf(' ', index - 1, index - floor);
            if (space > floor)
            {
                index = space;
            }
        }

        return index;
    }

    // Overlapping marks (a phrase over its own words) collapse into one span carrying the heavier tag.
    private static List<Mark> Merge(List<Mark> marks)
    {
        marks.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<Mark>(marks.Count);
        foreach (var mark in marks)
        {
            if (merged.Count > 0 && mark.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, mark.End), Term = last.Weight >= mark.Weight ? last.Term : mark.Term, Weight = Math.Max(last.Weight, mark.Weight) };
                continue;
            }

            merged.Add(mark);
        }

        return merged;
    }
}

/// <summary>A window of a passage's text: its offsets, its score from the marks it holds, and whether it offers the kind of answer wanted.</summary>
internal sealed record ScoredWindow(int Start, int End, double Score, bool Offers);

/// <summary>A matched span of a passage: offsets, the query term it matched, and how much it counts.</summary>
internal readonly record struct Mark(int Start, int End, string Term, double Weight);
