namespace CorpusBot.Discord.Gateway;

/// <summary>
/// Close codes of a gateway WebSocket: the WebSocket standard's own that Discord's rules mention, and Discord's.
/// <see href="https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes"/>
/// </summary>
public enum GatewayCloseCode
{
    /// <summary>WebSocket normal closure; it invalidates the session (gateway.md, Resuming).</summary>
    NormalClosure = 1000,

    /// <summary>WebSocket going away; like 1000 it invalidates the session (gateway.md, Resuming).</summary>
    GoingAway = 1001,

    /// <summary>We're not sure what went wrong. Try reconnecting?</summary>
    UnknownError = 4000,

    /// <summary>An invalid opcode or payload for an opcode was sent.</summary>
    UnknownOpcode = 4001,

    /// <summary>An invalid payload was sent.</summary>
    DecodeError = 4002,

    /// <summary>A payload was sent before identifying, or the session has been invalidated.</summary>
    NotAuthenticated = 4003,

    /// <summary>The token sent with Identify is incorrect.</summary>
    AuthenticationFailed = 4004,

    /// <summary>More than one Identify was sent.</summary>
    AlreadyAuthenticated = 4005,

    /// <summary>The sequence sent when resuming was invalid: reconnect and start a new session.</summary>
    InvalidSequence = 4007,

    /// <summary>Payloads were sent too quickly.</summary>
    RateLimited = 4008,

    /// <summary>The session timed out: reconnect and start a new one.</summary>
    SessionTimedOut = 4009,

    /// <summary>An invalid shard was sent when identifying.</summary>
    InvalidShard = 4010,

    /// <summary>The session would have handled too many guilds: sharding is required.</summary>
    ShardingRequired = 4011,

    /// <summary>An invalid gateway version was sent.</summary>
    InvalidApiVersion = 4012,

    /// <summary>An invalid intent was sent.</summary>
    InvalidIntents = 4013,

    /// <summary>An intent was sent that the app has not enabled or is not approved for.</summary>
    DisallowedIntents = 4014,
}
