using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CorpusBot.Search.Analysis;

/// <summary>A term produced by an analyzer, with its character offsets in the analysed text.</summary>
internal readonly record struct AnalyzedToken(string Term, int Start, int End, int Position);

/// <summary>Runs an analyzer over a string and collects its tokens.</summary>
internal static class TokenReader
{
    /// <summary>Analyses <paramref name="text"/> and returns every token with its offsets and position.</summary>
    public static IReadOnlyList<AnalyzedToken> Read(Analyzer analyzer, string text, string field = "body") =>
        Read(analyzer, text, null, field);

    /// <summary>Analyses <paramref name="text"/> and returns the tokens whose term is in <paramref name="only"/> (all when null), without allocating the others.</summary>
    public static IReadOnlyList<AnalyzedToken> Read(Analyzer analyzer, string text, HashSet<string>? only, string field = "body")
    {
        var tokens = new List<AnalyzedToken>();
        var lookup = only?.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            if (lookup is { } wanted)
            {
                if (wanted.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var known))
                {
                    tokens.Add(new AnalyzedToken(known, offset.StartOffset, offset.EndOffset, position));
                }

                continue;
            }

            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, position));
        }

        stream.End();
        return tokens;
    }
}
