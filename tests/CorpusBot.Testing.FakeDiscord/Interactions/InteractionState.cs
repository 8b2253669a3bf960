using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Mutable state of one dispatched interaction. Every member is guarded by <see cref="Gate"/>.</summary>
internal sealed class InteractionState
{
    private readonly List<RecordedCallback> _callbacks = [];
    private readonly List<RecordedRequest> _edits = [];
    private readonly List<RecordedRequest> _followups = [];
    private readonly List<RecordedRequest> _followupEdits = [];
    private readonly List<RecordedRequest> _deletes = [];

    public InteractionState(string id, string token, int type, JsonElement payload, DateTimeOffset dispatchedAt)
    {
        Id = id;
        Token = token;
        Type = type;
        Payload = payload;
        DispatchedAt = dispatchedAt;
        ChannelId = Json.String(payload, "channel_id") ?? "0";
        HasComponentMessage = Json.HasValue(payload, "message", out var message) && message.ValueKind == JsonValueKind.Object;
    }

    public object Gate { get; } = new();
    public ChangeSignal Signal { get; } = new();
    public string Id { get; }
    public string Token { get; }
    public int Type { get; }
    public JsonElement Payload { get; }
    public DateTimeOffset DispatchedAt { get; }
    public string ChannelId { get; }
    public bool HasComponentMessage { get; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public int? AcceptedType { get; set; }
    public bool TokenInvalidated { get; set; }
    public MessageState? Original { get; set; }
    public Dictionary<string, MessageState> FollowupMessages { get; } = new(StringComparer.Ordinal);
    public bool HasSuccessfulEditOrFollowup => _edits.Concat(_followups).Any(r => r.Status is >= 200 and < 300);

    public bool FinalArrived => AcceptedType is 4 or 7 or 8 || HasSuccessfulEditOrFollowup;

    public void MarkDelivered(DateTimeOffset at)
    {
        lock (Gate)
        {
            DeliveredAt ??= at;
        }
    }

    /// <summary>Time since the client could have seen the interaction.</summary>
    public TimeSpan Age(DateTimeOffset now) => now - (DeliveredAt ?? DispatchedAt);

    /// <summary>The message type Discord would give a response to this interaction.</summary>
    public int ResponseMessageType()
    {
        var commandType = Json.HasValue(Payload, "data", out var data) ? Json.Integer(data, "type") : null;
        return Type == 2 ? (commandType is 2 or 3 ? 23 : 20) : 0;
    }

    public MessageSnapshot? ComponentMessageSnapshot()
    {
        if (!HasComponentMessage)
        {
            return null;
        }

        Json.Has(Payload, "message", out var message);
        return MessageState.FromExisting(message, ChannelId, DispatchedAt).Snapshot;
    }

    public void AddCallback(RecordedCallback callback) => _callbacks.Add(callback);
    public void AddEdit(RecordedRequest request) => _edits.Add(request);
    public void AddFollowup(RecordedRequest request) => _followups.Add(request);
    public void AddFollowupEdit(RecordedRequest request) => _followupEdits.Add(request);
    public void AddDelete(RecordedRequest request) => _deletes.Add(request);
    public bool HasCallback => _callbacks.Count > 0;

    // The response and followups as the channel has them now (a component's own message is not the bot's answer).
    private VisibleMessage[] Messages()
    {
        var own = Type == 3 && AcceptedType is 6 or 7 ? FollowupMessages.Values : (Original is null ? [] : new[] { Original }).Concat(FollowupMessages.Values);
        return own.Select(m => new VisibleMessage(m.Id, m.Content, m.Flags, m.Deleted)).ToArray();
    }

    public InteractionRecord ToRecord()
    {
        lock (Gate)
        {
            return new InteractionRecord(Id, Token, DispatchedAt)
            {
                Type = Type,
                Payload = Payload,
                DeliveredAt = DeliveredAt,
                Callbacks = _callbacks.ToArray(),
                Edits = _edits.ToArray(),
                Followups = _followups.ToArray(),
                FollowupEdits = _followupEdits.ToArray(),
                Deletes = _deletes.ToArray(),
                Messages = Messages(),
            };
        }
    }
}
