using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using CorpusBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Discord.Gateway;

/// <summary>
/// Keeps one gateway session alive: connect (address from GET /gateway/bot), Hello, heartbeats with the
/// first one jittered, Identify or Resume, dispatches to the handlers, and reconnection by Discord's rules:
/// resume at resume_gateway_url after drops, resumable closes, op 7 and op 9 (true); identify afresh after
/// op 9 (false) or a close that ends the session; stop on close codes that retrying cannot fix.
/// </summary>
public sealed partial class GatewayClient(DiscordOptions options, DiscordRestClient rest, ILogger<GatewayClient> logger, TimeProvider? timeProvider = null)
{
    private const int MaxPayloadBytes = 4096;
    private const int MaxInboundBytes = 64 * 1024 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly string _token = options.Token ?? throw new ArgumentException("Discord:Token is required", nameof(options));
    private readonly ILogger _logger = logger;
    private DateTimeOffset _lastIdentify = DateTimeOffset.MinValue;

    /// <summary>Step timeouts; tests shorten them.</summary>
    internal GatewayTimings Timings { get; init; } = GatewayTimings.Discord;

    /// <summary>The session carried across connections.</summary>
    public GatewaySession Session { get; } = new();

    /// <summary>Raised on the receive loop when a new session is ready. Keep handlers quick.</summary>
    public event Action<ReadyInfo>? Ready;

    /// <summary>Raised on the receive loop after a resume has replayed what was missed.</summary>
    public event Action? Resumed;

    /// <summary>Raised on the receive loop for every other dispatch. Keep handlers quick; copy what you keep.</summary>
    public event Action<GatewayEvent>? Dispatch;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; throws <see cref="GatewayFatalException"/> when Discord refuses for good.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var resumeFailures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var resume = Session.CanResume;
            string url;
            try
            {
                url = resume ? Session.ResumeUrl! : await PrepareIdentifyAsync(cancellationToken);
            }
            catch (DiscordHttpException ex) when (ex.Status is 401 or 403)
            {
                throw new GatewayFatalException(null, $"Discord refused the bot token ({ex.Status}). Set Discord__Token to the token from the developer portal (Bot page).");
            }
            catch (Exception ex) when (ex is HttpRequestException or DiscordHttpException or JsonException or InvalidDataException)
            {
                failures++;
                LogGatewayInfoFailed(_logger, ex.Message, failures);
                await Task.Delay(Backoff(failures), _time, cancellationToken);
                continue;
            }

