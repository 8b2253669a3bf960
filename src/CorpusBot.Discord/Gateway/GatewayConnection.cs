using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Discord.Gateway;

/// <summary>How a connection ended, which decides the next one (see <see cref="GatewayShard"/>).</summary>
internal enum EndKind
{
    ConnectFailed,
    Closed,
    Dropped,
    Reconnect,
    InvalidSession,
    Zombie,
    Stalled,
}

/// <summary>The end of one connection.</summary>
internal sealed record ConnectionEnd(EndKind Kind, int? CloseCode = null, bool Resumable = false, bool Established = false);

/// <summary>
/// One WebSocket of one shard: the receive loop, the heartbeat loop and a send lock, Identify or Resume after Hello,
/// and the Hello/READY deadlines. It ends with a <see cref="ConnectionEnd"/>; what to do next is the shard's decision.
/// </summary>
internal sealed partial class GatewayConnection(ClientWebSocket socket, GatewayShard shard, bool resume, CancellationToken stopping) : IDisposable
{
    private const int MaxPayloadBytes = 4096;
    private const int MaxInboundBytes = 64 * 1024 * 1024;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    private readonly ILogger _logger = shard.Logger;
    private readonly GatewayTimings _timings = shard.Timings;
    private volatile bool _acked = true;
    private volatile bool _zombie;
    private volatile bool _stalled;
    private CancellationTokenSource? _handshake;
    private CancellationTokenRegistration _handshakeExpiry;
    private volatile bool _established;
    private bool _helloSeen;
    private Task _heartbeats = Task.CompletedTask;
    private Task _identify = Task.CompletedTask;

    public async Task<ConnectionEnd> RunAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        // Until READY (or RESUMED) a silent server would hold the connection open for ever: Hello, then READY, each get a deadline.
        _handshake = new CancellationTokenSource(_timings.HelloTimeout, shard.Time);
        _handshakeExpiry = _handshake.Token.Register(() =>
        {
            _stalled = true;
            _lifetime.Cancel();
        });
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                if (!await ReceiveAsync(buffer))
                {
                    var code = (int?)socket.CloseStatus;
                    return new ConnectionEnd(code is null ? EndKind.Dropped : EndKind.Closed, code, Established: _established);
                }

