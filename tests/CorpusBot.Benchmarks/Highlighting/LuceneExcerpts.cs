using CorpusBot.Search.Analysis;
using CorpusBot.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace CorpusBot.Benchmarks.Highlighting;

/// <summary>
/// Lucene.Net.Highlighter's classic <see cref="Highlighter"/> over stored passage text, re-analysed with the index's
/// stemmed chain (as our own highlighter does), for a query of the question's terms on the body field.
/// </summary>
internal static class LuceneExcerpts
{
    public const string Field = "body";

    /// <summary>
    /// The question's terms as Ask analyses them (<see cref="UserQuery"/>, <see cref="QueryTerms"/> without
    /// <see cref="QuestionWords"/>, words of quoted phrases added), as a disjunction of term queries on the body field.
    /// Ask's own query (LuceneQueries) is internal to the search core; this is the same set of body terms.
    /// </summary>
    public static (Query Query, QueryTerms Terms) QueryFor(string question)
    {
        var parsed = UserQuery.Parse(question);
        var terms = QueryTerms.From(parsed, QuestionWords.Ignored);
        if (terms.IsEmpty)
        {
            terms = QueryTerms.From(parsed);
        }

        var phraseWords = parsed.Phrases.SelectMany(p => TokenReader.Read(CorpusAnalyzers.Stemmed, p).Select(t => t.Term));
        terms = terms with { Terms = [.. terms.Terms.Concat(phraseWords).Distinct(StringComparer.Ordinal)], Excluded = [] };
        var query = new BooleanQuery();
        foreach (var term in terms.Terms)
        {
            query.Add(new TermQuery(new Term(Field, term)), Occur.SHOULD);
        }

        return (query, terms);
    }

    /// <summary>A highlighter for one query: <see cref="QueryScorer"/> (terms weighted by their IDF in <paramref name="reader"/>) and the given fragmenter.</summary>
    public static Highlighter Create(Query query, IndexReader reader, Func<QueryScorer, IFragmenter> fragmenter)
    {
        var scorer = new QueryScorer(query, reader, Field);
        return new Highlighter(new SimpleHTMLFormatter(Candidate.Open, Candidate.Close), scorer) { TextFragmenter = fragmenter(scorer) };
    }

    /// <summary>The best <paramref name="fragments"/> fragments of <paramref name="text"/> (none when no query term occurs in it).</summary>
    public static Candidate Excerpt(Highlighter highlighter, string text, int fragments) =>
        Candidate.FromMarked(Fragments(highlighter, text, fragments), text);

    /// <summary>The highlighter's own work for one excerpt: analyse the text, score and pick the fragments, mark them.</summary>
    public static string[] Fragments(Highlighter highlighter, string text, int fragments)
    {
        using var tokens = CorpusAnalyzers.Stemmed.GetTokenStream(Field, text);
        return highlighter.GetBestFragments(tokens, text, fragments);
    }
}
