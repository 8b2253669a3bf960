using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>The Sharding Formula of gateway.md: <c>shard_id = (guild_id &gt;&gt; 22) % num_shards</c>; events without a guild go to shard 0.</summary>
internal static class ShardRouting
{
    /// <summary>The shard that receives events of <paramref name="guildId"/> among <paramref name="shardCount"/> shards.</summary>
    public static int ShardFor(ulong? guildId, int shardCount) =>
        guildId is { } id && shardCount > 1 ? (int)((id >> 22) % (ulong)shardCount) : 0;

    /// <summary>The <c>guild_id</c> of an event's data, when it is a snowflake string (or number).</summary>
    public static ulong? GuildIdOf(JsonNode? data)
    {
        if (data is not JsonObject obj || obj["guild_id"] is not JsonValue value)
        {
            return null;
        }

        var element = Json.ToElement(value);
        return element.ValueKind switch
        {
            JsonValueKind.String when ulong.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
            JsonValueKind.Number when element.TryGetUInt64(out var id) => id,
            _ => null,
        };
    }

    /// <summary>The <c>[shard_id, num_shards]</c> of an Identify already checked by CheckShard; [0, 1] when absent.</summary>
    public static (int Id, int Count) OfIdentify(JsonElement d)
    {
        if (!Json.HasValue(d, "shard", out var shard) || shard.ValueKind != JsonValueKind.Array)
        {
            return (0, 1);
        }

        var parts = shard.EnumerateArray().Select(Json.AsInteger).ToArray();
        return parts is [{ } id, { } count] ? (Clamp(id), Clamp(count)) : (0, 1);
    }

    private static int Clamp(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
