using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Discord.Gateway;

/// <summary>
/// One shard's session, kept alive across connections by Discord's rules: resume at resume_gateway_url after drops,
/// resumable closes, op 7 and op 9 (true); identify afresh after op 9 (false) or a close that ends the session; stop on
/// close codes that retrying cannot fix. Each shard has its own session, sequence, heartbeat and resume.
/// </summary>
internal sealed partial class GatewayShard(GatewayClient client, IdentifyThrottle throttle, int id, int count)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private volatile GatewayConnection? _connection;

    /// <summary>This shard's id (the first number of Identify's <c>shard</c>).</summary>
    public int Id { get; } = id;

    /// <summary>The total number of shards (the second number).</summary>
    public int Count { get; } = count;

    /// <summary>The session carried across this shard's connections.</summary>
    public GatewaySession Session { get; } = new();

    internal IdentifyThrottle Throttle { get; } = throttle;

    internal ILogger Logger => client.Logger;

    internal GatewayTimings Timings => client.Timings;

    internal TimeProvider Time => client.Time;

    internal string Token => client.Token;

    internal GatewayPresence? Presence() => client.Presence?.Invoke();

    internal void OnReady(ReadyInfo ready) => client.OnShardReady(ready);

    internal void OnResumed() => client.OnShardState(Id, ShardState.Ready);

    internal void OnDispatch(GatewayEvent e) => client.OnDispatch(e);

    /// <summary>Runs until cancelled; throws <see cref="GatewayFatalException"/> when Discord refuses this shard for good.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var resumeFailures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var resume = Session.CanResume;
            var url = resume ? Session.ResumeUrl! : (await Throttle.GatewayAsync(cancellationToken)).Url;
            client.OnShardState(Id, ShardState.Connecting);
            var outcome = await RunConnectionAsync(url, resume, cancellationToken);
            client.OnShardState(Id, ShardState.Disconnected);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            failures = outcome.Established ? 0 : failures + 1;
            resumeFailures = resume && !outcome.Established ? resumeFailures + 1 : 0;
            var delay = NextStep(outcome, resumeFailures);
            if (!outcome.Established && failures > 0)
            {
                delay = Max(delay, Backoff.Gateway(failures));
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, Time, cancellationToken);
            }
        }
    }

    private TimeSpan NextStep(ConnectionEnd outcome, int resumeFailures)
    {
        switch (outcome.Kind)
        {
            case EndKind.Closed:
                var action = GatewayCloseCodes.ActionFor(outcome.CloseCode);
                LogClosed(Logger, Id, outcome.CloseCode, action);
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

    private async Task<ConnectionEnd> RunConnectionAsync(string url, bool resume, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        // Pings between heartbeats notice a half-open TCP connection sooner than a missing heartbeat ACK would.
        socket.Options.KeepAliveInterval = Timings.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = Timings.KeepAliveTimeout;
        var address = WithQuery(url);
        LogConnecting(Logger, Id, address.Host, address.Port, resume);
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(address, connectTimeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogConnectFailed(Logger, Id, ex.Message);
            return new ConnectionEnd(EndKind.ConnectFailed);
        }

        using var connection = new GatewayConnection(socket, this, resume, cancellationToken);
        _connection = connection;
        try
        {
            return await connection.RunAsync();
        }
        finally
        {
            _connection = null;
        }
    }

    /// <summary>Sends a new presence on this shard's connection, if it has a ready one.</summary>
    public async Task<bool> TryUpdatePresenceAsync(GatewayPresence presence)
    {
        try
        {
            return _connection is { } connection && await connection.TrySendPresenceAsync(presence);
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
        {
            return false; // the connection is going; the next Identify carries the presence
        }
    }

    /// <summary>The gateway address with this client's version and encoding, whatever query it came with.</summary>
    internal static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url);
        var kept = builder.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("v=", StringComparison.Ordinal) && !p.StartsWith("encoding=", StringComparison.Ordinal) && !p.StartsWith("compress=", StringComparison.Ordinal));
        builder.Query = string.Join('&', kept.Append("v=10").Append("encoding=json"));
        return builder.Uri;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: connecting to the Discord gateway at {Host}:{Port} (resume: {Resume})")]
    private static partial void LogConnecting(ILogger logger, int shard, string host, int port, bool resume);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: could not connect to the gateway: {Problem}")]
    private static partial void LogConnectFailed(ILogger logger, int shard, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: gateway closed with {CloseCode}; next: {Action}")]
    private static partial void LogClosed(ILogger logger, int shard, int? closeCode, CloseAction action);
}
