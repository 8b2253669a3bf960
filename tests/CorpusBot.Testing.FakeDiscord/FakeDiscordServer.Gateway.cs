namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Gateway observation and fault injection.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>Snapshot of every gateway connection, in order of connection.</summary>
    public IReadOnlyList<GatewayConnectionRecord> Connections => _hub.Snapshot();

    /// <summary>How many Identify payloads may still start a session (reported by <c>GET /gateway/bot</c>).</summary>
    public int RemainingSessionStarts => _hub.RemainingSessionStarts;

    /// <summary>False: heartbeats are recorded but not acknowledged with op 11 (simulates a zombied connection).</summary>
    public bool AckHeartbeats
    {
        get => _hub.AckHeartbeats;
        set => _hub.AckHeartbeats = value;
    }

    /// <summary>True: every Resume (op 6) is answered with Invalid Session (op 9, d=false) and the session is invalidated.</summary>
    public bool RejectResumes
    {
        get => _hub.RejectResumes;
        set => _hub.RejectResumes = value;
    }

    /// <summary>True: new connections get no Hello (op 10), as a stuck gateway node would do.</summary>
    public bool WithholdHello
    {
        get => _hub.WithholdHello;
        set => _hub.WithholdHello = value;
    }

    /// <summary>True: Identify is accepted (and counted against the limits) but READY never comes.</summary>
    public bool WithholdReady
    {
        get => _hub.WithholdReady;
        set => _hub.WithholdReady = value;
    }

    /// <summary>
    /// Waits for the next READY that no earlier call has returned: the fake keeps a queue of every READY it sent and each
    /// call consumes one (in order). So the first call returns the first identified connection even if READY went out before
    /// the call; after a re-identify, the next call returns the new connection. The record is a snapshot taken at return.
    /// </summary>
    public Task<GatewayConnectionRecord> WaitForReadyAsync(TimeSpan timeout) =>
        Waiter.UntilAsync(_hub.Signal, _hub.TakeReady, timeout, () => "no new READY was sent. " + DescribeState());

    /// <summary>Like <see cref="WaitForReadyAsync"/>, for RESUMED: consumes the next successful resume not returned before.</summary>
    public Task<GatewayConnectionRecord> WaitForResumedAsync(TimeSpan timeout) =>
        Waiter.UntilAsync(_hub.Signal, _hub.TakeResumed, timeout, () => "no new RESUMED was sent. " + DescribeState());

    /// <summary>Waits until at least <paramref name="count"/> gateway connections have been opened in total.</summary>
    public Task WaitForConnectionCountAsync(int count, TimeSpan timeout) =>
        Waiter.UntilAsync(_hub.Signal, () => _hub.ConnectionCount >= count ? "done" : null, timeout,
            () => $"expected {count} gateway connection(s). " + DescribeState());

    /// <summary>Waits for the next heartbeat (op 1) the client sends after this call.</summary>
    public Task WaitForHeartbeatAsync(TimeSpan timeout)
    {
        var target = _hub.HeartbeatCount + 1;
        return Waiter.UntilAsync(_hub.Signal, () => _hub.HeartbeatCount >= target ? "done" : null, timeout,
            () => "no heartbeat arrived. " + DescribeState());
    }

    /// <summary>Closes the current (latest) open connection, whatever its shard, with a close frame carrying <paramref name="closeCode"/>; the code's documented effect on the session applies (4007/4009 and the non-reconnectable codes invalidate it).</summary>
    public Task CloseCurrentConnectionAsync(int closeCode, string reason = "") => _hub.CloseCurrentAsync(closeCode, reason);

    /// <summary>Drops the current connection without a close frame; the session stays resumable.</summary>
    public Task AbortCurrentConnectionAsync()
    {
        _hub.AbortCurrent();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Closes the latest open connection whose session is shard <paramref name="shardId"/> with a close frame carrying
    /// <paramref name="closeCode"/>; the code's documented effect on that session applies, as for <see cref="CloseCurrentConnectionAsync"/>.
    /// Throws <see cref="InvalidOperationException"/> when no open connection carries a session of that shard.
    /// </summary>
    public Task CloseShardConnectionAsync(int shardId, int closeCode, string reason = "") => _hub.CloseShardAsync(shardId, closeCode, reason);

    /// <summary>Drops the latest open connection whose session is shard <paramref name="shardId"/> without a close frame; the session stays resumable.</summary>
    public Task AbortShardConnectionAsync(int shardId)
    {
        _hub.AbortShard(shardId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Shards the app must use: an Identify whose num_shards (1 without <c>shard</c>) is below this is closed with 4011
    /// "Sharding required" (not a violation: the client cannot know in advance). <c>GET /gateway/bot</c> reports at least
    /// this many shards. Default 1; may be changed while clients are connected.
    /// </summary>
    public int RequiredShards
    {
        get => _hub.RequiredShards;
        set => _hub.RequiredShards = value;
    }

    /// <summary>Sessions attached to an open connection (READY or RESUMED sent on it, not closed or invalidated since).</summary>
    public int LiveSessionCount => _hub.LiveSessionCount;

    /// <summary>Sends Reconnect (op 7); if the client has not closed the socket within <see cref="FakeDiscordOptions.ReconnectCloseDelay"/>, closes it with 4000.</summary>
    public Task SendReconnectAsync() => _hub.SendReconnectAsync();

    /// <summary>Sends Invalid Session (op 9). <paramref name="resumable"/> false invalidates the session; true keeps it resumable. Either way the connection stops receiving dispatches until the client identifies or resumes.</summary>
    public Task SendInvalidSessionAsync(bool resumable) => _hub.SendInvalidSessionAsync(resumable);

    /// <summary>Sends a heartbeat request (op 1); the client must answer with a heartbeat at once (violation after <see cref="FakeDiscordOptions.HeartbeatRequestTimeout"/>).</summary>
    public Task RequestHeartbeatAsync() => _hub.RequestHeartbeatAsync();
}
