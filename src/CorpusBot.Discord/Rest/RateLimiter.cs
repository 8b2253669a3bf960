using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace CorpusBot.Discord.Rest;

/// <summary>
/// Discord's rate limits, learned from response headers rather than hard-coded: a bucket per
/// (X-RateLimit-Bucket, top-level resource), waits when a bucket is exhausted or after a 429, and the
/// 50-per-second global limit for every route except interaction callbacks and interaction webhooks.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private const int GlobalPerSecond = 50;
    private const int PruneAbove = 2048;

    // A busy bot keeps thousands of live buckets (one per interaction token): scanning them on every request
    // once past PruneAbove would make each request O(n). At most one scan per interval keeps it amortised.
    private static readonly TimeSpan PruneEvery = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _globalWindow = new();
    private readonly object _globalGate = new();
    private DateTimeOffset _globalBlockedUntil;
    private long _nextPruneTicks;
    private int _pruneScans;

    /// <summary>Buckets currently tracked.</summary>
    internal int BucketCount => _buckets.Count;

    /// <summary>How many times the bucket table was scanned for idle buckets.</summary>
    internal int PruneScans => Volatile.Read(ref _pruneScans);

    /// <summary>Waits until the route's bucket (and, unless exempt, the global limit) lets a request through.</summary>
    public async Task WaitAsync(RestRoute route, CancellationToken cancellationToken)
    {
        await BucketFor(route).WaitAsync(time, cancellationToken);
        if (!route.IsInteractionRoute)
        {
            await WaitGlobalAsync(cancellationToken);
        }
    }

    /// <summary>Learns the bucket's state from a response's X-RateLimit-* headers.</summary>
    public void Update(RestRoute route, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { } hash)
        {
            var key = $"{hash}:{route.MajorParameter}";
            _bucketOfRoute[route.Template] = hash;
            var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
            bucket.Update(
                Number(headers, "X-RateLimit-Remaining"),
                Number(headers, "X-RateLimit-Reset-After"),
                time.GetUtcNow());
        }
    }

    /// <summary>Blocks the bucket, or every route for a global limit, for <paramref name="retryAfter"/>.</summary>
    public void OnRateLimited(RestRoute route, TimeSpan retryAfter, bool global)
    {
        var until = time.GetUtcNow() + retryAfter;
        if (global)
        {
            lock (_globalGate)
            {
                if (until > _globalBlockedUntil)
                {
                    _globalBlockedUntil = until;
                }
            }
        }
        else
        {
            BucketFor(route).BlockUntil(until);
        }
    }

    private Bucket BucketFor(RestRoute route)
    {
        if (_buckets.Count > PruneAbove)
        {
            PruneNowAndThen();
        }

        var key = _bucketOfRoute.TryGetValue(route.Template, out var hash) ? $"{hash}:{route.MajorParameter}" : route.LimitKey;
        return _buckets.GetOrAdd(key, _ => new Bucket());
    }

    // Interaction tokens make a new bucket per interaction; forget the ones that are idle and reset, at most
    // once per PruneEvery (whoever wins the exchange scans; the others go on at once).
    private void PruneNowAndThen()
    {
        var now = time.GetUtcNow();
        var due = Volatile.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (now + PruneEvery).UtcTicks, due) != due)
        {
            return;
        }

        Interlocked.Increment(ref _pruneScans);
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle(now))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private async Task WaitGlobalAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan delay;
            lock (_globalGate)
            {
                var now = time.GetUtcNow();
                while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _globalWindow.Dequeue();
                }

                if (_globalBlockedUntil > now)
                {
                    delay = _globalBlockedUntil - now;
                }
                else if (_globalWindow.Count >= GlobalPerSecond)
                {
                    delay = _globalWindow.Peek() + TimeSpan.FromSeconds(1) - now;
                }
                else
                {
                    _globalWindow.Enqueue(now);
                    return;
                }
            }

            await Task.Delay(delay < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : delay, time, cancellationToken);
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed class Bucket
    {
        private readonly object _gate = new();
        private int? _remaining;
        private DateTimeOffset _resetAt;
        private DateTimeOffset _blockedUntil;
        private DateTimeOffset _lastUsed;

        public async Task WaitAsync(TimeProvider time, CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan delay;
                lock (_gate)
                {
                    var now = time.GetUtcNow();
                    _lastUsed = now;
                    if (_blockedUntil > now)
                    {
                        delay = _blockedUntil - now;
                    }
                    else if (_remaining is <= 0 && _resetAt > now)
                    {
                        delay = _resetAt - now;
                    }
                    else
                    {
                        if (_remaining is > 0)
                        {
                            _remaining--;
                        }
                        else if (_remaining is <= 0)
                        {
                            _remaining = null; // the window has reset: unknown until the next response says
                        }

                        return;
                    }
                }

                await Task.Delay(delay < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : delay, time, cancellationToken);
            }
        }

        public void Update(double? remaining, double? resetAfterSeconds, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (remaining is { } left && resetAfterSeconds is { } after)
                {
                    _remaining = (int)left;
                    _resetAt = now + TimeSpan.FromSeconds(after);
                }
            }
        }

        public void BlockUntil(DateTimeOffset until)
        {
            lock (_gate)
            {
                if (until > _blockedUntil)
                {
                    _blockedUntil = until;
                }
            }
        }

        public bool IsIdle(DateTimeOffset now)
        {
            lock (_gate)
            {
                return _blockedUntil < now && _resetAt < now && now - _lastUsed > TimeSpan.FromMinutes(1);
            }
        }
    }
}
