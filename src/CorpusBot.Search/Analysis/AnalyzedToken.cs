using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CorpusBot.Search.Analysis;

/// <summary>A term produced by an analyzer, with its character offsets in the analysed text.</summary>
public readonly record struct AnalyzedToken(string Term, int Start, int End, int Position);

/// <summary>Runs an analyzer over a string and collects its tokens.</summary>
public static class TokenReader
{
    /// <summary>Analyses <paramref name="text"/> and returns every token with its offsets and position.</summary>
    public static IReadOnlyList<AnalyzedToken> Read(Analyzer analyzer, string text, string field = "body")
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, position));
        }

        stream.End();
        return tokens;
    }
}
