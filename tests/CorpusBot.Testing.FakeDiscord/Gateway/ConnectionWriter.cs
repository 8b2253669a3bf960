using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>The single writer of a gateway socket: frames go out strictly in the order they were queued.</summary>
internal sealed class ConnectionWriter
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);
    private readonly GatewayConnection _connection;
    private readonly Channel<Outbound> _queue = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });
    private WebSocket? _socket;
    private HttpContext? _http;
    private int _aborted;

    public ConnectionWriter(GatewayConnection connection) => _connection = connection;

    public void Enqueue(Outbound item)
    {
        if (!_queue.Writer.TryWrite(item))
        {
            item.Done.TrySetResult();
        }
    }

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) == 1)
        {
            return;
        }

        try
        {
            _socket?.Abort();
            _http?.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request already finished; nothing left to drop.
        }
        finally
        {
            Complete();
        }
    }

    public void Attach(WebSocket socket, HttpContext http)
    {
        _socket = socket;
        _http = http;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("Attach the socket first.");
        var closeSent = false;
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    if (closeSent || Volatile.Read(ref _aborted) == 1)
                    {
                        continue;
                    }

                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(SendTimeout);
                    if (item.Kind == OutboundKind.Text)
                    {
                        if (socket.State != WebSocketState.Open)
                        {
                            continue;
                        }

                        var now = DateTimeOffset.UtcNow;
                        item.OnSending?.Invoke(now);
                        _connection.RecordSent(item, now);
                        await socket.SendAsync(Encoding.UTF8.GetBytes(item.Text), WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
                    }
                    else if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        closeSent = true;
                        await socket.CloseOutputAsync((WebSocketCloseStatus)item.CloseCode, item.CloseReason, timeout.Token).ConfigureAwait(false);
                        if (item.Kind == OutboundKind.Close)
                        {
                            _ = AbortIfNotClosedAsync(socket);
                        }
                    }
                }
                finally
                {
                    item.Done.TrySetResult();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The socket is gone; the read loop records how it ended.
        }
        finally
        {
            Complete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetResult();
            }
        }
    }

    private async Task AbortIfNotClosedAsync(WebSocket socket)
    {
        await Task.Delay(CloseHandshakeTimeout).ConfigureAwait(false);
        if (socket.State != WebSocketState.Closed)
        {
            Abort();
        }
    }
}
