using CorpusBot.Search.Analysis;

namespace CorpusBot.Search.Querying;

/// <summary>Finds a phrase (a sequence of exact tokens) in analysed text, by consecutive positions.</summary>
internal static class PhraseMatcher
{
    /// <summary>The character ranges where <paramref name="phrase"/> occurs in the tokens of a text.</summary>
    public static IEnumerable<(int Start, int End)> Find(IReadOnlyList<AnalyzedToken> tokens, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i + phrase.Count <= tokens.Count; i++)
        {
            var matched = true;
            for (var k = 0; k < phrase.Count && matched; k++)
            {
                matched = tokens[i + k].Term == phrase[k] && (k == 0 || tokens[i + k].Position == tokens[i + k - 1].Position + 1);
            }

            if (matched)
            {
                yield return (tokens[i].Start, tokens[i + phrase.Count - 1].End);
            }
        }
    }
}
