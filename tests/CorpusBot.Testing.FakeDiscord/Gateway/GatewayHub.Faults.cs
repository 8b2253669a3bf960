namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Fault injection acting on the current open connection or on a shard's, and the gateway wait helpers.</summary>
internal sealed partial class GatewayHub
{
    private GatewayConnection CurrentLocked() =>
        _connections.LastOrDefault(c => c.State is ConnectionState.AwaitingAuth or ConnectionState.Ready)
        ?? throw new InvalidOperationException($"No gateway connection is open (connections so far: {_connections.Count}).");

    public Task CloseCurrentAsync(int code, string reason)
    {
        lock (_lock)
        {
            return CloseLocked(CurrentLocked(), code, reason);
        }
    }

    /// <summary>The latest open connection whose session (attached, or last attached) is shard <paramref name="shardId"/>.</summary>
    private GatewayConnection ShardLocked(int shardId) =>
        _connections.LastOrDefault(c => c.State is ConnectionState.AwaitingAuth or ConnectionState.Ready && (c.Session ?? c.LastSession)?.ShardId == shardId)
        ?? throw new InvalidOperationException($"No open gateway connection carries a session of shard {shardId} (connections so far: {_connections.Count}).");

    public Task CloseShardAsync(int shardId, int code, string reason)
    {
        lock (_lock)
        {
            return CloseLocked(ShardLocked(shardId), code, reason);
        }
    }

    public void AbortCurrent() => Abort(CurrentLocked);

    public void AbortShard(int shardId) => Abort(() => ShardLocked(shardId));

    /// <summary>Drops the chosen connection without a close frame; its session stays resumable.</summary>
    private void Abort(Func<GatewayConnection> choose)
    {
        GatewayConnection connection;
        lock (_lock)
        {
            connection = choose();
            connection.MarkAborted();
            if (connection.Session is { } session && session.Connection == connection)
            {
                session.Connection = null; // an abort keeps the session resumable
            }

            connection.Session = null;
            connection.State = ConnectionState.Closing;
        }

        connection.Writer.Abort();
        Signal.Pulse();
    }

    public Task SendReconnectAsync()
    {
        GatewayConnection connection;
        var item = new Outbound(OutboundKind.Text, GatewayPayloads.Reconnect, 7);
        lock (_lock)
        {
            connection = CurrentLocked();
            connection.Writer.Enqueue(item);
        }

        _ = CloseAfterReconnectAsync(connection);
        return item.Done.Task;
    }

    private async Task CloseAfterReconnectAsync(GatewayConnection connection)
    {
        await Task.Delay(_options.ReconnectCloseDelay).ConfigureAwait(false);
        lock (_lock)
        {
            if (connection.State is ConnectionState.AwaitingAuth or ConnectionState.Ready)
            {
                _ = CloseLocked(connection, 4000, "Reconnect requested");
            }
        }
    }

    public Task SendInvalidSessionAsync(bool resumable)
    {
        var item = new Outbound(OutboundKind.Text, GatewayPayloads.InvalidSession(resumable), 9);
        lock (_lock)
        {
            var connection = CurrentLocked();
            SendInvalidSessionLocked(connection, resumable, item);
        }

        Signal.Pulse();
        return item.Done.Task;
    }

    private void SendInvalidSessionLocked(GatewayConnection connection, bool resumable, Outbound? item = null)
    {
        var session = connection.Session;
        if (session is not null && session.Connection == connection)
        {
            session.Connection = null;
        }

        connection.Session = null;
        connection.State = ConnectionState.AwaitingAuth;
        if (!resumable && session is not null)
        {
            InvalidateLocked(session, "the fake sent Invalid Session (op 9) with d=false");
        }

        connection.Writer.Enqueue(item ?? new Outbound(OutboundKind.Text, GatewayPayloads.InvalidSession(resumable), 9));
    }

    public Task RequestHeartbeatAsync()
    {
        GatewayConnection connection;
        var item = new Outbound(OutboundKind.Text, GatewayPayloads.HeartbeatRequest, 1);
        lock (_lock)
        {
            connection = CurrentLocked();
            connection.RequestHeartbeat(DateTimeOffset.UtcNow);
            connection.Writer.Enqueue(item);
        }

        _ = CheckHeartbeatAnsweredAsync(connection);
        return item.Done.Task;
    }

    private async Task CheckHeartbeatAnsweredAsync(GatewayConnection connection)
    {
        var requestedAt = connection.HeartbeatRequestedAt;
        await Task.Delay(_options.HeartbeatRequestTimeout).ConfigureAwait(false);
        lock (_lock)
        {
            if (connection.State is ConnectionState.Closed or ConnectionState.Closing || connection.HeartbeatRequestedAt != requestedAt)
            {
                return;
            }
        }

        _violations.Add("gateway", $"Connection #{connection.Index}: the client did not answer a heartbeat request (op 1 from the server) within {_options.HeartbeatRequestTimeout.TotalSeconds:0.#} s; it must send a heartbeat immediately.");
    }

    /// <summary>Closes the connection with 4000 when no heartbeat arrives within 1.5 heartbeat intervals (+200 ms scheduling slack).</summary>
    public async Task MonitorHeartbeatsAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var allowed = TimeSpan.FromMilliseconds(_options.HeartbeatIntervalMs * 1.5 + 200);
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = connection.LastHeartbeatAt + allowed - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }

            lock (_lock)
            {
                if (connection.State is ConnectionState.Closing or ConnectionState.Closed)
                {
                    return;
                }

                _violations.Add("gateway", $"Connection #{connection.Index}: missed heartbeat: nothing for {allowed.TotalMilliseconds:0} ms (1.5 x heartbeat_interval {_options.HeartbeatIntervalMs} ms); closing with 4000.");
                _ = CloseLocked(connection, 4000, "Heartbeat missed");
                return;
            }
        }
    }

    public GatewayConnectionRecord? TakeReady()
    {
        lock (_lock)
        {
            return _readyCursor < _readyLog.Count ? _readyLog[_readyCursor++].ToRecord() : null;
        }
    }

    public GatewayConnectionRecord? TakeResumed()
    {
        lock (_lock)
        {
            return _resumedCursor < _resumedLog.Count ? _resumedLog[_resumedCursor++].ToRecord() : null;
        }
    }

    public string Describe()
    {
        lock (_lock)
        {
            var last = _connections.LastOrDefault()?.ToRecord();
            var lastText = last is null
                ? "none"
                : $"#{last.Index} {last.Path}{last.Query} open={last.IsOpen} ready={last.ReadySent} resumed={last.ResumedSent} identifies={last.Identifies.Count} resumes={last.Resumes.Count} heartbeats={last.Heartbeats.Count} clientClose={last.ClientCloseCode?.ToString() ?? "-"} serverClose={last.ServerCloseCode?.ToString() ?? "-"} aborted={last.Aborted} clientDropped={last.ClientDropped}";
            var live = _sessions.Values.Count(s => !s.Invalidated && s.Connection is { State: ConnectionState.Ready });
            return $"gateway: {_connections.Count} connection(s), {live} live session(s), {_pending.Count} held dispatch(es), {_readyLog.Count} READY ({_readyCursor} already returned), {_resumedLog.Count} RESUMED ({_resumedCursor} already returned), {_heartbeatCount} heartbeat(s); last connection: {lastText}";
        }
    }
}
