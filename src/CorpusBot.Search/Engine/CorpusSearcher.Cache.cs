using System.Collections.Concurrent;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Results;
using Lucene.Net.Index;

namespace CorpusBot.Search.Engine;

public sealed partial class CorpusSearcher
{
    /// <summary>Answers kept per index state; past this many the table starts again (a burst asks the same few things).</summary>
    internal const int CachedAnswers = 2048;

    private volatile AnswerCache? _answers;

    /// <summary>
    /// The same request on the same index state (same reader; for questions, the same passage vectors) gets the same answer, so when many
    /// people ask the same thing at once (a burst, a pinned question, the buttons of one search) it is worked out once.
    /// Results are immutable records; an answer the model had to skip because it was busy is not kept.
    /// </summary>
    /// <param name="key">The request.</param>
    /// <param name="byMeaning">Whether the answer uses passage vectors (questions do), so that new vectors start afresh;
    /// searches and quotes never ask for them, which would open the vector store for nothing.</param>
    /// <param name="compute">Works the answer out.</param>
    private T Remembered<T>(AnswerKey key, bool byMeaning, Func<T> compute) where T : class
    {
        using var lease = index.Acquire();
        var reader = lease.Searcher.IndexReader;
        var cache = _answers;
        if (cache is null || !ReferenceEquals(cache.Reader, reader) || cache.Entries.Count >= CachedAnswers)
        {
            _answers = cache = new AnswerCache(reader);
        }

        // The vectors are part of a question's key, not of the table's state: searches and questions share one table.
        key = key with { Vectors = byMeaning ? semantic?.Coverage.Embedded ?? 0 : -1 };

        if (cache.Entries.TryGetValue(key, out var known))
        {
            return (T)known;
        }

        var busyBefore = byMeaning ? semantic?.BusyAnswers ?? 0 : 0;
        var answer = compute();
        if (!byMeaning || (semantic?.BusyAnswers ?? 0) == busyBefore)
        {
            cache.Entries.TryAdd(key, answer);
        }

        return answer;
    }

    private readonly record struct AnswerKey(string Operation, string Text, int A, int B, DateRange? Dates, bool Flag)
    {
        /// <summary>Passages with vectors when a question was answered (-1 for what never uses them).</summary>
        public int Vectors { get; init; }
    }

    private sealed class AnswerCache(IndexReader reader)
    {
        public IndexReader Reader { get; } = reader;

        public ConcurrentDictionary<AnswerKey, object> Entries { get; } = new();
    }
}
