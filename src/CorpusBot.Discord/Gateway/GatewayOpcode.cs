namespace CorpusBot.Discord.Gateway;

/// <summary>
/// The op field of a gateway payload.
/// <see href="https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes"/>
/// </summary>
public enum GatewayOpcode
{
    /// <summary>An event was dispatched (receive).</summary>
    Dispatch = 0,

    /// <summary>Keeps the connection alive (send), or asks for a heartbeat at once (receive).</summary>
    Heartbeat = 1,

    /// <summary>Starts a new session (send).</summary>
    Identify = 2,

    /// <summary>Updates the client's presence (send).</summary>
    PresenceUpdate = 3,

    /// <summary>Joins, leaves or moves between voice channels (send).</summary>
    VoiceStateUpdate = 4,

    /// <summary>Resumes a previous session (send).</summary>
    Resume = 6,

    /// <summary>Reconnect and resume at once (receive).</summary>
    Reconnect = 7,

    /// <summary>Requests offline members of a large guild (send).</summary>
    RequestGuildMembers = 8,

    /// <summary>The session was invalidated; d says whether it may be resumed (receive).</summary>
    InvalidSession = 9,

    /// <summary>Sent on connecting, with the heartbeat interval (receive).</summary>
    Hello = 10,

    /// <summary>Acknowledges a heartbeat (receive).</summary>
    HeartbeatAck = 11,

    /// <summary>Requests soundboard sounds of guilds (send).</summary>
    RequestSoundboardSounds = 31,

    /// <summary>Requests ephemeral channel data (send).</summary>
    RequestChannelInfo = 43,
}
