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
    /// rarest term clauses, up to <see cref="SelectingPostingsBudget"/> postings and at least one, select the passages
    /// and the common ones only add to their score. A title word counts by its own frequency: every passage of a long
    /// article carries its title.
    /// </summary>
    public static BooleanQuery Passages(QueryTerms terms, float titleBoost, IndexReader reader, long budget = SelectingPostingsBudget)
    {
        var query = new BooleanQuery();
        var (selecting, scoring) = SplitByFrequency(TermClauses(terms.Terms, titleBoost), reader, budget);
        if (selecting.Clauses.Count > 0)
        {
            // MUST around the disjunction: beside required phrases, bare SHOULD clauses would be optional.
            query.Add(selecting, Occur.MUST);
        }

        if (scoring.Clauses.Count > 0)
        {
            query.Add(scoring, Occur.SHOULD);
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

    // With BM25 (coord and query norm both 1) a flat disjunction scores exactly as the nested per-term one.
    private static IEnumerable<TermQuery> TermClauses(IReadOnlyList<string> terms, float titleBoost) =>
        terms.SelectMany(term => new[]
        {
            new TermQuery(new Term(Body, term)),
            new TermQuery(new Term(Title, term)) { Boost = titleBoost },
            new TermQuery(new Term(Source, term)) { Boost = titleBoost / 2 },
        });

    private static (BooleanQuery Selecting, BooleanQuery Scoring) SplitByFrequency(IEnumerable<TermQuery> clauses, IndexReader reader, long budget)
    {
        var byFrequency = clauses.Select(q => (Query: q, Postings: (long)reader.DocFreq(q.Term))).OrderBy(c => c.Postings).ToList();
        var selecting = new BooleanQuery();
        var scoring = new BooleanQuery();
        long postings = 0;
        foreach (var (query, count) in byFrequency)
        {
            if (count == 0)
            {
                continue; // matches nothing either way
            }

            if (selecting.Clauses.Count == 0 || postings + count <= budget)
            {
                selecting.Add(query, Occur.SHOULD);
                postings += count;
            }
            else
            {
                scoring.Add(query, Occur.SHOULD);
            }
        }

        if (selecting.Clauses.Count == 0)
        {
            foreach (var (query, _) in byFrequency)
            {
                selecting.Add(query, Occur.SHOULD); // no term is found anywhere: a query that finds nothing
            }
        }

        return (selecting, scoring);
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
