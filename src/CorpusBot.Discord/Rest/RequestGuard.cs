using Microsoft.Extensions.Logging;

namespace CorpusBot.Discord.Rest;

/// <summary>
/// Decides whether a request may be sent at all, so the client never earns a Cloudflare ban
/// (<see href="https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans"/>):
/// after a 401 on a bot-authenticated route the token is known bad and no bot request is sent again; from
/// <c>softLimit</c> invalid requests in 10 minutes only interaction responses go out (they cannot wait),
/// from <c>hardLimit</c> only initial callbacks (whose 3 seconds cannot wait either).
/// </summary>
internal sealed partial class RequestGuard(TimeProvider time, ILogger logger, int softLimit = RequestGuard.SoftLimit, int hardLimit = RequestGuard.HardLimit)
{
    /// <summary>Half of Discord's 10,000: plenty of room for what still has to go out.</summary>
    public const int SoftLimit = 5000;

    /// <summary>Still 2,000 short of Discord's limit.</summary>
    public const int HardLimit = 8000;

    private readonly InvalidRequestWindow _invalid = new(time);
    private int _tokenRefused;
    private int _backingOff;

    /// <summary>Invalid requests counted in the last 10 minutes.</summary>
    public int InvalidRequests => _invalid.Count();

    /// <summary>Throws (without sending anything) when the request must not go out.</summary>
    public void Check(RestRoute route)
    {
        if (route.UsesBotToken && Volatile.Read(ref _tokenRefused) == 1)
        {
            throw new DiscordHttpException(401, null, route.Template, "not sent: Discord refused the bot token earlier (401)");
        }

        var count = _invalid.Count();
        var backOff = count >= softLimit;
        if (backOff != (Interlocked.Exchange(ref _backingOff, backOff ? 1 : 0) == 1))
        {
            if (backOff)
            {
                LogBackingOff(logger, count);
            }
            else
            {
                LogBackOffOver(logger, count);
            }
        }

        if ((count >= hardLimit && !route.IsCallback) || (backOff && !route.IsInteractionRoute))
        {
            throw new DiscordHttpException(0, null, route.Template, $"not sent: {count} invalid requests in the last 10 minutes; backing off");
        }
    }

    /// <summary>Counts an invalid answer; a 401 to the bot token stops every later bot request.</summary>
    /// <param name="route">The route that was answered.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="sharedScope">True for a 429 with <c>X-RateLimit-Scope: shared</c>, which Discord does not count.</param>
    public void Observe(RestRoute route, int status, bool sharedScope)
    {
        if (status is 401 or 403 || (status == 429 && !sharedScope))
        {
            _invalid.Record();
        }

        if (status == 401 && route.UsesBotToken && Interlocked.Exchange(ref _tokenRefused, 1) == 0)
        {
            LogTokenRefused(logger, route.Template);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord refused the bot token (401 on {Route}); no more bot-authenticated requests will be sent. Check Discord:Token")]
    private static partial void LogTokenRefused(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} invalid requests (401/403/429) in the last 10 minutes; backing off: only interaction responses are sent")]
    private static partial void LogBackingOff(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invalid requests are down to {Count} in the last 10 minutes; no longer backing off")]
    private static partial void LogBackOffOver(ILogger logger, int count);
}
