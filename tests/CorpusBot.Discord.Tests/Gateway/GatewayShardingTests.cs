using System.Text.Json;
using CorpusBot.Discord.Gateway;
using CorpusBot.Discord.Tests.Support;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.Gateway;

/// <summary>Sharding against the fake: one connection and session per shard, identifies paced by rate-limit key.</summary>
public class GatewayShardingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Each_shard_identifies_on_its_own_connection_with_its_id_and_the_total()
    {
        await using var bot = await BotHarness.StartAsync(configure: o => o.ShardCount = "2");

        var shards = await ReadyShardsAsync(bot, 2);

        Assert.Equal([(0, 2), (1, 2)], shards);
        Assert.Equal(2, bot.Discord.Connections.Count);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task A_process_runs_only_the_shards_named_in_shard_ids()
    {
        await using var bot = await BotHarness.StartAsync(configure: o => (o.ShardCount, o.ShardIds) = ("4", "2-3"));

        var shards = await ReadyShardsAsync(bot, 2);
        await Task.Delay(300);

        Assert.Equal([(2, 4), (3, 4)], shards);
        Assert.Equal(2, bot.Discord.Connections.Count);
    }

    [Fact]
    public async Task Auto_takes_the_count_that_discord_recommends()
    {
        await using var bot = await BotHarness.StartAsync();

        var shards = await ReadyShardsAsync(bot, 1);

        Assert.Equal([(0, 1)], shards);
    }

    [Fact]
    public async Task Identify_carries_the_presence_read_when_it_is_sent()
    {
        await using var bot = await BotHarness.StartAsync();
        var articles = 3574;
        bot.Gateway.Presence = () => new GatewayPresence(PresenceStatus.Online, ActivityType.Watching, $"{articles:N0} articles");

        var identify = Assert.Single((await bot.Discord.WaitForReadyAsync(Wait)).Identifies);

        var presence = identify.GetProperty("presence");
        Assert.Equal("online", presence.GetProperty("status").GetString());
        var activity = Assert.Single(presence.GetProperty("activities").EnumerateArray());
        Assert.Equal(3, activity.GetProperty("type").GetInt32());
        Assert.Equal("3,574 articles", activity.GetProperty("name").GetString());
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task Invalid_shard_settings_stop_the_gateway_with_what_to_set()
    {
        await using var bot = await BotHarness.StartAsync(configure: o => (o.ShardCount, o.ShardIds) = ("auto", "0-1"));

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => bot.Run.WaitAsync(Wait));

        Assert.Contains("Discord:ShardCount", error.Message, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.Connections);
    }

    private static async Task<(int Id, int Count)[]> ReadyShardsAsync(BotHarness bot, int count)
    {
        var shards = new List<(int, int)>();
        for (var i = 0; i < count; i++)
        {
            var identify = Assert.Single((await bot.Discord.WaitForReadyAsync(Wait)).Identifies);
            var shard = identify.GetProperty("shard");
            shards.Add((shard[0].GetInt32(), shard[1].GetInt32()));
        }

        return [.. shards.Order()];
    }
}
