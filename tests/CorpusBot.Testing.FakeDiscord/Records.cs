using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>One HTTP request the fake received, with the status it answered.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Path after <c>/api/v10</c> (e.g. <c>/gateway/bot</c>); the raw path if the request was not under <c>/api/v10</c>.</param>
/// <param name="Query">Raw query string including the leading <c>?</c>, or empty.</param>
/// <param name="Headers">Request headers (case-insensitive keys; repeated headers joined with ", ").</param>
/// <param name="Body">Raw request body (UTF-8).</param>
/// <param name="ReceivedAt">When the request arrived.</param>
/// <param name="Status">HTTP status the fake answered.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt,
    int Status)
{
    /// <summary>The body parsed as JSON; a <see cref="JsonValueKind.Undefined"/> element when empty or not JSON.</summary>
    public JsonElement Json => ParseBody(Body);

    /// <summary>The full request path as received (e.g. <c>/api/v10/gateway/bot</c>).</summary>
    public string FullPath { get; init; } = Path;

    private static JsonElement ParseBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}

/// <summary>A heartbeat (op 1) received from the client.</summary>
/// <param name="SinceHello">Time between Hello being sent and this heartbeat arriving.</param>
/// <param name="Sequence">The <c>d</c> value (null when the client sent null).</param>
/// <param name="LastSentSequence">Last dispatch sequence the fake had written on this connection when the heartbeat arrived (or the resumed <c>seq</c>).</param>
/// <param name="SequenceOk">Whether <c>d</c> was acceptable (the last sequence sent, allowing for dispatches still in flight).</param>
/// <param name="AnsweredRequest">True when this heartbeat followed a server heartbeat request (op 1).</param>
public sealed record HeartbeatRecord(TimeSpan SinceHello, long? Sequence, long? LastSentSequence = null, bool SequenceOk = true, bool AnsweredRequest = false);

/// <summary>A payload the fake wrote on a gateway connection.</summary>
public sealed record SentGatewayPayload(int Op, string? EventName, long? Sequence, DateTimeOffset SentAt);

/// <summary>Snapshot of one gateway WebSocket connection.</summary>
/// <param name="Index">0-based index in order of connection.</param>
/// <param name="Path"><c>/gateway</c> or <c>/resume-gateway</c>.</param>
/// <param name="Query">Raw query string, e.g. <c>?v=10&amp;encoding=json</c>.</param>
public sealed record GatewayConnectionRecord(int Index, string Path, string Query)
{
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? HelloSentAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public bool IsOpen { get; init; }
    /// <summary>Session id created (READY) or resumed (RESUMED) on this connection.</summary>
    public string? SessionId { get; init; }
    /// <summary><c>shard[0]</c> of the session identified or resumed on this connection (0 when Identify had no shard); null before.</summary>
    public int? ShardId { get; init; }
    /// <summary><c>shard[1]</c> (num_shards) of the session identified or resumed on this connection (1 when Identify had no shard); null before.</summary>
    public int? ShardCount { get; init; }
    public bool ReadySent { get; init; }
    public bool ResumedSent { get; init; }
    /// <summary>The <c>d</c> object of every Identify (op 2) received on this connection.</summary>
    public IReadOnlyList<JsonElement> Identifies { get; init; } = [];
    /// <summary>The <c>d</c> object of every Resume (op 6) received on this connection.</summary>
    public IReadOnlyList<JsonElement> Resumes { get; init; } = [];
    public IReadOnlyList<HeartbeatRecord> Heartbeats { get; init; } = [];
    /// <summary>Every payload the client sent, in order.</summary>
    public IReadOnlyList<JsonElement> Received { get; init; } = [];
    /// <summary>Every payload the fake wrote, in order.</summary>
    public IReadOnlyList<SentGatewayPayload> Sent { get; init; } = [];
    /// <summary>Close code of a close frame the client sent first (not an echo of a server close).</summary>
    public int? ClientCloseCode { get; init; }
    public string? ClientCloseReason { get; init; }
    /// <summary>Close code the fake sent (fault injection or protocol enforcement).</summary>
    public int? ServerCloseCode { get; init; }
    public string? ServerCloseReason { get; init; }
    /// <summary>True when the fake dropped the connection without a close frame (<see cref="FakeDiscordServer.AbortCurrentConnectionAsync"/>).</summary>
    public bool Aborted { get; init; }
    /// <summary>True when the client dropped the connection without a close frame.</summary>
    public bool ClientDropped { get; init; }
    public TimeSpan? FirstHeartbeatAfterHello { get; init; }
}

