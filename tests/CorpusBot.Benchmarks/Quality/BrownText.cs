using System.Text;

namespace CorpusBot.Benchmarks.Quality;

/// <summary>
/// The Brown corpus's tagged form (one sentence a line, tokens as word/tag) made readable as the printed page was:
/// tags stripped, `` and '' as curly quotes, no space before closing punctuation or after an opening one. The
/// layout is kept: one sentence per line, a blank line between sentences.
/// </summary>
internal static class BrownText
{
    private static readonly HashSet<string> NoSpaceBefore = new(StringComparer.Ordinal) { ",", ".", ";", ":", "!", "?", ")", "]", "\u201D", "\u2019", "'" };

    private static readonly HashSet<string> NoSpaceAfter = new(StringComparer.Ordinal) { "\u201C", "\u2018", "(", "[" };

    /// <summary>The readable text of a whole tagged file.</summary>
    public static string Readable(string tagged)
    {
        var sentences = tagged.Split('\n')
            .Select(Sentence)
            .Where(s => s.Length > 0);
        return string.Join("\n\n", sentences) + "\n";
    }

    /// <summary>One tagged line as a reader would see it.</summary>
    public static string Sentence(string line)
    {
        var text = new StringBuilder(line.Length);
        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Word).ToList();
        string? previous = null;
        var singleOpen = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];

            // A lone ' is a single quotation mark: closing before punctuation or at the end, opening at the start or
            // after an opening mark or a comma/colon, otherwise it alternates.
            if (word == "'")
            {
                var next = i + 1 < words.Count ? words[i + 1] : null;
                var opening = next is not null && !NoSpaceBefore.Contains(next)
                    && (previous is null || NoSpaceAfter.Contains(previous) || previous is "," or ":" or ";" || !singleOpen);
                word = opening ? "\u2018" : "\u2019";
                singleOpen = opening;
            }

            // "Jr." closing a sentence is followed by the sentence's own full stop in the tagged text; print one.
            if (word == "." && previous is not null && previous.EndsWith('.'))
            {
                continue;
            }

            if (text.Length > 0 && !NoSpaceBefore.Contains(word) && (previous is null || !NoSpaceAfter.Contains(previous)))
            {
                text.Append(' ');
            }

            text.Append(word);
            previous = word;
        }

        return text.ToString();
    }

    private static string Word(string token)
    {
        var slash = token.LastIndexOf('/');
        var word = slash > 0 ? token[..slash] : token;
        return word switch
        {
            "``" => "\u201C",
            "''" => "\u201D",
            _ => word,
        };
    }
}
