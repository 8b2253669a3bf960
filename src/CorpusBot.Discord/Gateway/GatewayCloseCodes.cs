namespace CorpusBot.Discord.Gateway;

/// <summary>
/// What a close means for the next connection, by opcodes-and-status-codes.md's close-code table ("Reconnect" false:
/// stop) and its explanations, and where those are silent as @discordjs/ws does (4003 and 4005 start a new session).
/// </summary>
public static class GatewayCloseCodes
{
    /// <summary>What to do after a close with <paramref name="code"/> (null: the connection dropped without one).</summary>
    public static CloseAction ActionFor(int? code) => (GatewayCloseCode?)code switch
    {
        null => CloseAction.Resume,
        GatewayCloseCode.AuthenticationFailed or GatewayCloseCode.InvalidShard or GatewayCloseCode.ShardingRequired
            or GatewayCloseCode.InvalidApiVersion or GatewayCloseCode.InvalidIntents or GatewayCloseCode.DisallowedIntents => CloseAction.Stop,

        // The session is gone: 1000/1001 invalidate it, 4007/4009 say "start a new session", 4003 "the session has been invalidated",
        // and after 4005 Discord already counts an Identify on this session, so resuming it would be refused again.
        GatewayCloseCode.NormalClosure or GatewayCloseCode.GoingAway or GatewayCloseCode.NotAuthenticated
            or GatewayCloseCode.AlreadyAuthenticated or GatewayCloseCode.InvalidSequence or GatewayCloseCode.SessionTimedOut => CloseAction.Identify,
        _ => CloseAction.Resume,
    };

    /// <summary>One sentence for the log when a close code ends the bot, saying what to fix. Never contains a secret.</summary>
    public static string Describe(int code) => (GatewayCloseCode)code switch
    {
        GatewayCloseCode.AuthenticationFailed => "the bot token was rejected (4004): set Discord:Token (environment variable Discord__Token) to the token from the developer portal's Bot page",
        GatewayCloseCode.InvalidShard => "invalid shard (4010): every id in Discord:ShardIds must be below Discord:ShardCount",
        GatewayCloseCode.ShardingRequired => "sharding required (4011): the bot is in too many servers for this many shards; set Discord:ShardCount to auto, or to at least the shards GET /gateway/bot recommends",
        GatewayCloseCode.InvalidApiVersion => "invalid API version (4012): this build speaks gateway v10, which Discord no longer accepts; update CorpusBot",
        GatewayCloseCode.InvalidIntents => "invalid intents (4013): the intents sent in Identify are not a valid bit set; this is a bug in CorpusBot",
        GatewayCloseCode.DisallowedIntents => "disallowed intents (4014): Identify asked for a privileged intent that is not enabled for the bot; enable it on the developer portal's Bot page or stop asking for it",
        _ => $"the gateway closed with {code}",
    };
}

/// <summary>The next step after a gateway connection ends.</summary>
public enum CloseAction
{
    /// <summary>Reconnect at resume_gateway_url and resume the session.</summary>
    Resume,

    /// <summary>Reconnect at the gateway URL and identify afresh.</summary>
    Identify,

    /// <summary>Do not reconnect: the configuration is wrong.</summary>
    Stop,
}
