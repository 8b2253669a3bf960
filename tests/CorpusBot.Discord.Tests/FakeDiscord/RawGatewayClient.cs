using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.FakeDiscord;

/// <summary>
/// A bare <see cref="ClientWebSocket"/> speaking just enough of the gateway to test the fake itself: Hello, Identify and
/// reading what the fake sends. No heartbeats (tests finish well within the heartbeat interval).
/// </summary>
internal sealed class RawGatewayClient : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;

    private RawGatewayClient()
    {
    }

    /// <summary>The close status the fake sent, once the socket has closed.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Every payload received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Received
    {
        get { lock (_received) { return _received.ToArray(); } }
    }

    /// <summary>Connects to the fake's gateway URL (or <paramref name="url"/>, e.g. the resume URL) and waits for Hello.</summary>
    public static async Task<RawGatewayClient> ConnectAsync(FakeDiscordServer discord, string? url = null)
    {
        var client = new RawGatewayClient();
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        await client._socket.ConnectAsync(new Uri((url ?? discord.GatewayUrl) + "?v=10&encoding=json"), timeout.Token);
        client._reader = client.ReadLoopAsync();
        await client.NextAsync(p => Op(p) == 10, ConnectTimeout);
        return client;
    }

    /// <summary>Connects, identifies as <paramref name="shard"/> (none when null) and waits for READY.</summary>
    public static async Task<RawGatewayClient> IdentifiedAsync(FakeDiscordServer discord, int[]? shard, TimeSpan timeout)
    {
        var client = await ConnectAsync(discord);
        await client.IdentifyAsync(discord.Options.Token, shard);
        await client.WaitForDispatchAsync("READY", timeout);
        return client;
    }

    /// <summary>Sends Identify (op 2) with intents 0, the required properties and, when given, shard and presence.</summary>
    public Task IdentifyAsync(string token, int[]? shard, JsonObject? presence = null)
    {
        var d = new JsonObject
        {
            ["token"] = token,
            ["intents"] = 0,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "raw-test", ["device"] = "raw-test" },
        };
        if (shard is not null)
        {
            d["shard"] = new JsonArray(shard.Select(n => (JsonNode?)n).ToArray());
        }

        if (presence is not null)
        {
            d["presence"] = presence;
        }

        return SendAsync(new JsonObject { ["op"] = 2, ["d"] = d });
    }

    /// <summary>Sends Resume (op 6) for <paramref name="sessionId"/> with the last sequence number <paramref name="seq"/>.</summary>
    public Task ResumeAsync(string token, string sessionId, long seq) =>
        SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = seq } });

    /// <summary>Sends one text frame.</summary>
    public async Task SendAsync(JsonObject payload)
    {
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>Waits for the next dispatch named <paramref name="eventName"/>; returns its <c>d</c>.</summary>
    public async Task<JsonElement> WaitForDispatchAsync(string eventName, TimeSpan timeout)
    {
        var payload = await NextAsync(p => Op(p) == 0 && p.TryGetProperty("t", out var t) && t.GetString() == eventName, timeout);
        return payload.GetProperty("d");
    }

    /// <summary>Waits for the next payload with opcode <paramref name="op"/>.</summary>
    public Task<JsonElement> WaitForOpAsync(int op, TimeSpan timeout) => NextAsync(p => Op(p) == op, timeout);

    /// <summary>Waits until the socket has closed (the fake closed it); returns the close code.</summary>
    public async Task<int?> WaitForCloseAsync(TimeSpan timeout)
    {
        await _reader.WaitAsync(timeout);
        return (int?)_socket.CloseStatus;
    }

    /// <summary>True when some received dispatch carries an object <c>d</c> whose <c>id</c> is <paramref name="id"/>.</summary>
    public bool SawDispatchWithId(string id) =>
        Received.Any(p => Op(p) == 0 && p.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.Object
            && d.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String && i.GetString() == id);

    /// <summary>Reads frames until one matches; frames before it are skipped (still kept in <see cref="Received"/>).</summary>
    private async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var payload = await _frames.Reader.ReadAsync(cancel.Token);
            if (match(payload))
            {
                return payload;
            }
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await ReadMessageAsync(buffer) is { } text)
            {
                using var document = JsonDocument.Parse(text);
                var payload = document.RootElement.Clone();
                lock (_received)
                {
                    _received.Add(payload);
                }

                _frames.Writer.TryWrite(payload);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The fake dropped the socket or the test is over (Abort disposes the socket under a pending receive).
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    private async Task<string?> ReadMessageAsync(byte[] buffer)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private static long Op(JsonElement payload) => payload.TryGetProperty("op", out var op) && op.TryGetInt64(out var n) ? n : -1;

    /// <summary>Stops reading and drops the socket (bounded; no close handshake needed by these tests).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        try
        {
            await _reader.WaitAsync(ConnectTimeout);
        }
        catch (TimeoutException)
        {
            // Best effort.
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}
