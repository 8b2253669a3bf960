using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Accepts gateway WebSockets and runs the read loop of each connection.</summary>
internal sealed class GatewayEndpoint
{
    private const int MaxPayloadBytes = 4096;
    private static readonly TimeSpan EchoTimeout = TimeSpan.FromSeconds(2);
    private readonly GatewayHub _hub;
    private readonly ViolationLog _violations;
    private readonly CancellationToken _stopping;

    public GatewayEndpoint(GatewayHub hub, ViolationLog violations, CancellationToken stopping)
    {
        _hub = hub;
        _violations = violations;
        _stopping = stopping;
    }

    /// <param name="path"><c>/gateway</c> or <c>/resume-gateway</c> (a trailing slash in the URL is ignored).</param>
    public async Task HandleAsync(HttpContext context, string path)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var connection = _hub.Open(path, context.Request.QueryString.Value ?? "");
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.Zero }).ConfigureAwait(false);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(_stopping, context.RequestAborted);
        connection.Writer.Attach(socket, context);
        var writer = connection.Writer.RunAsync(lifetime.Token);
        Task? monitor = null;
        if (_hub.Start(connection))
        {
            monitor = _hub.MonitorHeartbeatsAsync(connection, lifetime.Token);
        }

        var (code, reason, dropped) = await ReadLoopAsync(connection, socket, lifetime.Token).ConfigureAwait(false);
        _hub.Ended(connection, code, reason, dropped);
        connection.Writer.Complete();
        await lifetime.CancelAsync().ConfigureAwait(false);
        await Task.WhenAny(writer, Task.Delay(EchoTimeout, CancellationToken.None)).ConfigureAwait(false);
        if (monitor is not null)
        {
            await Task.WhenAny(monitor, Task.Delay(EchoTimeout, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    /// <returns>The close code/reason of a close frame from the client (null when none) and whether the client dropped the connection.</returns>
    private async Task<(int? Code, string? Reason, bool Dropped)> ReadLoopAsync(GatewayConnection connection, WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        var oversized = false;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    var code = (int?)socket.CloseStatus;
                    var reason = socket.CloseStatusDescription;
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        var echo = new Outbound(OutboundKind.EchoClose) { CloseCode = code ?? 1000, CloseReason = "" };
                        connection.Writer.Enqueue(echo);
                        await echo.Done.Task.WaitAsync(EchoTimeout, CancellationToken.None).ConfigureAwait(false);
                    }

                    return (code, reason, false);
                }

                if (!oversized && message.Length + result.Count <= MaxPayloadBytes)
                {
                    message.Write(buffer, 0, result.Count);
                }
                else
                {
                    oversized = true;
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                if (oversized || result.MessageType == WebSocketMessageType.Binary)
                {
                    var problem = oversized ? $"a payload larger than {MaxPayloadBytes} bytes" : "a binary frame (encoding=json expects text frames)";
                    _violations.Add("gateway", $"Connection #{connection.Index}: sent {problem}; closing with 4002.");
                    oversized = false;
                    _ = _hub.CloseAsync(connection, 4002, "Decode error");
                    continue;
                }

                try
                {
                    _hub.HandleText(connection, text);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _violations.Add("fake", $"Connection #{connection.Index}: internal error in the fake while handling {text[..Math.Min(200, text.Length)]}: {e}");
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or TimeoutException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            return (null, null, true);
        }
    }
}
