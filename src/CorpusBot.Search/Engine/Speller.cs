using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using CorpusBot.Search.Analysis;
using CorpusBot.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Engine;

/// <summary>
/// "Did you mean": a word that occurs nowhere in the collection is replaced by the closest word that does
/// (edit distance 1, or else 2 for longer words with the first letter right; the most similar, then the most frequent). The vocabulary is the
/// index's own exact field, so suggestions are real words of the articles, accents folded.
/// </summary>
internal static class Speller
{
    private const int MinLength = 5;
    private const int MaxRemembered = 4096;

    // Suggestions per index state: the same unknown word comes back (a retried question, every Prev/Next page of a
    // search re-runs it), and finding its neighbours is the costliest step of a query. A refreshed reader starts afresh.
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, string?>> Remembered = new();

    /// <summary>The corrected text, or null when every word is known (or nothing close exists).</summary>
    public static string? Correct(IndexReader reader, string text)
    {
        var tokens = TokenReader.Read(CorpusAnalyzers.Exact, text);
        var builder = new StringBuilder(text);
        var changed = false;
        foreach (var token in tokens.Reverse())
        {
            if (token.Term.Length < MinLength || !token.Term.All(char.IsLetter) || IsKnown(reader, token.Term))
            {
                continue;
            }

            if (RememberedBestMatch(reader, token.Term) is { } replacement)
            {
                builder.Remove(token.Start, token.End - token.Start).Insert(token.Start, replacement);
                changed = true;
            }
        }

        return changed ? builder.ToString() : null;
    }

    // Known as written, as a form of a known word ("retweet" for "retweeted"), or a word of the question itself.
    private static bool IsKnown(IndexReader reader, string word) =>
        QuestionWords.Ignored.Contains(word)
        || CorpusAnalyzers.StopWords.Contains(word)
        || reader.DocFreq(new Term(Exact, word)) > 0
        || TokenReader.Read(CorpusAnalyzers.Stemmed, word).Any(t => reader.DocFreq(new Term(Body, t.Term)) > 0);

    private static string? RememberedBestMatch(IndexReader reader, string word)
    {
        var known = Remembered.GetValue(reader, _ => new ConcurrentDictionary<string, string?>(StringComparer.Ordinal));
        if (known.TryGetValue(word, out var remembered))
        {
            return remembered;
        }

        if (known.Count >= MaxRemembered)
        {
            known.Clear();
        }

        return known[word] = BestMatch(reader, word);
    }

    // One edit anywhere first (a wrong first letter too: "seasefire"); two edits only past the first letter, since
    // without that anchor nearly every term of a large dictionary is a candidate (tens of milliseconds per word).
    private static string? BestMatch(IndexReader reader, string word) =>
        Closest(reader, word, maxEdits: 1, prefixLength: 0)
        ?? (word.Length >= 8 ? Closest(reader, word, maxEdits: 2, prefixLength: 1) : null);

    private static string? Closest(IndexReader reader, string word, int maxEdits, int prefixLength)
    {
        var rewritten = new FuzzyQuery(new Term(Exact, word), maxEdits, prefixLength).Rewrite(reader);
        var candidates = rewritten switch
        {
            BooleanQuery boolean => boolean.Clauses.Select(c => c.Query).OfType<TermQuery>(),
            TermQuery single => [single],
            _ => [],
        };
        return candidates
            .Where(q => q.Term.Text.All(char.IsLetter))
            .Select(q => (Word: q.Term.Text, Similarity: q.Boost, Frequency: reader.DocFreq(q.Term)))
            .OrderByDescending(c => c.Similarity)
            .ThenByDescending(c => c.Frequency)
            .Select(c => c.Word)
            .FirstOrDefault();
    }
}
