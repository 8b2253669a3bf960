namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Message flag bits used by the validators (message resource, "Message Flags").</summary>
internal static class MessageFlags
{
    public const long SuppressEmbeds = 1L << 2;
    public const long Ephemeral = 1L << 6;
    public const long Loading = 1L << 7;
    public const long SuppressNotifications = 1L << 12;
    public const long IsVoiceMessage = 1L << 13;
    public const long IsComponentsV2 = 1L << 15;
}

/// <summary>Which request a message body belongs to; decides which flags are allowed and whether emptiness is checked.</summary>
internal enum MessageKind
{
    /// <summary>Callback type 4 (CHANNEL_MESSAGE_WITH_SOURCE).</summary>
    CallbackMessage,

    /// <summary>Callback type 7 (UPDATE_MESSAGE).</summary>
    CallbackUpdate,

    /// <summary>PATCH @original.</summary>
    EditOriginal,

    /// <summary>POST followup.</summary>
    Followup,

    /// <summary>PATCH of a followup message.</summary>
    EditFollowup,
}

internal static class MessageKindExtensions
{
    public static long AllowedFlags(this MessageKind kind) => kind switch
    {
        MessageKind.CallbackMessage or MessageKind.CallbackUpdate =>
            MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.IsComponentsV2 | MessageFlags.IsVoiceMessage | MessageFlags.SuppressNotifications,
        MessageKind.Followup =>
            MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2,
        _ => MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2,
    };

    public static bool CreatesMessage(this MessageKind kind) => kind is MessageKind.CallbackMessage or MessageKind.Followup;

    public static bool IsEdit(this MessageKind kind) => kind is MessageKind.EditOriginal or MessageKind.EditFollowup or MessageKind.CallbackUpdate;

    public static string Describe(this MessageKind kind) => kind switch
    {
        MessageKind.CallbackMessage => "callback type 4 (CHANNEL_MESSAGE_WITH_SOURCE)",
        MessageKind.CallbackUpdate => "callback type 7 (UPDATE_MESSAGE)",
        MessageKind.EditOriginal => "PATCH @original",
        MessageKind.Followup => "followup message",
        _ => "followup message edit",
    };
}
