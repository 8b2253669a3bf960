using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>
/// Gateway state shared by all connections: sessions (one live session per shard), dispatch routing and replay, fault injection.
/// One lock (<see cref="_lock"/>) guards it; frames are queued under that lock so their order is the order of decisions.
/// </summary>
internal sealed partial class GatewayHub
{
    private static readonly int[] InvalidatingCloseCodes = [4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014];
    private readonly object _lock = new();
    private readonly FakeDiscordOptions _options;
    private readonly ViolationLog _violations;
    private readonly List<GatewayConnection> _connections = [];
    private readonly Dictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly List<PendingDispatch> _pending = [];
    private readonly Dictionary<(int Id, int Count), GatewaySession> _live = [];
    private readonly Dictionary<long, DateTimeOffset> _lastIdentifyByKey = [];
    private readonly List<GatewayConnection> _readyLog = [];
    private readonly List<GatewayConnection> _resumedLog = [];
    private long _liveStamp;
    private int _requiredShards = 1;
    private int _readyCursor;
    private int _resumedCursor;
    private int _heartbeatCount;
    private int _remainingStarts;

    public GatewayHub(FakeDiscordOptions options, ViolationLog violations)
    {
        _options = options;
        _violations = violations;
        _remainingStarts = options.SessionStartRemaining;
    }

    private sealed record PendingDispatch(string EventName, JsonNode? Data, Action<DateTimeOffset>? OnSending, ulong? GuildId);

    public ChangeSignal Signal { get; } = new();

    public string ResumeGatewayUrl { get; set; } = "";

    public bool AckHeartbeats { get; set; } = true;

    public bool RejectResumes { get; set; }

    public bool WithholdHello { get; set; }

    public bool WithholdReady { get; set; }

    public int RemainingSessionStarts
    {
        get { lock (_lock) { return _remainingStarts; } }
    }

    public int HeartbeatCount
    {
        get { lock (_lock) { return _heartbeatCount; } }
    }

