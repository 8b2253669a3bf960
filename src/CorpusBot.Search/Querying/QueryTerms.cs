using CorpusBot.Search.Analysis;

namespace CorpusBot.Search.Querying;

/// <summary>The analysed form of a query: stemmed terms to rank and mark, and exact-token phrases.</summary>
/// <param name="Terms">Distinct stemmed terms, in query order.</param>
/// <param name="Phrases">Each phrase as its sequence of exact (unstemmed) tokens.</param>
/// <param name="Excluded">Stemmed terms that must not appear.</param>
internal sealed record QueryTerms(IReadOnlyList<string> Terms, IReadOnlyList<IReadOnlyList<string>> Phrases, IReadOnlyList<string> Excluded)
{
    /// <summary>More distinct terms than this are ignored (Lucene caps clauses, and nobody means 500 words).</summary>
    public const int MaxTerms = 64;

    /// <summary>True when nothing searchable is left.</summary>
    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0;

    /// <summary>Analyses a parsed query; <paramref name="dropWords"/> removes question words and the like.</summary>
    public static QueryTerms From(UserQuery query, IReadOnlySet<string>? dropWords = null)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in query.Loose.Replace(':', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (dropWords is not null && dropWords.Contains(word.Trim('?', '!', '.', ',', ';', '\'', '"').ToLowerInvariant()))
            {
                continue;
            }

            foreach (var token in TokenReader.Read(CorpusAnalyzers.Stemmed, word))
            {
                if (terms.Count < MaxTerms && seen.Add(token.Term))
                {
                    terms.Add(token.Term);
                }
            }
        }

        var phrases = query.Phrases
            .Select(p => (IReadOnlyList<string>)[.. TokenReader.Read(CorpusAnalyzers.Exact, p.Replace(':', ' ')).Select(t => t.Term).Take(MaxTerms)])
            .Where(p => p.Count > 0)
            .Take(8)
            .ToList();
        var excluded = query.Excluded
            .SelectMany(w => TokenReader.Read(CorpusAnalyzers.Stemmed, w).Select(t => t.Term))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();
        return new QueryTerms(terms, phrases, excluded);
    }
}
