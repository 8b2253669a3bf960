namespace CorpusBot.Search.Text;

/// <summary>Finds sentence boundaries in article text: good enough for excerpts, wary of abbreviations.</summary>
internal static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "e.g", "i.e", "approx", "fig", "mt", "ft", "u.s", "u.k", "u.n",
    };

    /// <summary>The start offsets of every sentence in <paramref name="text"/>, always beginning with 0.</summary>
    public static IReadOnlyList<int> Starts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                var next = SkipSpace(text, i + 1);
                if (next < text.Length && next > starts[^1])
                {
                    starts.Add(next);
                }

                i = next - 1;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '\u2026'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (text[end] is '.' or '!' or '?' or ')' or ']' || TextNormalizer.IsQuoteMark(text[end])))
            {
                end++;
            }

            if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var start = SkipSpace(text, end);
            if (start < text.Length && StartsSentence(text[start]) && !(c == '.' && IsAbbreviation(text, i)) && start > starts[^1])
            {
                starts.Add(start);
            }

            i = start - 1;
        }

        return starts;
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || TextNormalizer.IsQuoteMark(c) || c is '(' or '[' || !char.IsLetter(c) && !char.IsPunctuation(c);

    private static bool IsAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var word = text[start..period];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static int SkipSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
