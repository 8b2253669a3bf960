using Microsoft.Net.Http.Headers;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Header checks: User-Agent, Authorization, Content-Type, and the token-leak check.</summary>
internal sealed partial class RestApi
{
    private void CheckUserAgent(RestExchange x)
    {
        if (!x.Headers.TryGetValue("User-Agent", out var agent) || agent.Length == 0)
        {
            Violation($"{x.Line}: no User-Agent header; it must look like \"DiscordBot ($url, $versionNumber)\".");
        }
        else if (!UserAgentPattern().IsMatch(agent))
        {
            Violation($"{x.Line}: User-Agent \"{agent}\" does not follow \"DiscordBot ($url, $versionNumber)\".");
        }
    }

    private void CheckTokenLeak(RestExchange x)
    {
        var token = _options.Token;
        var query = Uri.UnescapeDataString(x.Query);
        if (x.Body.Contains(token, StringComparison.Ordinal) || query.Contains(token, StringComparison.Ordinal) || x.FullPath.Contains(token, StringComparison.Ordinal))
        {
            Violation($"{x.Line}: the bot token appears in the request body, path or query string.");
        }
    }

    private RestResult? Authenticate(RestExchange x, Route route)
    {
        if (route.Auth == AuthMode.None)
        {
            return null;
        }

        var present = x.Headers.TryGetValue("Authorization", out var value);
        if (present && value == "Bot " + _options.Token)
        {
            return null;
        }

        if (!present && route.Auth == AuthMode.Optional)
        {
            return null;
        }

        var problem = !present
            ? "no Authorization header"
            : value == _options.Token
                ? "Authorization header lacks the \"Bot \" prefix"
                : "Authorization header is not \"Bot {token}\" with the configured token";
        Violation($"{x.Line}: {problem}; answered 401.");
        return RestResult.Error(401, 0, "401: Unauthorized");
    }

    private RestResult? CheckContentType(RestExchange x)
    {
        if (x.Body.Length == 0)
        {
            return null;
        }

        var header = x.Headers.GetValueOrDefault("Content-Type");
        if (header is not null && MediaTypeHeaderValue.TryParse(header, out var mediaType)
            && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Violation($"{x.Line}: a request with a body must have Content-Type: application/json (got {header ?? "none"}).");
        return RestResult.Error(400, 50035, "Invalid Form Body", new System.Text.Json.Nodes.JsonObject
        {
            ["_errors"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["code"] = "CONTENT_TYPE_INVALID",
                ["message"] = "Expected Content-Type application/json.",
            }),
        });
    }
}
