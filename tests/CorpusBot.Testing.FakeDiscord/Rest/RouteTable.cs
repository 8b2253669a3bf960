using System.Text.RegularExpressions;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>The routes the fake implements, matched against the path after <c>/api/v10</c>.</summary>
internal sealed class RouteTable
{
    private const int InteractionWebhookLimit = 50;
    private const int CallbackLimit = 10000;
    private readonly Route[] _routes;

    public RouteTable(MiscEndpoints misc, CommandEndpoints commands, CallbackEndpoint callback, WebhookEndpoints webhooks)
    {
        string[] none = [];
        string[] webhook = ["app", "token"];
        string[] guild = ["guild"];
        _routes =
        [
            new("GET", "/gateway", AuthMode.None, false, null, none, misc.Gateway),
            new("GET", "/gateway/bot", AuthMode.Required, false, null, none, misc.GatewayBot),
            new("GET", "/users/@me", AuthMode.Required, false, null, none, misc.CurrentUser),
            new("GET", "/applications/@me", AuthMode.Required, false, null, none, misc.CurrentApplication),
            new("GET", "/oauth2/applications/@me", AuthMode.Required, false, null, none, misc.CurrentApplication),
            new("GET", "/applications/{app}/commands", AuthMode.Required, false, null, none, commands.GetGlobal),
            new("PUT", "/applications/{app}/commands", AuthMode.Required, false, null, none, commands.PutGlobal),
            new("GET", "/applications/{app}/guilds/{guild}/commands", AuthMode.Required, false, null, guild, commands.GetGuild),
            new("PUT", "/applications/{app}/guilds/{guild}/commands", AuthMode.Required, false, null, guild, commands.PutGuild),
            new("POST", "/interactions/{id}/{token}/callback", AuthMode.Optional, true, CallbackLimit, none, callback.Handle),
            new("GET", "/webhooks/{app}/{token}/messages/@original", AuthMode.Optional, true, InteractionWebhookLimit, webhook, webhooks.GetOriginal),
            new("PATCH", "/webhooks/{app}/{token}/messages/@original", AuthMode.Optional, true, InteractionWebhookLimit, webhook, webhooks.EditOriginal),
            new("DELETE", "/webhooks/{app}/{token}/messages/@original", AuthMode.Optional, true, InteractionWebhookLimit, webhook, webhooks.DeleteOriginal),
            new("POST", "/webhooks/{app}/{token}", AuthMode.Optional, true, InteractionWebhookLimit, webhook, webhooks.CreateFollowup),
            new("GET", "/webhooks/{app}/{token}/messages/{message}", AuthMode.Optional, true, InteractionWebhookLimit, webhook, webhooks.GetMessage),
            new("PATCH", "/webhooks/{app}/{token}/messages/{message}", AuthMode.Optional, true, InteractionWebhookLimit, webhook, webhooks.EditMessage),
            new("DELETE", "/webhooks/{app}/{token}/messages/{message}", AuthMode.Optional, true, InteractionWebhookLimit, webhook, webhooks.DeleteMessage),
        ];
    }

    /// <returns>The matching route, its match, and whether the path exists for some other method.</returns>
    public (Route? Route, Match? Match, bool PathKnown) Find(string method, string path)
    {
        var pathKnown = false;
        foreach (var route in _routes)
        {
            var match = route.Pattern.Match(path);
            if (!match.Success)
            {
                continue;
            }

            if (route.Method == method)
            {
                return (route, match, true);
            }

            pathKnown = true;
        }

        return (null, null, pathKnown);
    }
}
