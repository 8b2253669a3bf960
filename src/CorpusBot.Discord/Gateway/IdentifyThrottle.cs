using CorpusBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Discord.Gateway;

/// <summary>
/// What every shard of the process shares before it identifies: the gateway address and session start limit from
/// GET /gateway/bot, and the pacing of Identify by rate-limit key (<c>shard_id % max_concurrency</c>, one per key per 5 s;
/// gateway.md, Max Concurrency). The wait happens just before the Identify is sent, as @discordjs/ws does, so a slow
/// connect on one shard cannot bring two identifies of one key closer than the window.
/// </summary>
internal sealed partial class IdentifyThrottle(DiscordRestClient rest, GatewayTimings timings, TimeProvider time, ILogger logger)
{
    // GET /gateway/bot "should not be cached for extended periods"; shards starting together share one answer.
    private static readonly TimeSpan InfoLifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _infoLock = new(1, 1);
    private readonly Dictionary<int, KeyTurn> _turns = [];
    private GatewayBotInfo? _info;
    private DateTimeOffset _infoFetchedAt;
    private int _remainingStarts;

    /// <summary>GET /gateway/bot, shared for a short while; retried with backoff until it answers; a refused token is fatal.</summary>
    public async Task<GatewayBotInfo> GatewayAsync(CancellationToken cancellationToken, bool fresh = false)
    {
        await _infoLock.WaitAsync(cancellationToken);
        try
        {
            if (_info is not null && !fresh && time.GetUtcNow() - _infoFetchedAt < InfoLifetime)
            {
                return _info;
            }

            _info = await FetchAsync(cancellationToken);
            _infoFetchedAt = time.GetUtcNow();
            _remainingStarts = _info.SessionStartLimit?.Remaining ?? int.MaxValue;
            return _info;
        }
        finally
        {
            _infoLock.Release();
        }
    }

    /// <summary>
    /// Waits until shard <paramref name="shardId"/> may send Identify, and counts it against the limits. The key stays
    /// taken until the returned permit is disposed, right after the Identify is sent: the window counts from then.
    /// </summary>
    public async Task<IDisposable> WaitForIdentifyAsync(int shardId, CancellationToken cancellationToken)
    {
        var info = await GatewayAsync(cancellationToken);
        var turn = TurnFor(shardId % Math.Max(1, info.SessionStartLimit?.MaxConcurrency ?? 1));
        await turn.Lock.WaitAsync(cancellationToken);
        try
        {
            await WaitForSessionStartAsync(info, cancellationToken);

            // With a 10 % margin for clock and network jitter.
            var next = turn.LastIdentify + (timings.IdentifyWindow * 1.1);
            var now = time.GetUtcNow();
            if (next > now)
            {
                await Task.Delay(next - now, time, cancellationToken);
            }

            Interlocked.Decrement(ref _remainingStarts);
            return new Permit(turn, time);
        }
        catch
        {
            turn.Lock.Release();
            throw;
        }
    }

    private async Task WaitForSessionStartAsync(GatewayBotInfo info, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _remainingStarts) > 0)
        {
            return;
        }

        var wait = TimeSpan.FromMilliseconds(Math.Max(info.SessionStartLimit?.ResetAfter ?? 0, 1000));
        LogNoSessionStarts(logger, wait.TotalMinutes);
        await Task.Delay(wait, time, cancellationToken);
        await GatewayAsync(cancellationToken, fresh: true);
    }

    private KeyTurn TurnFor(int key)
    {
        lock (_turns)
        {
            if (!_turns.TryGetValue(key, out var turn))
            {
                _turns[key] = turn = new KeyTurn();
            }

            return turn;
        }
    }

    private async Task<GatewayBotInfo> FetchAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await rest.GetGatewayBotAsync(cancellationToken);
            }
            catch (DiscordHttpException ex) when (ex.Status is 401 or 403)
            {
                throw new GatewayFatalException(null, $"Discord refused the bot token ({ex.Status}). Set Discord__Token to the token from the developer portal (Bot page).");
            }
            catch (Exception ex) when (ex is HttpRequestException or DiscordHttpException or System.Text.Json.JsonException or InvalidDataException)
            {
                LogGatewayInfoFailed(logger, ex.Message, attempt);
                await Task.Delay(Backoff.Gateway(attempt), time, cancellationToken);
            }
        }
    }

    /// <summary>Holds a key until the Identify is sent.</summary>
    private sealed class Permit(KeyTurn turn, TimeProvider time) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                turn.LastIdentify = time.GetUtcNow();
                turn.Lock.Release();
            }
        }
    }

    private sealed class KeyTurn
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public DateTimeOffset LastIdentify { get; set; } = DateTimeOffset.MinValue;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not get the gateway address ({Problem}); attempt {Attempt}")]
    private static partial void LogGatewayInfoFailed(ILogger logger, string problem, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No session starts left today; waiting {Minutes:F0} minutes before identifying")]
    private static partial void LogNoSessionStarts(ILogger logger, double minutes);
}
