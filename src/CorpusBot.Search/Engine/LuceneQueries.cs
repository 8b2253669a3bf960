using CorpusBot.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Engine;

/// <summary>Builds Lucene queries from analysed user input; never from raw text, so no parser can throw.</summary>
internal static class LuceneQueries
{
    public static Query Passages(QueryTerms terms, float titleBoost)
    {
        var query = OnlyPassages();
        var anyTerm = new BooleanQuery();
        foreach (var term in terms.Terms)
        {
            var either = new BooleanQuery
            {
                { new TermQuery(new Term(Body, term)), Occur.SHOULD },
                { new TermQuery(new Term(Title, term)) { Boost = titleBoost }, Occur.SHOULD },
                { new TermQuery(new Term(Source, term)) { Boost = titleBoost / 2 }, Occur.SHOULD },
            };
            anyTerm.Add(either, Occur.SHOULD);
        }

        if (anyTerm.Clauses.Count > 0)
        {
            // MUST around the disjunction: beside the type filter, bare SHOULD clauses would be optional and match everything.
            query.Add(anyTerm, Occur.MUST);
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

    public static Query ExactPhrases(IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        var query = OnlyPassages();
        foreach (var phrase in phrases)
        {
            query.Add(Phrase(Exact, phrase, slop: 0), Occur.MUST);
        }

        return query;
    }

    public static Query NearPhrase(IReadOnlyList<string> tokens)
    {
        var query = OnlyPassages();
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
