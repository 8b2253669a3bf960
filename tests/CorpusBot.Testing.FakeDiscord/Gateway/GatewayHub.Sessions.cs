using System.Text.Json;
using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Identify (new session, READY) and Resume (replay, RESUMED).</summary>
internal sealed partial class GatewayHub
{
    private const long PrivilegedIntents = (1L << 1) | (1L << 8) | (1L << 15);

    private void IdentifyLocked(GatewayConnection connection, JsonElement d, DateTimeOffset now)
    {
        var where = $"Connection #{connection.Index}";
        connection.RecordIdentify(d);
        if (connection.State == ConnectionState.Ready)
        {
            _violations.Add("gateway", $"{where}: sent a second Identify on an already identified connection; closing with 4005.");
            _ = CloseLocked(connection, 4005, "Already authenticated");
            return;
        }

        if (!CheckToken(connection, d, "Identify") || !CheckIntents(connection, d) || !CheckShard(connection, d) || !CheckShardingRequired(connection, d))
        {
            return;
        }

        CheckProperties(connection, d);
        CheckPresence(connection, d);
        if (_remainingStarts <= 0)
        {
            _violations.Add("gateway", $"{where}: identified with no session starts remaining (session_start_limit.remaining was 0); answered Invalid Session.");
            SendInvalidSessionLocked(connection, resumable: false);
            return;
        }

        var (shardId, shardCount) = ShardRouting.OfIdentify(d);
        if (!CheckIdentifyConcurrency(connection, shardId, now))
        {
            return;
        }

        if (WithholdReady)
        {
            return; // the Identify counted against the limits, but no session starts
        }

        _remainingStarts--;
        var session = new GatewaySession(Snowflakes.Token("session-"), connection.Query, shardId, shardCount);
        _sessions[session.Id] = session;
        MakeLiveLocked(session);
        AttachLocked(connection, session);
        connection.ResetSequences(null, now);
        session.LastSeq = 1;
        Json.Has(d, "shard", out var shard);
        var ready = GatewayPayloads.Ready(_options, session.Id, ResumeGatewayUrl, shard.ValueKind == JsonValueKind.Array ? Json.ToNode(shard) : null);
        connection.Send(GatewayPayloads.Dispatch("READY", 1, ready), 0, "READY", 1);
        connection.MarkSession(session.Id, resumed: false, session.ShardId, session.ShardCount);
        FlushPendingLocked(session);
        _readyLog.Add(connection);
    }

    private void ResumeLocked(GatewayConnection connection, JsonElement d, DateTimeOffset now)
    {
        var where = $"Connection #{connection.Index}";
        var seq = Json.Integer(d, "seq");
        connection.RecordResume(d);
        if (connection.State == ConnectionState.Ready)
        {
            _violations.Add("gateway", $"{where}: sent Resume on a connection that is already identified/resumed; closing with 4005.");
            _ = CloseLocked(connection, 4005, "Already authenticated");
            return;
        }

        if (!connection.IsResumeUrl)
        {
            _violations.Add("gateway", $"{where}: resumed on {connection.Path} instead of the resume_gateway_url from READY ({ResumeGatewayUrl}).");
        }

        if (!CheckToken(connection, d, "Resume"))
        {
            return;
        }

        var sessionId = Json.String(d, "session_id");
        var session = sessionId is null ? null : _sessions.GetValueOrDefault(sessionId);
        if (session is null || session.Invalidated || RejectResumes)
        {
            if (session is { InvalidatedByClientClose: true })
            {
                _violations.Add("gateway", $"{where}: tried to resume session {sessionId}, which the client itself invalidated ({session.InvalidatedReason}); close with a code other than 1000/1001 to keep a session resumable.");
            }

            if (session is not null && RejectResumes)
            {
                InvalidateLocked(session, "RejectResumes is set");
            }

            SendInvalidSessionLocked(connection, resumable: false);
            return;
        }

        if (seq is null || seq > session.LastSeq || seq < 0)
        {
            _violations.Add("gateway", $"{where}: resumed with seq {(seq?.ToString() ?? "missing")} but the session's last sequence number is {session.LastSeq}; closing with 4007.");
            InvalidateLocked(session, "invalid seq on resume");
            _ = CloseLocked(connection, 4007, "Invalid seq");
            return;
        }

        if (session.Connection is { } previous && previous != connection)
        {
            _ = CloseLocked(previous, 4000, "Session resumed on another connection");
        }

        if (session.Query != connection.Query)
        {
            _violations.Add("gateway", $"{where}: resumed with query {connection.Query}, but the session was identified with {session.Query}; use the same v and encoding.");
        }

        MakeLiveLocked(session);
        AttachLocked(connection, session);
        connection.ResetSequences(seq, now);
        foreach (var logged in session.Log.Where(l => l.Seq > seq))
        {
            connection.Send(logged.Payload, 0, logged.EventName, logged.Seq, logged.OnSending);
        }

        var resumedSeq = ++session.LastSeq;
        connection.Send(GatewayPayloads.Dispatch("RESUMED", resumedSeq, new JsonObject()), 0, "RESUMED", resumedSeq);
        connection.MarkSession(session.Id, resumed: true, session.ShardId, session.ShardCount);
        _resumedLog.Add(connection);
    }

