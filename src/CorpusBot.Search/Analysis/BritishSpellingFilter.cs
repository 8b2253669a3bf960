using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CorpusBot.Search.Analysis;

/// <summary>
/// Folds the British -ise/-our spellings onto the American ones before stemming, so that
/// "apologising" and "apologize" meet. Applied at index and query time alike, so a rare false
/// fold ("precise" → "precize") costs nothing: both sides fold the same way.
/// </summary>
internal sealed class BritishSpellingFilter(TokenStream input) : TokenFilter(input)
{
    private static readonly string[] IseSuffixes = ["isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers"];

    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        if (length < 6)
        {
            return true;
        }

        foreach (var suffix in IseSuffixes)
        {
            if (EndsWith(buffer, length, suffix) && length - suffix.Length >= 3)
            {
                buffer[length - suffix.Length + 1] = 'z';
                return true;
            }
        }

        // colour, behaviour, favour, honour, labour (but not four, hour, your, tour: all shorter than 6)
        if (EndsWith(buffer, length, "our") || EndsWith(buffer, length, "ours"))
        {
            var at = EndsWith(buffer, length, "ours") ? length - 4 : length - 3;
            if (at >= 3 && buffer[at - 1] is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y'))
            {
                Array.Copy(buffer, at + 2, buffer, at + 1, length - at - 2);
                _term.Length = length - 1;
            }
        }

        return true;
    }

    private static bool EndsWith(char[] buffer, int length, string suffix)
    {
        if (length < suffix.Length)
        {
            return false;
        }

        for (var i = 0; i < suffix.Length; i++)
        {
            if (buffer[length - suffix.Length + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }
}
