namespace CorpusBot.Testing.FakeDiscord;

/// <summary>A dispatch kept in a session's log so it can be replayed on Resume.</summary>
internal sealed record LoggedDispatch(long Seq, string EventName, string Payload, Action<DateTimeOffset>? OnSending);

/// <summary>A gateway session (created by Identify, continued by Resume). Guarded by the hub lock.</summary>
internal sealed class GatewaySession
{
    public GatewaySession(string id, string query, int shardId = 0, int shardCount = 1)
    {
        Id = id;
        Query = query;
        ShardId = shardId;
        ShardCount = shardCount;
    }

    public string Id { get; }

    /// <summary>The <c>shard[0]</c> of the Identify that created the session (0 when absent).</summary>
    public int ShardId { get; }

    /// <summary>The <c>shard[1]</c> (num_shards) of the Identify that created the session (1 when absent).</summary>
    public int ShardCount { get; }

    /// <summary>Increases on every Identify/Resume of the session; the most recent wins when several sessions match a route.</summary>
    public long LiveStamp { get; set; }

    /// <summary>True when this session's shard receives the events of <paramref name="guildId"/> (no guild: shard 0).</summary>
    public bool Routes(ulong? guildId) => ShardId == ShardRouting.ShardFor(guildId, ShardCount);

    /// <summary>Query string of the connection that identified; a resume should use the same v/encoding.</summary>
    public string Query { get; }

    public long LastSeq { get; set; }

    public List<LoggedDispatch> Log { get; } = [];

    public GatewayConnection? Connection { get; set; }

    public bool Invalidated { get; private set; }

    public string? InvalidatedReason { get; private set; }

    public bool InvalidatedByClientClose { get; private set; }

    public void Invalidate(string reason, bool byClientClose = false)
    {
        if (Invalidated)
        {
            return;
        }

        Invalidated = true;
        InvalidatedReason = reason;
        InvalidatedByClientClose = byClientClose;
        Connection = null;
    }
}
