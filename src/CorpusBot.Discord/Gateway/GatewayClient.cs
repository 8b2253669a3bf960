using CorpusBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Discord.Gateway;

/// <summary>
/// The bot's gateway: the shards this process runs (<see cref="ShardPlan"/>: <c>Discord:ShardCount</c> and
/// <c>Discord:ShardIds</c>), each with its own connection and session (<see cref="GatewayShard"/>), identifies paced by
/// rate-limit key (<see cref="IdentifyThrottle"/>), and every shard's events raised here as one stream. With
/// <c>ShardCount</c> <c>auto</c>, a 4011 close (sharding required) re-reads the recommended count and restarts every shard.
/// </summary>
public sealed partial class GatewayClient(DiscordOptions options, DiscordRestClient rest, ILogger<GatewayClient> logger, TimeProvider? timeProvider = null)
{
    private IReadOnlyList<GatewayShard> _shards = [];

    internal ILogger Logger { get; } = logger;

    internal TimeProvider Time { get; } = timeProvider ?? TimeProvider.System;

    internal string Token { get; } = options.Token ?? throw new ArgumentException("Discord:Token is required", nameof(options));

    /// <summary>Step timeouts; tests shorten them.</summary>
    internal GatewayTimings Timings { get; init; } = GatewayTimings.Discord;

    /// <summary>The presence sent with each Identify (read at each one, so it can follow the collection); null for none.</summary>
    public Func<GatewayPresence?>? Presence { get; set; }

    /// <summary>The shard ids this process runs and the total, once known (empty before the first start).</summary>
    public IReadOnlyList<(int Id, int Count)> Shards => _shards.Select(s => (s.Id, s.Count)).ToArray();

    /// <summary>Raised on a receive loop when a shard's new session is ready. Keep handlers quick.</summary>
    public event Action<ReadyInfo>? Ready;

    /// <summary>Raised when a shard connects, becomes ready (READY or RESUMED) or loses its connection.</summary>
    public event Action<ShardStateChange>? StateChanged;

    /// <summary>Raised on a receive loop for every other dispatch of any shard. Keep handlers quick; copy what you keep.</summary>
    public event Action<GatewayEvent>? Dispatch;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; throws <see cref="GatewayFatalException"/> when Discord refuses for good.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var plan = ShardPlan.TryParse(options.ShardCount, options.ShardIds, out var problem)
            ?? throw new GatewayFatalException(null, problem!);
        var throttle = new IdentifyThrottle(rest, Timings, Time, Logger);
        while (!cancellationToken.IsCancellationRequested)
        {
            var count = plan.Count ?? (await throttle.GatewayAsync(cancellationToken, fresh: true)).Shards;
            var ids = plan.IdsFor(Math.Max(1, count));
            _shards = ids.Select(id => new GatewayShard(this, throttle, id, Math.Max(1, count))).ToArray();
            LogStarting(Logger, string.Join(',', ids), Math.Max(1, count), plan.IsAuto);
            try
            {
                await RunShardsAsync(_shards, cancellationToken);
                return;
            }
            catch (GatewayFatalException ex) when (ex.CloseCode == (int)GatewayCloseCode.ShardingRequired && plan.IsAuto)
            {
                LogResharding(Logger, count);
            }
        }
    }

    /// <summary>Runs every shard; the first that fails for good stops the others, and its error is thrown.</summary>
    private static async Task RunShardsAsync(IReadOnlyList<GatewayShard> shards, CancellationToken cancellationToken)
    {
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = shards.Select(shard => Task.Run(() => shard.RunAsync(stopAll.Token), CancellationToken.None)).ToList();
        var pending = runs.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            if (done.IsFaulted)
            {
                await stopAll.CancelAsync();
                await Task.WhenAll(pending).ContinueWith(static _ => { }, TaskScheduler.Default);
                await done; // rethrows the shard's error
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Sends <paramref name="presence"/> (Update Presence, op 3) on every ready shard; shards not ready get it with
    /// their next Identify, which reads <see cref="Presence"/>. Returns how many shards were updated.
    /// </summary>
    public async Task<int> UpdatePresenceAsync(GatewayPresence presence)
    {
        var sent = await Task.WhenAll(_shards.Select(shard => shard.TryUpdatePresenceAsync(presence)));
        return sent.Count(s => s);
    }

    internal void OnShardReady(ReadyInfo ready)
    {
        OnShardState(ready.ShardId, ShardState.Ready);
        Ready?.Invoke(ready);
    }

    internal void OnShardState(int shardId, ShardState state) => StateChanged?.Invoke(new ShardStateChange(shardId, state));

    internal void OnDispatch(GatewayEvent e) => Dispatch?.Invoke(e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting gateway shard(s) {ShardIds} of {Count} (count from Discord: {Auto})")]
    private static partial void LogStarting(ILogger logger, string shardIds, int count, bool auto);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord requires more shards than {Count} (4011); re-reading the recommended count and restarting every shard")]
    private static partial void LogResharding(ILogger logger, int count);
}
