using System.Text;
using CorpusBot.Search.Indexing;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Tests.Indexing;

public class RepeatedLinesTests
{
    [Theory]
    [InlineData("Advertisement \u2014 Continue Reading Below")]
    [InlineData("  \u201CWe will NOT back   down\u201D,\u00A0said the Mayor\t(\u00C9cole)  ")]
    [InlineData("Caf\u00E9 \u00FCber \u0130stanbul \u2018quoted\u2019 & more \u2026 text here")]
    [InlineData("\u00AD\u200Bsoft hyphen and zero width in a long enough line")]
    public void A_line_key_is_the_hash_of_its_folded_lower_cased_text_with_spaces_collapsed(string line)
    {
        Assert.Equal(Definition(line), RepeatedLines.Key(line));
    }

    [Fact]
    public void Lines_that_differ_only_in_case_or_runs_of_spaces_share_a_key()
    {
        Assert.Equal(RepeatedLines.Key("Sign up for our daily newsletter today"), RepeatedLines.Key("  SIGN UP for our   daily newsletter today"));
        Assert.NotEqual(RepeatedLines.Key("Sign up for our daily newsletter today"), RepeatedLines.Key("Sign up for our weekly newsletter today"));
    }

    // The key as defined, built the slow way: fold each character, drop what folds to nothing, lower-case, collapse
    // white space, then FNV-1a (the flag bits cleared). Keys are stored in the index, so they must never drift.
    private static ulong? Definition(string line)
    {
        var text = new StringBuilder();
        foreach (var raw in line)
        {
            var c = TextNormalizer.Fold(raw);
            if (c == '\0')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (text.Length == 0 || text[^1] == ' ')
                {
                    continue;
                }

                text.Append(' ');
                continue;
            }

            text.Append(char.ToLowerInvariant(c));
        }

        if (line.Length < 20 || text.Length < 20)
        {
            return null;
        }

        var hash = 14695981039346656037UL;
        foreach (var c in text.ToString())
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash & ~3UL;
    }
}
