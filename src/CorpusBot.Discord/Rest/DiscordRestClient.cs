using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using CorpusBot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Discord.Rest;

/// <summary>
/// Discord's REST API: bot authorization (only where it is needed: never on interaction callbacks and
/// interaction webhooks), a DiscordBot user agent, JSON bodies, per-bucket and global rate limits from the
/// response headers, 429s waited out, 5xx retried with backoff where a retry cannot send anything twice, and
/// a <see cref="RequestGuard"/> against the invalid-request limit.
/// </summary>
public sealed partial class DiscordRestClient : IDisposable
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly RateLimiter _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RequestGuard _guard;
    private readonly AuthenticationHeaderValue? _botAuthorization;

    /// <summary>Creates the client. <paramref name="handler"/> lets tests substitute the transport.</summary>
    public DiscordRestClient(DiscordOptions options, ILogger<DiscordRestClient> logger, TimeProvider? time = null, HttpMessageHandler? handler = null)
        : this(options, logger, time, handler, RequestGuard.SoftLimit, RequestGuard.HardLimit)
    {
    }

    /// <summary>Creates the client with other invalid-request limits (tests).</summary>
    internal DiscordRestClient(DiscordOptions options, ILogger<DiscordRestClient> logger, TimeProvider? time, HttpMessageHandler? handler, int invalidSoftLimit, int invalidHardLimit)
    {
        _time = time ?? TimeProvider.System;
        _limits = new RateLimiter(_time);
        _logger = logger;
        _guard = new RequestGuard(_time, logger, invalidSoftLimit, invalidHardLimit);
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            // Set per request, not by default: interaction callbacks and webhooks must not carry it.
            _botAuthorization = new AuthenticationHeaderValue("Bot", options.Token);
        }
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"DiscordBot (https://github.com/corpusbot/corpusbot, {Version})");
    }

    /// <summary>The library version sent in the User-Agent.</summary>
    public static string Version { get; } = typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    /// <summary>GET /gateway/bot: the gateway address and the session start limit.</summary>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var document = await SendForJsonAsync(RestRoute.GatewayBot(), null, cancellationToken);
        return DiscordJson.Deserialize<GatewayBotInfo>(document.RootElement) ?? throw new InvalidDataException("GET gateway/bot returned no body");
    }

    /// <summary>Replaces every command of the application (or of one guild, when <paramref name="guildId"/> is set).</summary>
    public async Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var route = guildId is null ? RestRoute.GlobalCommands(applicationId) : RestRoute.GuildCommands(applicationId, guildId);
        using var _ = await SendForJsonAsync(route, commands, cancellationToken);
    }

    /// <summary>POST /interactions/{id}/{token}/callback: the initial response, due within 3 seconds.</summary>
    public async Task CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse response, CancellationToken cancellationToken)
    {
        using var _ = await SendForJsonAsync(RestRoute.InteractionCallback(interactionId, token), response, cancellationToken);
    }

    /// <summary>PATCH the original response of an interaction (after a deferral, or to change it).</summary>
    public async Task EditOriginalResponseAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken)
    {
        using var _ = await SendForJsonAsync(RestRoute.EditOriginal(applicationId, token), message with { Flags = null }, cancellationToken);
    }

    /// <summary>DELETE the original response of an interaction (e.g. a public "thinking…" whose answer turned out private).</summary>
    public async Task DeleteOriginalResponseAsync(string applicationId, string token, CancellationToken cancellationToken)
    {
        using var _ = await SendForJsonAsync(RestRoute.DeleteOriginal(applicationId, token), null, cancellationToken);
    }

    /// <summary>POST a followup message for an interaction.</summary>
    public async Task CreateFollowupAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken)
    {
        using var _ = await SendForJsonAsync(RestRoute.Followup(applicationId, token), message, cancellationToken);
    }

    /// <summary>Invalid requests (401, 403, counted 429s) in the last 10 minutes.</summary>
    public int InvalidRequests => _guard.InvalidRequests;

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument> SendForJsonAsync(RestRoute route, object? body, CancellationToken cancellationToken)
    {
        var content = body is null ? null : DiscordJson.Serialize(body);
        for (var attempt = 1; ; attempt++)
        {
            _guard.Check(route);
            await _limits.WaitAsync(route, cancellationToken);
            using var request = new HttpRequestMessage(route.Method, route.Path);
            if (route.UsesBotToken)
            {
                request.Headers.Authorization = _botAuthorization;
            }

            if (content is not null)
            {
                request.Content = new ByteArrayContent(content) { Headers = { ContentType = Json } };
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (!route.IsRetrySafe || attempt >= MaxAttempts)
                {
                    throw new HttpRequestException($"{route.Template} failed: {ex.GetType().Name}", null);
                }

                LogTransportRetry(_logger, route.Template, attempt, ex.GetType().Name);
                await Task.Delay(RetryDelay(attempt), _time, cancellationToken);
                continue;
            }

            using (response)
            {
                _limits.Update(route, response.Headers);
                _guard.Observe(route, (int)response.StatusCode, IsSharedScope(response));
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
                }

                var error = ReadError(text);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
                {
                    var wait = RetryAfter(response, error);
                    var global = error.Global || response.Headers.Contains("X-RateLimit-Global");
                    _limits.OnRateLimited(route, wait, global);
                    LogRateLimited(_logger, route.Template, wait.TotalMilliseconds, global);
                    continue;
                }

                if ((int)response.StatusCode >= 500 && route.IsRetrySafe && attempt < MaxAttempts)
                {
                    LogServerRetry(_logger, route.Template, (int)response.StatusCode, attempt);
                    await Task.Delay(RetryDelay(attempt), _time, cancellationToken);
                    continue;
                }

                // A retried callback whose first attempt did reach Discord: it was answered, once.
                if (attempt > 1 && error.Code == 40060)
                {
                    return JsonDocument.Parse("{}");
                }

                throw new DiscordHttpException((int)response.StatusCode, error.Code, route.Template, error.Message);
            }
        }
    }

    private static bool IsSharedScope(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Scope", out var scope) && scope.Contains("shared", StringComparer.OrdinalIgnoreCase);

    private static TimeSpan RetryDelay(int attempt) => Backoff.Jittered(attempt, FirstRetryDelay, MaxRetryDelay);

    private static TimeSpan RetryAfter(HttpResponseMessage response, ErrorBody error)
    {
        var seconds = error.RetryAfter
            ?? (response.Headers.RetryAfter?.Delta?.TotalSeconds)
            ?? (double.TryParse(response.Headers.TryGetValues("Retry-After", out var v) ? v.FirstOrDefault() : null, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 1);
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600));
    }

    private static ErrorBody ReadError(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return new ErrorBody(
                root.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) ? c : null,
                root.TryGetProperty("message", out var message) ? message.GetString() : null,
                root.TryGetProperty("retry_after", out var after) && after.TryGetDouble(out var a) ? a : null,
                root.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            return new ErrorBody(null, text.Length > 200 ? text[..200] : text, null, false);
        }
    }

    private sealed record ErrorBody(int? Code, string? Message, double? RetryAfter, bool Global);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limited on {Route}; retrying in {DelayMs:F0} ms (global: {Global})")]
    private static partial void LogRateLimited(ILogger logger, string route, double delayMs, bool global);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord answered {Status} on {Route} (attempt {Attempt}); retrying")]
    private static partial void LogServerRetry(ILogger logger, string route, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} failed to send ({Error}, attempt {Attempt}); retrying")]
    private static partial void LogTransportRetry(ILogger logger, string route, int attempt, string error);
}

/// <summary>The answer of GET /gateway/bot.</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

/// <summary>How many more sessions may be started, and how fast.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
