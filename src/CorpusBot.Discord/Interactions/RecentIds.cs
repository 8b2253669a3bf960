using System.Collections.Concurrent;

namespace CorpusBot.Discord.Interactions;

/// <summary>
/// The interaction ids seen in the last <c>remember</c> (to ignore replayed duplicates). Ids are also queued in
/// the order they were seen, so forgetting takes only the expired ones off the front: amortised O(1) per id,
/// however many are remembered, instead of a scan of the whole table.
/// </summary>
internal sealed class RecentIds(TimeProvider time, TimeSpan remember)
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Id, DateTimeOffset SeenAt)> _order = new();
    private readonly object _forgetting = new();
    private long _examined;

    /// <summary>Ids remembered now.</summary>
    public int Count => _ids.Count;

    /// <summary>Queue entries looked at while forgetting, in all (for tests: stays proportional to the ids added).</summary>
    internal long Examined => Interlocked.Read(ref _examined);

    /// <summary>True the first time an id is seen (within the remembered time); false for a repeat.</summary>
    public bool TryAdd(string id)
    {
        var now = time.GetUtcNow();
        if (!_ids.TryAdd(id, 0))
        {
            return false;
        }

        _order.Enqueue((id, now));
        Forget(now - remember);
        return true;
    }

    private void Forget(DateTimeOffset cutoff)
    {
        if (!Monitor.TryEnter(_forgetting))
        {
            return; // someone else is forgetting right now; the next add catches up
        }

        try
        {
            while (_order.TryPeek(out var oldest))
            {
                Interlocked.Increment(ref _examined);
                if (oldest.SeenAt >= cutoff)
                {
                    return;
                }

                _order.TryDequeue(out _);
                _ids.TryRemove(oldest.Id, out _);
            }
        }
        finally
        {
            Monitor.Exit(_forgetting);
        }
    }
}