            var outcome = await RunConnectionAsync(url, resume, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            failures = outcome.Established ? 0 : failures + 1;
            resumeFailures = resume && !outcome.Established ? resumeFailures + 1 : 0;
            var delay = NextStep(outcome, resumeFailures);
            if (!outcome.Established && failures > 0)
            {
                delay = Max(delay, Backoff(failures));
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
    }

    private TimeSpan NextStep(ConnectionEnd outcome, int resumeFailures)
    {
        switch (outcome.Kind)
        {
            case EndKind.Closed:
                var action = GatewayCloseCodes.ActionFor(outcome.CloseCode);
                LogClosed(_logger, outcome.CloseCode, action);
                if (action == CloseAction.Stop)
                {
                    throw new GatewayFatalException(outcome.CloseCode, $"Discord closed the gateway: {GatewayCloseCodes.Describe(outcome.CloseCode!.Value)}.");
                }

                if (action == CloseAction.Identify || resumeFailures >= 2)
                {
                    Session.Reset();
                }

                return TimeSpan.Zero;
            case EndKind.InvalidSession:
                if (!outcome.Resumable)
                {
                    Session.Reset();
                }

                // Discord asks for a random wait of 1 to 5 seconds before trying again.
                return TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 5000));
            case EndKind.ConnectFailed or EndKind.Dropped or EndKind.Zombie or EndKind.Stalled when resumeFailures >= 2:
                // Resuming keeps failing (the address unreachable, or the connection lost before RESUMED):
                // start over at the gateway address from GET /gateway/bot.
                Session.Reset();
                return TimeSpan.Zero;
            default:
                return TimeSpan.Zero;
        }
    }

    private async Task<string> PrepareIdentifyAsync(CancellationToken cancellationToken)
    {
        var info = await rest.GetGatewayBotAsync(cancellationToken);
        var limit = info.SessionStartLimit;
        if (limit is { Remaining: <= 0 })
        {
            var wait = TimeSpan.FromMilliseconds(Math.Max(limit.ResetAfter, 1000));
            LogNoSessionStarts(_logger, wait.TotalMinutes);
            await Task.Delay(wait, _time, cancellationToken);
        }

        // At most max_concurrency identifies per 5 seconds (counted from when each was sent, with a 10 % margin); one shard here.
        var spacing = Timings.IdentifyWindow * 1.1 / Math.Max(1, limit?.MaxConcurrency ?? 1);
        var next = _lastIdentify + spacing;
        var now = _time.GetUtcNow();
        if (next > now)
        {
            await Task.Delay(next - now, _time, cancellationToken);
        }

        return info.Url;
    }

    private async Task<ConnectionEnd> RunConnectionAsync(string url, bool resume, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        // Pings between heartbeats notice a half-open TCP connection sooner than a missing heartbeat ACK would.
        socket.Options.KeepAliveInterval = Timings.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = Timings.KeepAliveTimeout;
        var address = WithQuery(url);
        LogConnecting(_logger, address.Host, address.Port, resume);
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(address, connectTimeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogConnectFailed(_logger, ex.Message);
            return new ConnectionEnd(EndKind.ConnectFailed);
        }

        using var connection = new GatewayConnection(socket, this, resume, cancellationToken);
        return await connection.RunAsync();
    }

    internal static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url);
        var kept = builder.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("v=", StringComparison.Ordinal) && !p.StartsWith("encoding=", StringComparison.Ordinal) && !p.StartsWith("compress=", StringComparison.Ordinal));
        builder.Query = string.Join('&', kept.Append("v=10").Append("encoding=json"));
        return builder.Uri;
    }

    private static TimeSpan Backoff(int failures)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, 1000 * Math.Pow(2, Math.Min(failures - 1, 10)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + Random.Shared.NextDouble() * (ceiling / 2));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private enum EndKind
    {
        ConnectFailed,
        Closed,
        Dropped,
        Reconnect,
        InvalidSession,
        Zombie,
        Stalled,
    }

    private sealed record ConnectionEnd(EndKind Kind, int? CloseCode = null, bool Resumable = false, bool Established = false);

    /// <summary>One WebSocket: receive loop, heartbeat loop and a send lock; ends with a <see cref="ConnectionEnd"/>.</summary>
    private sealed class GatewayConnection(ClientWebSocket socket, GatewayClient client, bool resume, CancellationToken stopping) : IDisposable
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private readonly CancellationTokenSource _lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        private readonly ILogger _logger = client._logger;
        private volatile bool _acked = true;
        private volatile bool _zombie;
        private volatile bool _stalled;
        private CancellationTokenSource? _handshake;
        private CancellationTokenRegistration _handshakeExpiry;
        private bool _established;
        private bool _helloSeen;
        private Task _heartbeats = Task.CompletedTask;

        public async Task<ConnectionEnd> RunAsync()
        {
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            // Until READY (or RESUMED) a silent server would hold the connection open for ever: Hello, then READY, each get a deadline.
            _handshake = new CancellationTokenSource(client.Timings.HelloTimeout, client._time);
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
                LogStalled(_logger, _helloSeen ? "READY" : "Hello", _helloSeen ? client.Timings.ReadyTimeout.TotalSeconds : client.Timings.HelloTimeout.TotalSeconds);
                return new ConnectionEnd(EndKind.Stalled, Established: _established);
            }
            catch (OperationCanceledException) when (_zombie)
            {
                LogZombie(_logger);
                return new ConnectionEnd(EndKind.Zombie, Established: _established);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or JsonException or InvalidDataException or OperationCanceledException)
            {
                LogDropped(_logger, ex.GetType().Name, ex.Message);
                return new ConnectionEnd(EndKind.Dropped, Established: _established);
            }
            finally
            {
                await _handshakeExpiry.DisposeAsync();
                await _lifetime.CancelAsync();
                await _heartbeats.ContinueWith(static _ => { }, TaskScheduler.Default);
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
                    _helloSeen = true;
                    _handshake?.CancelAfter(client.Timings.ReadyTimeout);
                    var interval = TimeSpan.FromMilliseconds(data.GetProperty("heartbeat_interval").GetDouble());
                    _heartbeats = HeartbeatLoopAsync(interval);
                    if (!resume)
                    {
                        client._lastIdentify = client._time.GetUtcNow();
                    }

                    await SendAsync(resume ? ResumePayload() : IdentifyPayload());
                    return null;
                case GatewayOpcode.HeartbeatAck:
                    _acked = true;
                    return null;
                case GatewayOpcode.Heartbeat:
                    await SendHeartbeatAsync();
                    return null;
                case GatewayOpcode.Reconnect:
                    LogReconnectRequested(_logger);
                    return new ConnectionEnd(EndKind.Reconnect, Established: _established);
                case GatewayOpcode.InvalidSession:
                    var resumable = data.ValueKind == JsonValueKind.True;
                    LogInvalidSession(_logger, resumable);
                    return new ConnectionEnd(EndKind.InvalidSession, Resumable: resumable, Established: _established);
                case GatewayOpcode.Dispatch:
                    OnDispatch(root, data);
                    return null;
                default:
                    return null;
            }
        }

        private void OnDispatch(JsonElement root, JsonElement data)
        {
            var sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : (long?)null;
            client.Session.Observe(sequence);
            if (!_established && _helloSeen)
            {
                _handshake?.CancelAfter(client.Timings.ReadyTimeout); // a resume's replay is progress
            }

            var name = root.TryGetProperty("t", out var t) ? t.GetString() : null;
            try
            {
                switch (name)
                {
                    case "READY":
                        var ready = ReadReady(data);
                        client.Session.Start(ready.SessionId, data.GetProperty("resume_gateway_url").GetString()!, ready.ApplicationId);
                        Established();
                        LogReady(_logger, ready.Username, ready.ApplicationId);
                        client.Ready?.Invoke(ready);
                        break;
                    case "RESUMED":
                        Established();
                        LogResumed(_logger, client.Session.Sequence);
                        client.Resumed?.Invoke();
                        break;
                    case not null:
                        client.Dispatch?.Invoke(new GatewayEvent(name, data, sequence));
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

        private static ReadyInfo ReadReady(JsonElement data)
        {
            var user = data.TryGetProperty("user", out var u) ? u : default;
            var application = data.TryGetProperty("application", out var a) ? a : default;
            return new ReadyInfo(
                data.GetProperty("session_id").GetString()!,
                application.ValueKind == JsonValueKind.Object && application.TryGetProperty("id", out var id) ? id.GetString() : null,
                user.ValueKind == JsonValueKind.Object && user.TryGetProperty("id", out var uid) ? uid.GetString() : null,
                user.ValueKind == JsonValueKind.Object && user.TryGetProperty("username", out var name) ? name.GetString() : null);
        }

        private async Task HeartbeatLoopAsync(TimeSpan interval)
        {
            try
            {
                // The first heartbeat waits interval × jitter, jitter uniform in [0, 1): never at once, never a full interval.
                await Task.Delay(interval * Random.Shared.NextDouble(), client._time, _lifetime.Token);
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
                    await Task.Delay(interval, client._time, _lifetime.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
            }
        }

        private Task SendHeartbeatAsync()
        {
            _acked = false;
            return SendAsync(new { op = GatewayOpcode.Heartbeat, d = client.Session.Sequence });
        }

        private object IdentifyPayload() => new
        {
            op = GatewayOpcode.Identify,
            d = new
            {
                token = client._token,
                intents = 0, // interactions arrive without any intent; nothing privileged is asked for
                properties = new { os = OperatingSystemName(), browser = "CorpusBot", device = "CorpusBot" },
            },
        };

        private object ResumePayload() => new
        {
            op = GatewayOpcode.Resume,
            d = new { token = client._token, session_id = client.Session.SessionId, seq = client.Session.Sequence },
        };

        private async Task SendAsync(object payload)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
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
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to the Discord gateway at {Host}:{Port} (resume: {Resume})")]
    private static partial void LogConnecting(ILogger logger, string host, int port, bool resume);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the gateway: {Problem}")]
    private static partial void LogConnectFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not get the gateway address ({Problem}); attempt {Attempt}")]
    private static partial void LogGatewayInfoFailed(ILogger logger, string problem, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway ready as {Username} (application {ApplicationId})")]
    private static partial void LogReady(ILogger logger, string? username, string? applicationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway session resumed after sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway closed with {CloseCode}; next: {Action}")]
    private static partial void LogClosed(ILogger logger, int? closeCode, CloseAction action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway connection dropped ({Error}: {Problem}); resuming")]
    private static partial void LogDropped(ILogger logger, string error, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat acknowledgement since the last heartbeat: the connection is a zombie; reconnecting to resume")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Awaited} from the gateway within {Seconds} s; dropping the socket and reconnecting")]
    private static partial void LogStalled(ILogger logger, string awaited, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord asked for a reconnect (op 7); resuming")]
    private static partial void LogReconnectRequested(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invalid session (op 9, resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No session starts left today; waiting {Minutes:F0} minutes before identifying")]
    private static partial void LogNoSessionStarts(ILogger logger, double minutes);

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler for the {EventName} event failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string eventName);
}
