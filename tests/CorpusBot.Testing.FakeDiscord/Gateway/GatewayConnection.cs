using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

internal enum ConnectionState
{
    /// <summary>Hello sent; waiting for Identify or Resume.</summary>
    AwaitingAuth,

    /// <summary>READY or RESUMED sent; dispatches flow.</summary>
    Ready,

    /// <summary>The fake has started closing it.</summary>
    Closing,

    Closed,
}

/// <summary>
/// One gateway WebSocket. <see cref="State"/>, <see cref="Session"/> and <see cref="LastSession"/> are guarded by the hub lock;
/// the recorded data by this object's own lock. Frames are written by <see cref="ConnectionWriter"/>.
/// </summary>
internal sealed partial class GatewayConnection
{
    private static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(2);
    private readonly object _lock = new();
    private readonly List<JsonElement> _identifies = [];
    private readonly List<JsonElement> _resumes = [];
    private readonly List<JsonElement> _received = [];
    private readonly List<HeartbeatRecord> _heartbeats = [];
    private readonly List<SentGatewayPayload> _sent = [];
    private readonly List<(long Seq, DateTimeOffset At)> _recentSeqs = [];
    private readonly Queue<DateTimeOffset> _recentEvents = new();
    private DateTimeOffset? _helloSentAt;
    private DateTimeOffset? _closedAt;
    private DateTimeOffset _lastHeartbeatAt;
    private DateTimeOffset? _heartbeatRequestedAt;
    private string? _sessionId;
    private int? _shardId;
    private int? _shardCount;
    private bool _readySent;
    private bool _resumedSent;
    private int? _clientCloseCode;
    private string? _clientCloseReason;
    private int? _serverCloseCode;
    private string? _serverCloseReason;
    private bool _aborted;
    private bool _clientDropped;

    public GatewayConnection(int index, string path, string query, DateTimeOffset openedAt)
    {
        Index = index;
        Path = path;
        Query = query;
        OpenedAt = openedAt;
        _lastHeartbeatAt = openedAt;
        Writer = new ConnectionWriter(this);
    }

    public int Index { get; }
    public string Path { get; }
    public string Query { get; }
    public DateTimeOffset OpenedAt { get; }
    public ConnectionWriter Writer { get; }
    public ConnectionState State { get; set; } = ConnectionState.AwaitingAuth;
    public GatewaySession? Session { get; set; }
    public GatewaySession? LastSession { get; set; }

    public bool IsResumeUrl => Path == FakeDiscordServer.ResumeGatewayPath;

    public DateTimeOffset LastHeartbeatAt
    {
        get { lock (_lock) { return _lastHeartbeatAt; } }
    }

    public DateTimeOffset? HeartbeatRequestedAt
    {
        get { lock (_lock) { return _heartbeatRequestedAt; } }
    }

    public void Send(string text, int op, string? eventName = null, long? seq = null, Action<DateTimeOffset>? onSending = null) =>
        Writer.Enqueue(new Outbound(OutboundKind.Text, text, op, eventName, seq) { OnSending = onSending });

    public void MarkHelloSent(DateTimeOffset at)
    {
        lock (_lock)
        {
            _helloSentAt = at;
            _lastHeartbeatAt = at;
        }
    }

    public void MarkSession(string sessionId, bool resumed, int shardId, int shardCount)
    {
        lock (_lock)
        {
            _sessionId = sessionId;
            _shardId = shardId;
            _shardCount = shardCount;
            _readySent |= !resumed;
            _resumedSent |= resumed;
        }
    }

    public void RecordReceived(JsonElement payload)
    {
        lock (_lock)
        {
            _received.Add(payload);
        }
    }

    public void RecordIdentify(JsonElement d)
    {
        lock (_lock)
        {
            _identifies.Add(d);
        }
    }

    public void RecordResume(JsonElement d)
    {
        lock (_lock)
        {
            _resumes.Add(d);
        }
    }

