using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Handling of what the client sends: query parameters, Heartbeat, Identify, Resume and the other send events.</summary>
internal sealed partial class GatewayHub
{
    private static readonly long[] AcceptedSendOps = [3, 4, 8, 31, 43];

    /// <summary>Checks the connect URL and sends Hello; false when the connection was refused (bad version).</summary>
    public bool Start(GatewayConnection connection)
    {
        var query = QueryHelpers.ParseQuery(connection.Query);
        var version = query.TryGetValue("v", out var v) ? v.ToString() : null;
        var encoding = query.TryGetValue("encoding", out var e) ? e.ToString() : null;
        var where = $"Connection #{connection.Index} ({connection.Path}{connection.Query})";
        if (version != "10")
        {
            _violations.Add("gateway", $"{where}: the gateway URL must carry v=10 (got {version ?? "no v"}).");
        }

        if (encoding != "json")
        {
            _violations.Add("gateway", $"{where}: the gateway URL must carry encoding=json (got {encoding ?? "no encoding"}).");
        }

        if (query.ContainsKey("compress"))
        {
            _violations.Add("gateway", $"{where}: transport compression ({query["compress"]}) was requested; this fake only speaks uncompressed JSON.");
        }

        lock (_lock)
        {
            if (version is not null && version != "10")
            {
                _ = CloseLocked(connection, 4012, "Invalid API version");
                return false;
            }

            if (WithholdHello)
            {
                return true;
            }

            connection.Writer.Enqueue(new Outbound(OutboundKind.Text, GatewayPayloads.Hello(_options.HeartbeatIntervalMs), 10)
            {
                OnSending = connection.MarkHelloSent,
            });
        }

        return true;
    }

    public void HandleText(GatewayConnection connection, string text)
    {
        var now = DateTimeOffset.UtcNow;
        var where = $"Connection #{connection.Index}";
        JsonElement payload;
        try
        {
            payload = Json.Parse(text);
        }
        catch (JsonException)
        {
            _violations.Add("gateway", $"{where}: sent a frame that is not valid JSON; closing with 4002.");
            _ = CloseAsync(connection, 4002, "Decode error");
            return;
        }

        connection.RecordReceived(payload);
        if (Json.Integer(payload, "op") is not { } op)
        {
            _violations.Add("gateway", $"{where}: sent a payload without an integer op; closing with 4002.");
            _ = CloseAsync(connection, 4002, "Decode error");
            return;
        }

        Json.Has(payload, "d", out var d);
        lock (_lock)
        {
            if (connection.State is ConnectionState.Closing or ConnectionState.Closed)
            {
                return;
            }

            if (op != 1 && !connection.CountEvent(now))
            {
                _violations.Add("gateway", $"{where}: sent more than 120 gateway events in 60 s; closing with 4008.");
                _ = CloseLocked(connection, 4008, "Rate limited");
                return;
            }

            switch (op)
            {
                case 1:
                    HeartbeatLocked(connection, d, now);
                    break;
                case 2:
                    IdentifyLocked(connection, d, now);
                    break;
                case 6:
                    ResumeLocked(connection, d, now);
                    break;
                case 3:
                    OtherOpLocked(connection, op);
                    foreach (var problem in PresenceValidator.Problems(d))
                    {
                        _violations.Add("gateway", $"Connection #{connection.Index}: Update Presence (op 3): {problem}");
                    }

                    break;
                default:
                    OtherOpLocked(connection, op);
                    break;
            }
        }

        Signal.Pulse();
    }

    private void OtherOpLocked(GatewayConnection connection, long op)
    {
        var where = $"Connection #{connection.Index}";
        if (!AcceptedSendOps.Contains(op))
        {
            _violations.Add("gateway", $"{where}: sent op {op}, which is not a gateway send opcode; closing with 4001.");
            _ = CloseLocked(connection, 4001, "Unknown opcode");
        }
        else if (connection.State != ConnectionState.Ready)
        {
            _violations.Add("gateway", $"{where}: sent op {op} before identifying/resuming; closing with 4003.");
            _ = CloseLocked(connection, 4003, "Not authenticated");
        }
    }

    private void HeartbeatLocked(GatewayConnection connection, JsonElement d, DateTimeOffset now)
    {
        var where = $"Connection #{connection.Index}";
        long? seq = null;
        if (d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out var n))
        {
            seq = n;
        }
        else if (d.ValueKind is not JsonValueKind.Null)
        {
            _violations.Add("gateway", $"{where}: heartbeat d must be the last sequence number or null (got {(d.ValueKind == JsonValueKind.Undefined ? "no d" : d.GetRawText())}).");
        }

        var record = connection.RecordHeartbeat(seq, now);
        _heartbeatCount++;
        if (!record.SequenceOk)
        {
            _violations.Add("gateway", $"{where}: heartbeat d={seq?.ToString() ?? "null"} but the last sequence number sent on this connection was {record.LastSentSequence}.");
        }

        if (AckHeartbeats)
        {
            connection.Send(GatewayPayloads.HeartbeatAck, 11);
        }
    }
}
