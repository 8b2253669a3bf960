namespace CorpusBot.Discord.Gateway;

/// <summary>What Discord's gateway close codes mean for the next connection.</summary>
public static class GatewayCloseCodes
{
    private static readonly Dictionary<int, string> Fatal = new()
    {
        [4004] = "Authentication failed: the bot token is wrong. Set Discord__Token to the token from the developer portal (Bot page)",
        [4010] = "Invalid shard",
        [4011] = "Sharding required: the bot is in too many servers for one connection",
        [4012] = "Invalid API version",
        [4013] = "Invalid intents",
        [4014] = "Disallowed intents: the bot asked for an intent that is not enabled for it in the developer portal",
    };

    /// <summary>What to do after a close with <paramref name="code"/> (null: the connection dropped without one).</summary>
    public static CloseAction ActionFor(int? code) => code switch
    {
        null => CloseAction.Resume,
        _ when Fatal.ContainsKey(code.Value) => CloseAction.Stop,
        4007 or 4009 => CloseAction.Identify,
        _ => CloseAction.Resume,
    };

    /// <summary>A sentence for the log when a close code ends the bot.</summary>
    public static string Describe(int code) => Fatal.TryGetValue(code, out var text) ? text : $"Closed with code {code}";
}

/// <summary>The next step after a gateway connection ends.</summary>
public enum CloseAction
{
    /// <summary>Reconnect at resume_gateway_url and resume the session.</summary>
    Resume,

    /// <summary>Reconnect at the cached gateway URL and identify afresh.</summary>
    Identify,

    /// <summary>Do not reconnect: the configuration is wrong.</summary>
    Stop,
}
