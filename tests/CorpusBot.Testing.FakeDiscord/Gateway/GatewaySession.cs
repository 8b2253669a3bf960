namespace CorpusBot.Testing.FakeDiscord;

/// <summary>A dispatch kept in a session's log so it can be replayed on Resume.</summary>
internal sealed record LoggedDispatch(long Seq, string EventName, string Payload, Action<DateTimeOffset>? OnSending);

/// <summary>A gateway session (created by Identify, continued by Resume). Guarded by the hub lock.</summary>
internal sealed class GatewaySession
{
    public GatewaySession(string id, string query)
    {
        Id = id;
        Query = query;
    }

    public string Id { get; }

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
