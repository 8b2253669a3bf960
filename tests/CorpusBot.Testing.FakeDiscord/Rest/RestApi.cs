using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>
/// The REST pipeline: record, check headers, inject faults, authenticate, rate-limit, route.
/// Every decision (including recording) happens before the response is written.
/// </summary>
internal sealed partial class RestApi
{
    public const string Prefix = "/api/v10";
    private const int MaxBodyBytes = 4 * 1024 * 1024;
    private readonly FakeDiscordOptions _options;
    private readonly ViolationLog _violations;
    private readonly RequestLog _log;
    private readonly FaultInjector _faults;
    private readonly RateLimiter _limiter = new();
    private readonly RouteTable _routes;

    public RestApi(FakeDiscordOptions options, ViolationLog violations, RequestLog log, FaultInjector faults, RouteTable routes)
    {
        _options = options;
        _violations = violations;
        _log = log;
        _faults = faults;
        _routes = routes;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var sequence = _log.NextSequence();
        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        var fullPath = request.Path.Value ?? "/";
        var path = fullPath.StartsWith(Prefix + "/", StringComparison.Ordinal) ? fullPath[Prefix.Length..] : fullPath;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var exchange = new RestExchange(_log, sequence, request.Method.ToUpperInvariant(), fullPath, path, request.QueryString.Value ?? "", headers, body, receivedAt);

        RestResult result;
        string rateKey;
        try
        {
            result = Process(exchange, fullPath != path, out rateKey);
        }
        catch (Exception e)
        {
            _violations.Add("fake", $"{exchange.Line}: internal error in the fake: {e}");
            result = RestResult.Error(500, 0, "500: Internal Server Error (bug in the fake, see Violations)");
            rateKey = "";
        }

        exchange.Record(result.Status);
        await WriteAsync(context.Response, result).ConfigureAwait(false);
        if (result.Status == 429)
        {
            _limiter.Written429(rateKey, result.Headers.ContainsKey("X-RateLimit-Global"), DateTimeOffset.UtcNow);
        }
    }

    private RestResult Process(RestExchange x, bool underV10, out string key)
    {
        key = "";
        if (!underV10)
        {
            Violation($"{x.Method} {x.FullPath}: REST requests must use the /api/v10 base path.");
            return RestResult.NotFound();
        }

        CheckUserAgent(x);
        CheckTokenLeak(x);
        var (route, match, pathKnown) = _routes.Find(x.Method, x.Path);
        key = route is not null && match is not null ? route.RateKey(match) : "unrouted:" + x.Method + " " + x.Path;
        var interactionRoute = route?.InteractionRoute ?? false;
        if (_limiter.EarlyRetry(key, interactionRoute, x.ReceivedAt) is { } early)
        {
            Violation($"{x.Line}: {early}.");
        }

        if (_faults.TryTake(x.Method, x.Path) is { } fault)
        {
            return Injected(fault, route, key, x.ReceivedAt);
        }

        if (route is null || match is null)
        {
            Violation($"{x.Line}: {(pathKnown ? "method not supported on this route" : "route not implemented")} by the fake.");
            return pathKnown ? RestResult.Error(405, 0, "405: Method Not Allowed") : RestResult.NotFound();
        }

        if (Authenticate(x, route) is { } unauthorized)
        {
            return unauthorized;
        }

        var limit = route.LimitPerSecond ?? _options.RouteRateLimitPerSecond;
        var decision = _limiter.Acquire(route.Bucket, key, limit, route.InteractionRoute, _options.GlobalRateLimitPerSecond, x.ReceivedAt);
        if (!decision.Allowed)
        {
            Violation(decision.Global
                ? $"{x.Line}: exceeded the global rate limit of {_options.GlobalRateLimitPerSecond} requests per second."
                : $"{x.Line}: exceeded a rate limit it had been told about (bucket {route.Bucket}, limit {limit} per second, announced in X-RateLimit-* headers).");
            return WithHeaders(RateLimited(decision.RetryAfter, decision.Global), decision.Headers);
        }

        if (CheckContentType(x) is { } badContentType)
        {
            return WithHeaders(badContentType, decision.Headers);
        }

        return WithHeaders(route.Handler(x, match), decision.Headers);
    }

    private RestResult Injected(FaultInjector.Fault fault, Route? route, string key, DateTimeOffset now)
    {
        if (fault.Status != 429)
        {
            var reason = ReasonPhrases.GetReasonPhrase(fault.Status);
            return RestResult.Error(fault.Status, 0, $"{fault.Status}: {(reason.Length > 0 ? reason : "Error")}");
        }

        var headers = _limiter.Injected429(route?.Bucket ?? "unrouted", key, route?.LimitPerSecond ?? _options.RouteRateLimitPerSecond, fault.Global, fault.RetryAfterSeconds, now);
        return WithHeaders(RateLimited(fault.RetryAfterSeconds, fault.Global), headers);
    }

    private static RestResult RateLimited(double retryAfter, bool global) =>
        new(429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = Math.Round(retryAfter, 3), ["global"] = global });

    private static RestResult WithHeaders(RestResult result, Dictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            result.Headers.TryAdd(name, value);
        }

        return result;
    }

    private void Violation(string sentence) => _violations.Add("rest", sentence);

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static async Task WriteAsync(HttpResponse response, RestResult result)
    {
        response.StatusCode = result.Status;
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = value;
        }

        if (result.Body is null || result.Status == 204)
        {
            return;
        }

        response.ContentType = "application/json";
        await response.WriteAsync(result.Body.ToJsonString(Json.Compact)).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^DiscordBot \([^,()]+, [^()]+\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UserAgentPattern();
}
