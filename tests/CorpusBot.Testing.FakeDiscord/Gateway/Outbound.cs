namespace CorpusBot.Testing.FakeDiscord;

internal enum OutboundKind
{
    Text,
    Close,
    EchoClose,
}

/// <summary>An item for a connection's single writer: a text frame or a close frame, sent strictly in queue order.</summary>
internal sealed record Outbound(OutboundKind Kind, string Text = "", int Op = 0, string? EventName = null, long? Seq = null)
{
    public Action<DateTimeOffset>? OnSending { get; init; }
    public int CloseCode { get; init; }
    public string CloseReason { get; init; } = "";
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Outbound Close(int code, string reason) => new(OutboundKind.Close) { CloseCode = code, CloseReason = reason };
}
