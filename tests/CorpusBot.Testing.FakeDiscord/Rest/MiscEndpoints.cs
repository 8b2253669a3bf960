using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Gateway discovery and "who am I" routes.</summary>
internal sealed class MiscEndpoints
{
    private readonly FakeDiscordOptions _options;
    private readonly GatewayHub _hub;
    private readonly Func<string> _gatewayUrl;
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    public MiscEndpoints(FakeDiscordOptions options, GatewayHub hub, Func<string> gatewayUrl)
    {
        _options = options;
        _hub = hub;
        _gatewayUrl = gatewayUrl;
    }

    public RestResult Gateway(RestExchange x, Match m) => RestResult.Ok(new JsonObject { ["url"] = _gatewayUrl() });

    public RestResult GatewayBot(RestExchange x, Match m)
    {
        var resetAfter = Math.Max(0, (long)(TimeSpan.FromDays(1) - (DateTimeOffset.UtcNow - _startedAt)).TotalMilliseconds);
        return RestResult.Ok(new JsonObject
        {
            ["url"] = _gatewayUrl(),
            ["shards"] = Math.Max(_options.RecommendedShards, _hub.RequiredShards),
            ["session_start_limit"] = new JsonObject
            {
                ["total"] = 1000,
                ["remaining"] = Math.Max(0, _hub.RemainingSessionStarts),
                ["reset_after"] = resetAfter,
                ["max_concurrency"] = _options.MaxConcurrency,
            },
        });
    }

    public RestResult CurrentUser(RestExchange x, Match m) => RestResult.Ok(BotUser());

    public RestResult CurrentApplication(RestExchange x, Match m) => RestResult.Ok(new JsonObject
    {
        ["id"] = _options.ApplicationId,
        ["name"] = _options.BotUsername,
        ["icon"] = null,
        ["description"] = "",
        ["bot_public"] = false,
        ["bot_require_code_grant"] = false,
        ["flags"] = 0,
        ["bot"] = BotUser(),
        ["owner"] = new JsonObject { ["id"] = _options.OwnerId, ["username"] = "owner", ["discriminator"] = "0", ["avatar"] = null, ["flags"] = 0 },
        ["team"] = null,
    });

    private JsonObject BotUser() => new()
    {
        ["id"] = _options.BotUserId,
        ["username"] = _options.BotUsername,
        ["discriminator"] = "0",
        ["global_name"] = null,
        ["avatar"] = null,
        ["bot"] = true,
        ["flags"] = 0,
    };
}