    private static void AttachLocked(GatewayConnection connection, GatewaySession session)
    {
        connection.State = ConnectionState.Ready;
        connection.Session = session;
        connection.LastSession = session;
        session.Connection = connection;
    }

    private bool CheckToken(GatewayConnection connection, JsonElement d, string what)
    {
        var token = Json.String(d, "token");
        if (token == _options.Token)
        {
            return true;
        }

        var hint = token is not null && token.StartsWith("Bot ", StringComparison.Ordinal) ? " (the gateway takes the bare token, without the \"Bot \" prefix)" : "";
        _violations.Add("gateway", $"Connection #{connection.Index}: {what} carried a wrong or missing token{hint}; closing with 4004.");
        _ = CloseLocked(connection, 4004, "Authentication failed");
        return false;
    }

    private bool CheckIntents(GatewayConnection connection, JsonElement d)
    {
        var intents = Json.Integer(d, "intents");
        if (intents is null or < 0)
        {
            _violations.Add("gateway", $"Connection #{connection.Index}: Identify needs a non-negative integer intents field; closing with 4013.");
            _ = CloseLocked(connection, 4013, "Invalid intent(s)");
            return false;
        }

        if ((intents.Value & PrivilegedIntents) != 0)
        {
            _violations.Add("gateway", $"Connection #{connection.Index}: Identify asked for privileged intents (0x{intents.Value & PrivilegedIntents:X}: GUILD_MEMBERS/GUILD_PRESENCES/MESSAGE_CONTENT), which this app has not enabled; closing with 4014.");
            _ = CloseLocked(connection, 4014, "Disallowed intent(s)");
            return false;
        }

        return true;
    }

    private bool CheckShard(GatewayConnection connection, JsonElement d)
    {
        if (!Json.HasValue(d, "shard", out var shard))
        {
            return true;
        }

        var parts = shard.ValueKind == JsonValueKind.Array ? shard.EnumerateArray().Select(Json.AsInteger).ToArray() : [];
        if (parts is [{ } id, { } count] && id >= 0 && count >= 1 && id < count)
        {
            return true;
        }

        _violations.Add("gateway", $"Connection #{connection.Index}: Identify carried an invalid shard {shard.GetRawText()}; closing with 4010.");
        _ = CloseLocked(connection, 4010, "Invalid shard");
        return false;
    }

    private void CheckProperties(GatewayConnection connection, JsonElement d)
    {
        var properties = Json.Has(d, "properties", out var p) ? p : default;
        var missing = new[] { "os", "browser", "device" }.Where(name => Json.String(properties, name) is null).ToArray();
        if (missing.Length > 0)
        {
            _violations.Add("gateway", $"Connection #{connection.Index}: Identify properties must hold os, browser and device strings (missing: {string.Join(", ", missing)}).");
        }

        if (Json.Integer(d, "large_threshold") is { } threshold && threshold is < 50 or > 250)
        {
            _violations.Add("gateway", $"Connection #{connection.Index}: Identify large_threshold must be between 50 and 250 (got {threshold}).");
        }
    }

    private void CheckPresence(GatewayConnection connection, JsonElement d)
    {
        if (!Json.Has(d, "presence", out var presence))
        {
            return;
        }

        foreach (var problem in PresenceValidator.Problems(presence))
        {
            _violations.Add("gateway", $"Connection #{connection.Index}: {problem}");
        }
    }

    private bool CheckShardingRequired(GatewayConnection connection, JsonElement d)
    {
        var (_, shardCount) = ShardRouting.OfIdentify(d);
        if (shardCount >= _requiredShards)
        {
            return true;
        }

        // Not a violation: the client cannot know in advance that the fake now requires more shards.
        _ = CloseLocked(connection, 4011, "Sharding required");
        return false;
    }

    /// <summary>At most one Identify per rate_limit_key (shard_id % max_concurrency) per window.</summary>
    private bool CheckIdentifyConcurrency(GatewayConnection connection, int shardId, DateTimeOffset now)
    {
        var window = _options.IdentifyConcurrencyWindow;
        if (window <= TimeSpan.Zero)
        {
            return true;
        }

        var maxConcurrency = Math.Max(1, _options.MaxConcurrency);
        var key = shardId % maxConcurrency;
        if (_lastIdentifyByKey.TryGetValue(key, out var last) && now - last < window)
        {
            _violations.Add("gateway", $"Connection #{connection.Index}: identified shard {shardId} (rate_limit_key {key} = shard_id % max_concurrency {maxConcurrency}) within {window.TotalSeconds:0.#} s of another Identify on the same key; at most one per key per window; answered Invalid Session.");
            SendInvalidSessionLocked(connection, resumable: false);
            return false;
        }

        _lastIdentifyByKey[key] = now;
        return true;
    }
}
