namespace CorpusBot.Discord.Gateway;

/// <summary>
/// What survives from one gateway connection to the next: the session id and resume address from
/// READY, and the last sequence number seen. Thread-safe; the decisions about resuming live here so
/// they can be tested without sockets.
/// </summary>
public sealed class GatewaySession
{
    private readonly object _gate = new();
    private long? _sequence;

    /// <summary>The session id from READY, or null when there is no session to resume.</summary>
    public string? SessionId { get; private set; }

    /// <summary>Where to resume, from READY.</summary>
    public string? ResumeUrl { get; private set; }

    /// <summary>The last sequence number received in a dispatch (null before any).</summary>
    public long? Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>True when a session exists that a new connection may resume.</summary>
    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    /// <summary>Records a payload's sequence number; non-dispatch payloads carry null, which must not overwrite it.</summary>
    public void Observe(long? sequence)
    {
        if (sequence is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_sequence is null || sequence > _sequence)
            {
                _sequence = sequence;
            }
        }
    }

    /// <summary>Starts a new session from READY.</summary>
    public void Start(string sessionId, string resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    /// <summary>Forgets the session (invalid session, or a close that ends it): the next connection identifies.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            SessionId = null;
            ResumeUrl = null;
            _sequence = null;
        }
    }
}
