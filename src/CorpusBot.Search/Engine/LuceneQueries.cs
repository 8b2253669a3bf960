using CorpusBot.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Engine;

/// <summary>Builds Lucene queries from analysed user input; never from raw text, so no parser can throw.</summary>
internal static class LuceneQueries
{
    /// <summary>
    /// Passage documents only. A cached filter rather than a required clause: as a clause, the type's posting list
    /// (every passage) would be walked alongside each query's own terms.
    /// </summary>
    public static Filter PassagesOnly { get; } = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(DocType, PassageType))));

    /// <summary>Past this many postings, a query's most common words stop selecting passages and only add to their score.</summary>
    public const int SelectingPostingsBudget = 20_000;

    /// <summary>
    /// Passages holding any of the terms (in body, title or source), plus the required phrases, minus excluded terms;
    /// run it with <see cref="PassagesOnly"/>. On a large collection, scoring every passage that holds a very common
    /// word costs time in proportion to the collection while adding little, so (as Lucene's CommonTermsQuery does) the
    /// rarest terms, up to <see cref="SelectingPostingsBudget"/> postings and at least one, select the passages and the
    /// common ones only add to their score.
    /// </summary>
    public static BooleanQuery Passages(QueryTerms terms, float titleBoost, IndexReader reader, long budget = SelectingPostingsBudget)
    {
        var query = new BooleanQuery();
        var (selecting, scoring) = SplitByFrequency(terms.Terms, reader, budget);
        if (selecting.Count > 0)
        {
            // MUST around the disjunction: beside required phrases, bare SHOULD clauses would be optional.
            query.Add(AnyOf(selecting, titleBoost), Occur.MUST);
        }

        if (scoring.Count > 0)
        {
            query.Add(AnyOf(scoring, titleBoost), Occur.SHOULD);
        }

        foreach (var phrase in terms.Phrases)
        {
            query.Add(Phrase(Exact, phrase, slop: 0), Occur.MUST);
        }

        foreach (var term in terms.Excluded)
        {
            query.Add(new TermQuery(new Term(Body, term)), Occur.MUST_NOT);
        }

        return query;
    }

    private static (List<string> Selecting, List<string> Scoring) SplitByFrequency(IReadOnlyList<string> terms, IndexReader reader, long budget)
    {
        var byFrequency = terms.Select(t => (Term: t, Postings: (long)reader.DocFreq(new Term(Body, t)))).OrderBy(t => t.Postings).ToList();
        var selecting = new List<string>();
        var scoring = new List<string>();
        long postings = 0;
        foreach (var (term, count) in byFrequency)
        {
            if (selecting.Count == 0 || postings + count <= budget)
            {
                selecting.Add(term);
                postings += count;
            }
            else
            {
                scoring.Add(term);
            }
        }

        // Keep the query's own order within each group: scores do not depend on it, but explanations read better.
        return ([.. terms.Where(selecting.Contains)], [.. terms.Where(scoring.Contains)]);
    }

    private static BooleanQuery AnyOf(IEnumerable<string> terms, float titleBoost)
    {
        var any = new BooleanQuery();
        foreach (var term in terms)
        {
            any.Add(new BooleanQuery
            {
                { new TermQuery(new Term(Body, term)), Occur.SHOULD },
                { new TermQuery(new Term(Title, term)) { Boost = titleBoost }, Occur.SHOULD },
                { new TermQuery(new Term(Source, term)) { Boost = titleBoost / 2 }, Occur.SHOULD },
            }, Occur.SHOULD);
        }

        return any;
    }

    public static Query ExactPhrases(IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        var query = new BooleanQuery();
        foreach (var phrase in phrases)
        {
            query.Add(Phrase(Exact, phrase, slop: 0), Occur.MUST);
        }

        return query;
    }

    public static Query NearPhrase(IReadOnlyList<string> tokens)
    {
        var query = new BooleanQuery();
        var words = new BooleanQuery { MinimumNumberShouldMatch = Math.Max(1, (int)Math.Ceiling(tokens.Distinct().Count() * 0.5)) };
        foreach (var token in tokens.Distinct(StringComparer.Ordinal))
        {
            words.Add(new TermQuery(new Term(Exact, token)), Occur.SHOULD);
        }

        query.Add(words, Occur.MUST);
        query.Add(Phrase(Exact, tokens, slop: Math.Max(3, tokens.Count / 3)), Occur.SHOULD);
        return query;
    }

    public static BooleanQuery OnlyArticles() => new() { { new TermQuery(new Term(DocType, ArticleType)) { Boost = 0 }, Occur.MUST } };

    public static BooleanQuery OnlyPassages() => new() { { new TermQuery(new Term(DocType, PassageType)) { Boost = 0 }, Occur.MUST } };

    public static Query Phrase(string field, IReadOnlyList<string> tokens, int slop)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0]));
        }

        var phrase = new PhraseQuery { Slop = slop };
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token));
        }

        return phrase;
    }
}
