using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Get and bulk-overwrite of global and guild application commands.</summary>
internal sealed class CommandEndpoints
{
    private const string GlobalScope = "global";
    private readonly FakeDiscordOptions _options;
    private readonly CommandRegistry _registry;
    private readonly ViolationLog _violations;

    public CommandEndpoints(FakeDiscordOptions options, CommandRegistry registry, ViolationLog violations)
    {
        _options = options;
        _registry = registry;
        _violations = violations;
    }

    public RestResult GetGlobal(RestExchange x, Match m) => Get(x, m, GlobalScope);

    public RestResult GetGuild(RestExchange x, Match m) => Get(x, m, m.Groups["guild"].Value);

    public RestResult PutGlobal(RestExchange x, Match m) => Put(x, m, GlobalScope);

    public RestResult PutGuild(RestExchange x, Match m) => Put(x, m, m.Groups["guild"].Value);

    private RestResult Get(RestExchange x, Match m, string scope)
    {
        if (CheckApplication(x, m) is { } wrong)
        {
            return wrong;
        }

        return RestResult.Ok(Json.ToNode(_registry.Echo(scope) ?? Json.Parse("[]"))!);
    }

    private RestResult Put(RestExchange x, Match m, string scope)
    {
        if (CheckApplication(x, m) is { } wrong)
        {
            return wrong;
        }

        if (!x.TryParseBody(out var body))
        {
            _violations.Add("commands", $"{x.Line}: the body is not valid JSON.");
            return RestResult.InvalidJson();
        }

        var errors = new FormErrors();
        CommandValidator.ValidateList(body, scope == GlobalScope, errors);
        foreach (var problem in errors.Problems)
        {
            _violations.Add("commands", $"{x.Line}: {(problem.Path.Length == 0 ? "body" : problem.Path)}: {problem.Message}");
        }

        if (errors.Rejects)
        {
            return RestResult.InvalidForm(errors);
        }

        var echo = new JsonArray();
        foreach (var command in body.EnumerateArray())
        {
            echo.Add(Echo(command, scope));
        }

        var echoElement = Json.ToElement(echo);
        _registry.Store(scope, body.EnumerateArray().ToArray(), echoElement);
        return RestResult.Ok(echo);
    }

    private JsonObject Echo(JsonElement command, string scope)
    {
        var node = (JsonObject)Json.ToNode(command)!;
        var type = Json.Integer(command, "type") ?? 1;
        var name = Json.String(command, "name") ?? "";
        node["id"] = _registry.IdFor(scope, type, name);
        node["type"] = type;
        node["application_id"] = _options.ApplicationId;
        node["version"] = Snowflakes.Next();
        node["description"] ??= "";
        node["default_member_permissions"] ??= null;
        node["nsfw"] ??= false;
        if (scope != GlobalScope)
        {
            node["guild_id"] = scope;
        }

        return node;
    }

    private RestResult? CheckApplication(RestExchange x, Match m)
    {
        var app = m.Groups["app"].Value;
        if (app == _options.ApplicationId)
        {
            return null;
        }

        var hint = app == _options.BotUserId ? " (that is the bot user id)" : "";
        _violations.Add("commands", $"{x.Line}: application id {app} is not this application's id {_options.ApplicationId}{hint}.");
        return RestResult.Error(404, 10002, "Unknown Application");
    }
}
