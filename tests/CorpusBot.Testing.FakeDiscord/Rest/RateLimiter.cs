using System.Globalization;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>
/// Simple, consistent rate limits: a fixed 1-second window per bucket and top-level resource, and a sliding
/// 1-second global window that interaction routes are exempt from. Also remembers 429s to spot early retries.
/// </summary>
internal sealed class RateLimiter
{
    private static readonly TimeSpan WindowLength = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryTolerance = TimeSpan.FromMilliseconds(15);
    private readonly object _lock = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<string, Block> _blocked = new(StringComparer.Ordinal);
    private Block? _globalBlock;

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; }
        public int Count { get; set; }
    }

    private sealed record Block(DateTimeOffset? IssuedAt, DateTimeOffset Until);

    /// <summary>Outcome of <see cref="Acquire"/>; <see cref="Headers"/> are the X-RateLimit-* headers to send.</summary>
    public sealed record Decision(bool Allowed, bool Global, double RetryAfter, Dictionary<string, string> Headers);

    /// <returns>A violation sentence when the request retries a bucket (or the global limit) before its retry_after elapsed.</returns>
    public string? EarlyRetry(string key, bool interactionRoute, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_blocked.TryGetValue(key, out var block) && IsEarly(block, now))
            {
                return $"retried {(block.Until - now).TotalMilliseconds:0} ms before the retry_after of an earlier 429 on the same bucket elapsed";
            }

            if (!interactionRoute && _globalBlock is { } global && IsEarly(global, now))
            {
                return $"sent a request {(global.Until - now).TotalMilliseconds:0} ms before the retry_after of a global 429 elapsed";
            }

            return null;
        }
    }

    /// <summary>
    /// A request is early when it arrives after the 429 response was written (so it is not merely in flight alongside it)
    /// and before retry_after elapsed (minus a small tolerance).
    /// </summary>
    private static bool IsEarly(Block block, DateTimeOffset now) =>
        block.IssuedAt is { } written && now > written && now < block.Until - RetryTolerance;

    /// <summary>Called once a 429 response has been written; from then on requests to that bucket must wait.</summary>
    public void Written429(string key, bool global, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (global && _globalBlock is { IssuedAt: null } g)
            {
                _globalBlock = g with { IssuedAt = at };
            }
            else if (!global && _blocked.TryGetValue(key, out var b) && b.IssuedAt is null)
            {
                _blocked[key] = b with { IssuedAt = at };
            }
        }
    }

    public Decision Acquire(string bucket, string key, int limit, bool interactionRoute, int globalLimit, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!interactionRoute)
            {
                while (_global.Count > 0 && now - _global.Peek() >= WindowLength)
                {
                    _global.Dequeue();
                }

                if (_global.Count >= globalLimit)
                {
                    var retry = (_global.Peek() + WindowLength - now).TotalSeconds;
                    _globalBlock = new Block(null, now + TimeSpan.FromSeconds(retry));
                    return new Decision(false, true, retry, GlobalHeaders(retry));
                }
            }

            var window = WindowFor(key, now);
            if (window.Count >= limit)
            {
                var headers = HeadersLocked(bucket, window, limit, now);
                var retry = (window.Start + WindowLength - now).TotalSeconds;
                _blocked[key] = new Block(null, now + TimeSpan.FromSeconds(retry));
                headers["X-RateLimit-Scope"] = "user";
                headers["Retry-After"] = RetryAfterHeader(retry);
                return new Decision(false, false, retry, headers);
            }

            window.Count++;
            if (!interactionRoute)
            {
                _global.Enqueue(now);
            }

            return new Decision(true, false, 0, HeadersLocked(bucket, window, limit, now));
        }
    }

    /// <summary>Remembers an injected 429 so early retries can be detected; returns the headers to send with it.</summary>
    public Dictionary<string, string> Injected429(string bucket, string key, int limit, bool global, double retryAfter, DateTimeOffset now)
    {
        lock (_lock)
        {
            var block = new Block(null, now + TimeSpan.FromSeconds(retryAfter));
            if (global)
            {
                _globalBlock = block;
                return GlobalHeaders(retryAfter);
            }

            _blocked[key] = block;
            var window = WindowFor(key, now);
            var headers = HeadersLocked(bucket, window, limit, now);
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Reset-After"] = Seconds(retryAfter);
            headers["X-RateLimit-Reset"] = Seconds((now + TimeSpan.FromSeconds(retryAfter)).ToUnixTimeMilliseconds() / 1000.0);
            headers["X-RateLimit-Scope"] = "user";
            headers["Retry-After"] = RetryAfterHeader(retryAfter);
            return headers;
        }
    }

    private Window WindowFor(string key, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(key, out var window))
        {
            window = new Window { Start = now };
            _windows[key] = window;
        }

        if (now - window.Start >= WindowLength)
        {
            window.Start = now;
            window.Count = 0;
        }

        return window;
    }

    private static Dictionary<string, string> HeadersLocked(string bucket, Window window, int limit, DateTimeOffset now)
    {
        var reset = window.Start + WindowLength;
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = Math.Max(0, limit - window.Count).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = Seconds(reset.ToUnixTimeMilliseconds() / 1000.0),
            ["X-RateLimit-Reset-After"] = Seconds(Math.Max(0, (reset - now).TotalSeconds)),
            ["X-RateLimit-Bucket"] = bucket,
        };
    }

    private static Dictionary<string, string> GlobalHeaders(double retryAfter) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Retry-After"] = RetryAfterHeader(retryAfter),
        ["X-RateLimit-Global"] = "true",
        ["X-RateLimit-Scope"] = "global",
    };

    /// <summary>Whole seconds, rounded up, as in the documented examples (the body's retry_after keeps the fraction).</summary>
    private static string RetryAfterHeader(double seconds) => Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