    /// <summary>An Identify with fewer shards is closed with 4011; also the floor of the recommended shard count.</summary>
    public int RequiredShards
    {
        get { lock (_lock) { return _requiredShards; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (_lock)
            {
                _requiredShards = value;
            }
        }
    }

    /// <summary>Sessions attached to an open connection (READY or RESUMED sent on it, not closed since).</summary>
    public int LiveSessionCount
    {
        get
        {
            lock (_lock)
            {
                return _sessions.Values.Count(s => !s.Invalidated && s.Connection is { State: ConnectionState.Ready });
            }
        }
    }

    public GatewayConnection Open(string path, string query)
    {
        GatewayConnection connection;
        lock (_lock)
        {
            connection = new GatewayConnection(_connections.Count, path, query, DateTimeOffset.UtcNow);
            _connections.Add(connection);
        }

        Signal.Pulse();
        return connection;
    }

    public IReadOnlyList<GatewayConnectionRecord> Snapshot()
    {
        lock (_lock)
        {
            return _connections.Select(c => c.ToRecord()).ToArray();
        }
    }

    public int ConnectionCount
    {
        get { lock (_lock) { return _connections.Count; } }
    }

    /// <summary>
    /// Sends a dispatch on the live session of the shard the Sharding Formula names (guild_id, or shard 0 without one), logging
    /// it for replay; without such a session it waits for the next READY of a session it routes to.
    /// </summary>
    public void Dispatch(string eventName, JsonNode? data, Action<DateTimeOffset>? onSending)
    {
        var guildId = ShardRouting.GuildIdOf(data);
        lock (_lock)
        {
            if (RouteLocked(guildId) is not { } session)
            {
                _pending.Add(new PendingDispatch(eventName, data, onSending, guildId));
                return;
            }

            AppendLocked(session, eventName, data, onSending);
        }
    }

    /// <summary>The most recently identified/resumed live session whose shard receives the guild's events.</summary>
    private GatewaySession? RouteLocked(ulong? guildId) =>
        _live.Values.Where(s => !s.Invalidated && s.Routes(guildId)).MaxBy(s => s.LiveStamp);

    /// <summary>Makes the session the live one of its shard (Identify or Resume).</summary>
    private void MakeLiveLocked(GatewaySession session)
    {
        session.LiveStamp = ++_liveStamp;
        _live[(session.ShardId, session.ShardCount)] = session;
    }

    /// <summary>Sends the held dispatches that route to a session that has just sent READY, in dispatch order.</summary>
    private void FlushPendingLocked(GatewaySession session)
    {
        foreach (var pending in _pending.Where(p => session.Routes(p.GuildId)))
        {
            AppendLocked(session, pending.EventName, pending.Data, pending.OnSending);
        }

        _pending.RemoveAll(p => session.Routes(p.GuildId));
    }

    private void AppendLocked(GatewaySession session, string eventName, JsonNode? data, Action<DateTimeOffset>? onSending)
    {
        var seq = ++session.LastSeq;
        var payload = GatewayPayloads.Dispatch(eventName, seq, data);
        session.Log.Add(new LoggedDispatch(seq, eventName, payload, onSending));
        if (session.Connection is { State: ConnectionState.Ready } connection)
        {
            connection.Send(payload, 0, eventName, seq, onSending);
        }
    }

    /// <summary>Starts closing a connection with a code; applies the close code's effect on the session. Caller holds the lock.</summary>
    private Task CloseLocked(GatewayConnection connection, int code, string reason)
    {
        if (connection.State is ConnectionState.Closing or ConnectionState.Closed)
        {
            return Task.CompletedTask;
        }

        connection.State = ConnectionState.Closing;
        connection.RecordServerClose(code, reason);
        var session = connection.Session ?? connection.LastSession;
        if (connection.Session is { } attached && attached.Connection == connection)
        {
            attached.Connection = null;
        }

        connection.Session = null;
        if (session is not null && InvalidatingCloseCodes.Contains(code))
        {
            InvalidateLocked(session, $"the fake closed the connection with {code}");
        }

        var item = Outbound.Close(code, reason);
        connection.Writer.Enqueue(item);
        Signal.Pulse();
        return item.Done.Task;
    }

    private void InvalidateLocked(GatewaySession session, string reason, bool byClientClose = false)
    {
        session.Invalidate(reason, byClientClose);
        if (_live.TryGetValue((session.ShardId, session.ShardCount), out var live) && live == session)
        {
            _live.Remove((session.ShardId, session.ShardCount));
        }
    }

    public Task CloseAsync(GatewayConnection connection, int code, string reason)
    {
        lock (_lock)
        {
            return CloseLocked(connection, code, reason);
        }
    }

    /// <summary>Called by the endpoint when a connection has ended for any reason.</summary>
    public void Ended(GatewayConnection connection, int? clientCloseCode, string? clientCloseReason, bool dropped)
    {
        lock (_lock)
        {
            var clientInitiated = clientCloseCode is not null && connection.State is not (ConnectionState.Closing or ConnectionState.Closed);
            connection.RecordEnd(clientInitiated ? clientCloseCode : null, clientInitiated ? clientCloseReason : null, dropped, DateTimeOffset.UtcNow);
            if (connection.Session is { } session && session.Connection == connection)
            {
                session.Connection = null;
            }

            if (clientInitiated && clientCloseCode is 1000 or 1001 && (connection.Session ?? connection.LastSession) is { } closed)
            {
                InvalidateLocked(closed, $"the client closed its connection with {clientCloseCode}", byClientClose: true);
            }

            connection.Session = null;
            connection.State = ConnectionState.Closed;
        }

        Signal.Pulse();
    }

    public void DisposeAll()
    {
        GatewayConnection[] all;
        lock (_lock)
        {
            all = _connections.Where(c => c.State != ConnectionState.Closed).ToArray();
        }

        foreach (var connection in all)
        {
            connection.Writer.Abort();
        }
    }
}
