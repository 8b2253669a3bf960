namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Every recorded HTTP request, ordered by arrival.</summary>
internal sealed class RequestLog
{
    private readonly object _lock = new();
    private readonly SortedList<long, RecordedRequest> _requests = [];
    private long _next;

    public ChangeSignal Signal { get; } = new();

    public long NextSequence() => Interlocked.Increment(ref _next);

    public void Add(long sequence, RecordedRequest request)
    {
        lock (_lock)
        {
            _requests[sequence] = request;
        }

        Signal.Pulse();
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_lock)
        {
            return _requests.Values.ToArray();
        }
    }

    public int Count
    {
        get { lock (_lock) { return _requests.Count; } }
    }
}