/// <summary>An interaction callback (<c>POST /interactions/{id}/{token}/callback</c>) attempt.</summary>
/// <param name="Type">Callback type from the body (0 when missing).</param>
/// <param name="Data">The <c>data</c> object, if any.</param>
/// <param name="ReceivedAt">Arrival time.</param>
/// <param name="Latency">Time since the interaction was delivered to the client (written on the socket), or since dispatch if never delivered.</param>
/// <param name="Status">HTTP status the fake answered.</param>
/// <param name="Request">The underlying request.</param>
public sealed record RecordedCallback(int Type, JsonElement? Data, DateTimeOffset ReceivedAt, TimeSpan Latency, int Status, RecordedRequest Request)
{
    public bool Accepted => Status is >= 200 and < 300;
}

/// <summary>Snapshot of an interaction dispatched by the fake and everything the client did with it.</summary>
public sealed record InteractionRecord(string Id, string Token, DateTimeOffset DispatchedAt)
{
    /// <summary>Interaction type (2 command, 3 component, 4 autocomplete, 5 modal submit).</summary>
    public int Type { get; init; }
    /// <summary>The full interaction object sent in INTERACTION_CREATE.</summary>
    public JsonElement Payload { get; init; }
    /// <summary>When INTERACTION_CREATE was first written to a socket (null while it is only queued).</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
    public IReadOnlyList<RecordedCallback> Callbacks { get; init; } = [];
    /// <summary>PATCH <c>/webhooks/{app}/{token}/messages/@original</c> requests (all attempts, see <see cref="RecordedRequest.Status"/>).</summary>
    public IReadOnlyList<RecordedRequest> Edits { get; init; } = [];
    /// <summary>POST <c>/webhooks/{app}/{token}</c> requests.</summary>
    public IReadOnlyList<RecordedRequest> Followups { get; init; } = [];
    /// <summary>PATCH <c>/webhooks/{app}/{token}/messages/{id}</c> requests for followup messages.</summary>
    public IReadOnlyList<RecordedRequest> FollowupEdits { get; init; } = [];
    /// <summary>DELETE requests for <c>@original</c> or followup messages.</summary>
    public IReadOnlyList<RecordedRequest> Deletes { get; init; } = [];

    /// <summary>The messages this interaction created (original response, followups) as they stand now, deleted ones included.</summary>
    public IReadOnlyList<VisibleMessage> Messages { get; init; } = [];

    /// <summary>When Discord created the interaction: the timestamp in its snowflake id (dispatch time if the id is not one).</summary>
    public DateTimeOffset CreatedAt => Snowflakes.CreatedAt(Id) ?? DispatchedAt;

    /// <summary>When the first callback attempt arrived, measured from the interaction's creation.</summary>
    public TimeSpan? FirstCallbackSinceCreation => Callbacks.Count > 0 ? Callbacks[0].ReceivedAt - CreatedAt : null;

    /// <summary>When the final message (see <see cref="FinalMessage"/>) arrived, measured from the interaction's creation.</summary>
    public TimeSpan? FinalMessageSinceCreation
    {
        get
        {
            var last = Edits.Concat(Followups).Where(r => r.Status is >= 200 and < 300).Select(r => (DateTimeOffset?)r.ReceivedAt).Max();
            var at = last ?? (InitialResponse is { Type: 4 or 7 or 8 } callback ? callback.ReceivedAt : null);
            return at - CreatedAt;
        }
    }

    /// <summary>The first callback that was accepted, if any.</summary>
    public RecordedCallback? InitialResponse => Callbacks.FirstOrDefault(c => c.Accepted);

    /// <summary>Latency of the first callback attempt (recorded even when it was too late).</summary>
    public TimeSpan? InitialResponseLatency => Callbacks.Count > 0 ? Callbacks[0].Latency : null;

    /// <summary>The data of an accepted 4/7/8 callback, or the body of the last successful edit/followup (whichever is later).</summary>
    public JsonElement? FinalMessage
    {
        get
        {
            var last = Edits.Concat(Followups)
                .Where(r => r.Status is >= 200 and < 300)
                .OrderBy(r => r.ReceivedAt)
                .LastOrDefault();
            if (last is not null)
            {
                return last.Json;
            }

            var callback = InitialResponse;
            return callback is { Type: 4 or 7 or 8 } ? callback.Data : null;
        }
    }
}

/// <summary>A message an interaction created, as it stands in the channel.</summary>
/// <param name="Id">The message id.</param>
/// <param name="Content">Its content.</param>
/// <param name="Flags">Its message flags (64 ephemeral, 128 loading).</param>
/// <param name="Deleted">Whether it was deleted.</param>
public sealed record VisibleMessage(string Id, string? Content, long Flags, bool Deleted)
{
    /// <summary>Only the person who triggered the interaction sees it.</summary>
    public bool Ephemeral => (Flags & (1L << 6)) != 0;

    /// <summary>Everyone in the channel sees it: it exists and is not ephemeral.</summary>
    public bool SeenByChannel => !Deleted && !Ephemeral;
}
