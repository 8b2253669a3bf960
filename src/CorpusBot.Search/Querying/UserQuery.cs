using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Querying;

/// <summary>
/// What a person typed, made safe: control and formatting characters removed, typographic variants
/// folded, length capped, quoted phrases and -exclusions picked out. Nothing here can throw on input.
/// </summary>
internal sealed partial record UserQuery(string Text, IReadOnlyList<string> Phrases, string Loose, IReadOnlyList<string> Excluded, bool Truncated)
{
    /// <summary>Longer input is cut (at a word boundary) to this many characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>Cleans <paramref name="raw"/>; throws <see cref="CorpusException"/> when nothing is left to search for.</summary>
    public static UserQuery Parse(string? raw, bool allowOperators = true)
    {
        var text = Clean(raw ?? string.Empty);
        if (text.Length == 0)
        {
            throw new CorpusException("Type a few words to look for.");
        }

        var truncated = false;
        if (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf(' ', MaxLength);
            text = text[..(cut > MaxLength / 2 ? cut : MaxLength)];
            truncated = true;
        }

        if (!allowOperators)
        {
            return new UserQuery(text, [], TextNormalizer.Normalize(text), [], truncated);
        }

        var normalized = TextNormalizer.Normalize(text);
        var phrases = new List<string>();
        var loose = QuotedPhrase().Replace(normalized, match =>
        {
            phrases.Add(match.Groups[1].Value.Trim());
            return " ";
        });
        var excluded = new List<string>();
        var words = new List<string>();
        foreach (var word in loose.Replace('"', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 1 && word[0] == '-' && char.IsLetterOrDigit(word[1]))
            {
                excluded.Add(word[1..]);
            }
            else
            {
                words.Add(word);
            }
        }

        return new UserQuery(text, [.. phrases.Where(p => p.Length > 0)], string.Join(' ', words), excluded, truncated);
    }

    /// <summary>Removes control, formatting and unpaired surrogate characters, normalises to NFC and collapses spaces.</summary>
    public static string Clean(string raw)
    {
        var builder = new StringBuilder(Math.Min(raw.Length, MaxLength * 4));
        var lastWasSpace = true;
        for (var i = 0; i < raw.Length && builder.Length < MaxLength * 4; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                builder.Append(c).Append(raw[++i]);
                lastWasSpace = false;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            var drop = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
            var space = char.IsWhiteSpace(c) || (category == UnicodeCategory.Control && c is '\n' or '\r' or '\t');
            if (space || (drop && c != '\u00AD'))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            if (!drop)
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }

        return builder.ToString().Trim().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedPhrase();
}
