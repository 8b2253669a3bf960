using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace CorpusBot.Search.Analysis;

/// <summary>The two analysis chains of the index: stemmed for recall, exact for phrases and quotes.</summary>
internal static class CorpusAnalyzers
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>English stop words dropped from the stemmed field (Lucene's own list).</summary>
    public static CharArraySet StopWords { get; } = StopAnalyzer.ENGLISH_STOP_WORDS_SET;

    /// <summary>Lower-cased, accent-folded, stop-worded, irregular forms to their base, British-to-American spelled and Porter-stemmed.</summary>
    public static Analyzer Stemmed { get; } = new ChainAnalyzer(stem: true);

    /// <summary>Lower-cased and accent-folded only: every word counts, so phrases match as written.</summary>
    public static Analyzer Exact { get; } = new ChainAnalyzer(stem: false);

    private sealed class ChainAnalyzer(bool stem) : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            new NormalizingCharFilter(reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new StandardFilter(Version, tokenizer);
            if (stem)
            {
                stream = new EnglishPossessiveFilter(Version, stream);
            }

            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            if (stem)
            {
                stream = new StopFilter(Version, stream, StopWords);
                stream = new IrregularFormsFilter(stream);
                stream = new BritishSpellingFilter(stream);
                stream = new PorterStemFilter(stream);
            }

            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