                var end = await HandleAsync(buffer.WrittenMemory);
                if (end is not null)
                {
                    await CloseKeepingSessionAsync();
                    return end;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down");
            return new ConnectionEnd(EndKind.Dropped, Established: _established);
        }
        catch (OperationCanceledException) when (_stalled)
        {
            LogStalled(_logger, shard.Id, _helloSeen ? "READY" : "Hello", _helloSeen ? _timings.ReadyTimeout.TotalSeconds : _timings.HelloTimeout.TotalSeconds);
            return new ConnectionEnd(EndKind.Stalled, Established: _established);
        }
        catch (OperationCanceledException) when (_zombie)
        {
            LogZombie(_logger, shard.Id);
            return new ConnectionEnd(EndKind.Zombie, Established: _established);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or JsonException or InvalidDataException or OperationCanceledException)
        {
            LogDropped(_logger, shard.Id, ex.GetType().Name, ex.Message);
            return new ConnectionEnd(EndKind.Dropped, Established: _established);
        }
        finally
        {
            await _handshakeExpiry.DisposeAsync();
            await _lifetime.CancelAsync();
            await _heartbeats.ContinueWith(static _ => { }, TaskScheduler.Default);
            await _identify.ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private async Task<bool> ReceiveAsync(ArrayBufferWriter<byte> buffer)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(16 * 1024), _lifetime.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxInboundBytes)
            {
                throw new InvalidDataException("A gateway message exceeded 64 MiB");
            }

            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }

    private async Task<ConnectionEnd?> HandleAsync(ReadOnlyMemory<byte> message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        var op = (GatewayOpcode)root.GetProperty("op").GetInt32();
        var data = root.TryGetProperty("d", out var d) ? d : default;
        switch (op)
        {
            case GatewayOpcode.Hello:
                OnHello(TimeSpan.FromMilliseconds(data.GetProperty("heartbeat_interval").GetDouble()));
                if (resume)
                {
                    await SendAsync(ResumePayload());
                }

                return null;
            case GatewayOpcode.HeartbeatAck:
                _acked = true;
                return null;
            case GatewayOpcode.Heartbeat:
                await SendHeartbeatAsync();
                return null;
            case GatewayOpcode.Reconnect:
                LogReconnectRequested(_logger, shard.Id);
                return new ConnectionEnd(EndKind.Reconnect, Established: _established);
            case GatewayOpcode.InvalidSession:
                var resumable = data.ValueKind == JsonValueKind.True;
                LogInvalidSession(_logger, shard.Id, resumable);
                return new ConnectionEnd(EndKind.InvalidSession, Resumable: resumable, Established: _established);
            case GatewayOpcode.Dispatch:
                OnDispatch(root, data);
                return null;
            default:
                return null;
        }
    }

    /// <summary>Sends Update Presence (op 3) when the session is ready; false when it is not (the next Identify carries it).</summary>
    public async Task<bool> TrySendPresenceAsync(GatewayPresence presence)
    {
        if (!_established)
        {
            return false;
        }

        await SendAsync(new { op = GatewayOpcode.PresenceUpdate, d = presence.ToPayload() });
        return true;
    }

    private void OnHello(TimeSpan heartbeatInterval)
    {
        _helloSeen = true;
        _heartbeats = HeartbeatLoopAsync(heartbeatInterval);
        if (resume)
        {
            _handshake?.CancelAfter(_timings.ReadyTimeout);
            return;
        }

        // Identify waits for its rate-limit key off the receive loop, so heartbeat ACKs keep being read meanwhile;
        // the READY deadline starts once it is sent.
        _handshake?.CancelAfter(Timeout.InfiniteTimeSpan);
        _identify = IdentifyWhenAllowedAsync();
    }

    private async Task IdentifyWhenAllowedAsync()
    {
        try
        {
            using (await shard.Throttle.WaitForIdentifyAsync(shard.Id, _lifetime.Token))
            {
                await SendAsync(IdentifyPayload());
            }

            _handshake?.CancelAfter(_timings.ReadyTimeout);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidDataException or GatewayFatalException)
        {
            LogDropped(_logger, shard.Id, ex.GetType().Name, ex.Message);
            socket.Abort(); // the receive loop ends and the shard decides what comes next
        }
    }

    private void OnDispatch(JsonElement root, JsonElement data)
    {
        var sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : (long?)null;
        shard.Session.Observe(sequence);
        if (!_established && _helloSeen)
        {
            _handshake?.CancelAfter(_timings.ReadyTimeout); // a resume's replay is progress
        }

        var name = root.TryGetProperty("t", out var t) ? t.GetString() : null;
        try
        {
            switch (name)
            {
                case "READY":
                    var ready = ReadReady(data);
                    shard.Session.Start(ready.SessionId, data.GetProperty("resume_gateway_url").GetString()!);
                    Established();
                    LogReady(_logger, shard.Id, shard.Count, ready.Username, ready.ApplicationId);
                    shard.OnReady(ready);
                    break;
                case "RESUMED":
                    Established();
                    LogResumed(_logger, shard.Id, shard.Session.Sequence);
                    shard.OnResumed();
                    break;
                case not null:
                    shard.OnDispatch(new GatewayEvent(name, data, sequence));
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(_logger, ex, name ?? "?");
        }
    }

    private void Established()
    {
        _established = true;
        _handshakeExpiry.Unregister();
    }

    private ReadyInfo ReadReady(JsonElement data)
    {
        var user = data.TryGetProperty("user", out var u) ? u : default;
        var application = data.TryGetProperty("application", out var a) ? a : default;
        return new ReadyInfo(
            data.GetProperty("session_id").GetString()!,
            application.ValueKind == JsonValueKind.Object && application.TryGetProperty("id", out var id) ? id.GetString() : null,
            user.ValueKind == JsonValueKind.Object && user.TryGetProperty("id", out var uid) ? uid.GetString() : null,
            user.ValueKind == JsonValueKind.Object && user.TryGetProperty("username", out var name) ? name.GetString() : null,
            shard.Id);
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval)
    {
        try
        {
            // The first heartbeat waits interval × jitter, jitter uniform in [0, 1): never at once, never a full interval.
            await Task.Delay(interval * Random.Shared.NextDouble(), shard.Time, _lifetime.Token);
            while (!_lifetime.IsCancellationRequested)
            {
                if (!_acked)
                {
                    _zombie = true;
                    socket.Abort(); // not 1000/1001: the session stays resumable
                    await _lifetime.CancelAsync();
                    return;
                }

                await SendHeartbeatAsync();
                await Task.Delay(interval, shard.Time, _lifetime.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private Task SendHeartbeatAsync()
    {
        _acked = false;
        return SendAsync(new { op = GatewayOpcode.Heartbeat, d = shard.Session.Sequence });
    }

    private object IdentifyPayload()
    {
        var d = new Dictionary<string, object>
        {
            ["token"] = shard.Token,
            ["intents"] = 0, // interactions arrive without any intent; nothing privileged is asked for
            ["properties"] = new { os = OperatingSystemName(), browser = "CorpusBot", device = "CorpusBot" },
            ["shard"] = new[] { shard.Id, shard.Count },
        };
        if (shard.Presence() is { } presence)
        {
            d["presence"] = presence.ToPayload();
        }

        return new { op = GatewayOpcode.Identify, d };
    }

    private object ResumePayload() => new
    {
        op = GatewayOpcode.Resume,
        d = new { token = shard.Token, session_id = shard.Session.SessionId, seq = shard.Session.Sequence },
    };

    private async Task SendAsync(object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload); // Discord's nulls are meaningful here (a heartbeat's d, a presence's since)
        if (bytes.Length > MaxPayloadBytes)
        {
            throw new InvalidDataException("A gateway payload would exceed 4096 bytes");
        }

        await _sendLock.WaitAsync(_lifetime.Token);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    // Any code but 1000/1001 keeps the session resumable.
    private Task CloseKeepingSessionAsync() => CloseAsync((WebSocketCloseStatus)4000, "reconnecting");

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";

    public void Dispose()
    {
        _handshake?.Dispose();
        _lifetime.Dispose();
        _sendLock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}/{Count} ready as {Username} (application {ApplicationId})")]
    private static partial void LogReady(ILogger logger, int shard, int count, string? username, string? applicationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: session resumed after sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, int shard, long? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: the gateway connection dropped ({Error}: {Problem}); resuming")]
    private static partial void LogDropped(ILogger logger, int shard, string error, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: no heartbeat acknowledgement since the last heartbeat: the connection is a zombie; reconnecting to resume")]
    private static partial void LogZombie(ILogger logger, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: no {Awaited} from the gateway within {Seconds} s; dropping the socket and reconnecting")]
    private static partial void LogStalled(ILogger logger, int shard, string awaited, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: Discord asked for a reconnect (op 7); resuming")]
    private static partial void LogReconnectRequested(ILogger logger, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: invalid session (op 9, resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, int shard, bool resumable);

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler for the {EventName} event failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string eventName);
}
