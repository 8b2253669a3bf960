using System.Text;
using CorpusBot.Search.Analysis;
using CorpusBot.Search.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace CorpusBot.Search.Tests.Analysis;

public class NormalizingCharFilterTests
{
    private static readonly NormalizeCharMap LuceneMap = BuildLuceneMap();

    [Fact]
    public void Tokens_and_offsets_equal_those_of_Lucenes_MappingCharFilter_on_random_typographic_text()
    {
        var random = new Random(20261123);
        var pieces = TextNormalizer.Mappings.Select(m => m.From)
            .Concat(["word", "Ruffalo", "it", "s", " ", "  ", "\n", "-", "'", "\"", "1948", "é", "naïve", ".", ",", "x"])
            .ToArray();
        for (var sample = 0; sample < 2000; sample++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 40); i > 0; i--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            Assert.Equal(Tokens(text.ToString(), r => new MappingCharFilter(LuceneMap, r)), Tokens(text.ToString(), r => new NormalizingCharFilter(r)));
        }
    }

    [Fact]
    public void Long_text_is_read_whole_through_small_reads()
    {
        var text = string.Concat(Enumerable.Repeat("Fish \u201C&\u201D chips\u00AD ", 5000));
        Assert.Equal(Tokens(text, r => new MappingCharFilter(LuceneMap, r)), Tokens(text, r => new NormalizingCharFilter(r)));
    }

    private static List<(string Term, int Start, int End)> Tokens(string text, Func<TextReader, TextReader> filter)
    {
        using var analyzer = new FilteredAnalyzer(filter);
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<(string, int, int)>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offsets.StartOffset, offsets.EndOffset));
        }

        stream.End();
        tokens.Add(("<end>", offsets.StartOffset, offsets.EndOffset));
        return tokens;
    }

    private static NormalizeCharMap BuildLuceneMap()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var (from, to) in TextNormalizer.Mappings)
        {
            builder.Add(from, to);
        }

        return builder.Build();
    }

    private sealed class FilteredAnalyzer(Func<TextReader, TextReader> filter) : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => filter(reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            new(new StandardTokenizer(CorpusAnalyzers.Version, reader));
    }
}
