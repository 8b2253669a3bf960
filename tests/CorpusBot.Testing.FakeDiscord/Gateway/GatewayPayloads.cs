using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Builds the gateway payloads the fake sends (gateway events: payload structure, Hello, Ready, Reconnect, Invalid Session).</summary>
internal static class GatewayPayloads
{
    public const string HeartbeatAck = """{"op":11,"d":null,"s":null,"t":null}""";
    public const string HeartbeatRequest = """{"op":1,"d":null,"s":null,"t":null}""";
    public const string Reconnect = """{"op":7,"d":null,"s":null,"t":null}""";

    public static string Hello(int heartbeatIntervalMs) =>
        new JsonObject
        {
            ["op"] = 10,
            ["d"] = new JsonObject { ["heartbeat_interval"] = heartbeatIntervalMs },
            ["s"] = null,
            ["t"] = null,
        }.ToJsonString(Json.Compact);

    public static string InvalidSession(bool resumable) =>
        $$"""{"op":9,"d":{{(resumable ? "true" : "false")}},"s":null,"t":null}""";

    public static string Dispatch(string eventName, long seq, JsonNode? data) =>
        new JsonObject
        {
            ["op"] = 0,
            ["d"] = data,
            ["s"] = seq,
            ["t"] = eventName,
        }.ToJsonString(Json.Compact);

    public static JsonObject Ready(FakeDiscordOptions options, string sessionId, string resumeGatewayUrl, JsonNode? shard)
    {
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject
            {
                ["id"] = options.BotUserId,
                ["username"] = options.BotUsername,
                ["discriminator"] = "0",
                ["global_name"] = null,
                ["avatar"] = null,
                ["bot"] = true,
                ["verified"] = true,
                ["flags"] = 0,
            },
            ["guilds"] = new JsonArray(),
            ["session_id"] = sessionId,
            ["resume_gateway_url"] = resumeGatewayUrl,
            ["application"] = new JsonObject { ["id"] = options.ApplicationId, ["flags"] = 0 },
        };
        if (shard is not null)
        {
            ready["shard"] = shard;
        }

        return ready;
    }
}