    /// <summary>
    /// Starts sequence tracking for a new session (READY: no base) or a resumed one (the client's <c>seq</c> is what it
    /// already has, so it counts as received long ago).
    /// </summary>
    public void ResetSequences(long? resumedSeq, DateTimeOffset at)
    {
        lock (_lock)
        {
            _recentSeqs.Clear();
            if (resumedSeq is { } seq)
            {
                _recentSeqs.Add((seq, at - InFlightGrace));
            }
        }
    }

    /// <summary>Counts a non-heartbeat event against the 120-per-60-s send limit; false when the limit is exceeded.</summary>
    public bool CountEvent(DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_recentEvents.Count > 0 && now - _recentEvents.Peek() > TimeSpan.FromSeconds(60))
            {
                _recentEvents.Dequeue();
            }

            _recentEvents.Enqueue(now);
            return _recentEvents.Count <= 120;
        }
    }

    public void RequestHeartbeat(DateTimeOffset at)
    {
        lock (_lock)
        {
            _heartbeatRequestedAt = at;
        }
    }

    /// <summary>Records a heartbeat and checks its <c>d</c> against the sequence numbers written on this connection.</summary>
    public HeartbeatRecord RecordHeartbeat(long? d, DateTimeOffset now)
    {
        lock (_lock)
        {
            var since = now - (_helloSentAt ?? OpenedAt);
            long? last = _recentSeqs.Count > 0 ? _recentSeqs[^1].Seq : null;
            long? floor = null;
            foreach (var (seq, at) in _recentSeqs)
            {
                if (at <= now - InFlightGrace)
                {
                    floor = seq;
                }
            }

            var ok = last is null
                || (d is null ? floor is null : d <= last && (floor is null || d >= floor));
            var answered = _heartbeatRequestedAt is not null;
            _heartbeatRequestedAt = null;
            var record = new HeartbeatRecord(since, d, last, ok, answered);
            _heartbeats.Add(record);
            _lastHeartbeatAt = now;
            return record;
        }
    }

    public void RecordSent(Outbound item, DateTimeOffset at)
    {
        lock (_lock)
        {
            _sent.Add(new SentGatewayPayload(item.Op, item.EventName, item.Seq, at));
            if (item.Seq is { } seq)
            {
                _recentSeqs.Add((seq, at));
                while (_recentSeqs.Count > 2 && _recentSeqs[1].At <= at - InFlightGrace)
                {
                    _recentSeqs.RemoveAt(0);
                }
            }
        }
    }

    public void RecordServerClose(int code, string reason)
    {
        lock (_lock)
        {
            _serverCloseCode ??= code;
            _serverCloseReason ??= reason;
        }
    }

    public void RecordEnd(int? clientCloseCode, string? clientCloseReason, bool clientDropped, DateTimeOffset at)
    {
        lock (_lock)
        {
            _clientCloseCode ??= clientCloseCode;
            _clientCloseReason ??= clientCloseReason;
            _clientDropped |= clientDropped && !_aborted;
            _closedAt ??= at;
        }
    }

    public void MarkAborted()
    {
        lock (_lock)
        {
            _aborted = true;
        }
    }

    public GatewayConnectionRecord ToRecord()
    {
        lock (_lock)
        {
            return new GatewayConnectionRecord(Index, Path, Query)
            {
                OpenedAt = OpenedAt,
                HelloSentAt = _helloSentAt,
                ClosedAt = _closedAt,
                IsOpen = _closedAt is null,
                SessionId = _sessionId,
                ShardId = _shardId,
                ShardCount = _shardCount,
                ReadySent = _readySent,
                ResumedSent = _resumedSent,
                Identifies = _identifies.ToArray(),
                Resumes = _resumes.ToArray(),
                Heartbeats = _heartbeats.ToArray(),
                Received = _received.ToArray(),
                Sent = _sent.ToArray(),
                ClientCloseCode = _clientCloseCode,
                ClientCloseReason = _clientCloseReason,
                ServerCloseCode = _serverCloseCode,
                ServerCloseReason = _serverCloseReason,
                Aborted = _aborted,
                ClientDropped = _clientDropped,
                FirstHeartbeatAfterHello = _heartbeats.Count > 0 ? _heartbeats[0].SinceHello : null,
            };
        }
    }
}
