namespace CorpusBot.Discord.Gateway;

/// <summary>Discord refused the connection in a way that retrying cannot fix (bad token, disallowed intents…).</summary>
public sealed class GatewayFatalException(int? closeCode, string message) : Exception(message)
{
    /// <summary>The gateway close code, when the refusal came as one.</summary>
    public int? CloseCode { get; } = closeCode;
}
