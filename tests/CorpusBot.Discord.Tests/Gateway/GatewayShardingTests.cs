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
        var articles = 3574;
        await using var bot = await BotHarness.StartAsync(presence: () => new GatewayPresence(PresenceStatus.Online, ActivityType.Watching, $"{articles:N0} articles"));

        var identify = Assert.Single((await bot.Discord.WaitForReadyAsync(Wait)).Identifies);

        var presence = identify.GetProperty("presence");
        Assert.Equal("online", presence.GetProperty("status").GetString());
        var activity = Assert.Single(presence.GetProperty("activities").EnumerateArray());
        Assert.Equal(3, activity.GetProperty("type").GetInt32());
        Assert.Equal("3,574 articles", activity.GetProperty("name").GetString());
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task A_new_presence_is_sent_on_every_ready_shard_as_update_presence()
    {
        await using var bot = await BotHarness.StartAsync(configure: o => o.ShardCount = "2");
        await ReadyShardsAsync(bot, 2);
        await bot.Discord.WaitForFinalMessageAsync(bot.Discord.DispatchInteraction(OnShardOne()), Wait);
        await bot.Discord.WaitForFinalMessageAsync(bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("ask", ("question", "zero?"))), Wait);

        var updated = await bot.Gateway.UpdatePresenceAsync(new GatewayPresence(PresenceStatus.Idle, ActivityType.Watching, "3,575 articles"));
        await Task.Delay(300);

        Assert.Equal(2, updated);
        var updates = bot.Discord.Connections.SelectMany(c => c.Received).Where(p => p.GetProperty("op").GetInt32() == 3).ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal("idle", u.GetProperty("d").GetProperty("status").GetString()));
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

    [Fact]
    public async Task Interactions_routed_to_either_shard_are_answered()
    {
        await using var bot = await BotHarness.StartAsync(configure: o => o.ShardCount = "2");
        await ReadyShardsAsync(bot, 2);
        var onShardOne = OnShardOne();
        var inDirectMessages = FakeDiscordServer.From(FakeDiscordServer.SlashCommand("ask", ("question", "zero?")), FakeInteractionPlace.BotDm);

        var ids = new[] { bot.Discord.DispatchInteraction(onShardOne), bot.Discord.DispatchInteraction(inDirectMessages) };

        foreach (var id in ids)
        {
            await bot.Discord.WaitForFinalMessageAsync(id, Wait);
        }

        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task A_dropped_shard_resumes_its_own_session_and_the_other_shard_stays_connected()
    {
        await using var bot = await BotHarness.StartAsync(configure: o => o.ShardCount = "2");
        await ReadyShardsAsync(bot, 2);
        await bot.Discord.WaitForFinalMessageAsync(bot.Discord.DispatchInteraction(OnShardOne()), Wait); // shard 1 has read its READY
        var before = bot.Discord.Connections;

        await bot.Discord.AbortShardConnectionAsync(1);
        var resumed = await bot.Discord.WaitForResumedAsync(Wait);

        Assert.Equal(1, resumed.ShardId);
        Assert.Equal(before.Single(c => c.ShardId == 1).SessionId, resumed.SessionId);
        Assert.True(bot.Discord.Connections.Single(c => c.Index == before.Single(b => b.ShardId == 0).Index).IsOpen);
        Assert.Equal(3, bot.Discord.Connections.Count);
        Assert.Empty(bot.Discord.Violations);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    public async Task Identifies_are_paced_one_per_rate_limit_key_per_window(int maxConcurrency, int shards)
    {
        var fake = new FakeDiscordOptions { MaxConcurrency = maxConcurrency, IdentifyConcurrencyWindow = BotHarness.Fast.IdentifyWindow };
        await using var bot = await BotHarness.StartAsync(fake, configure: o => o.ShardCount = shards.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var ready = await ReadyShardsAsync(bot, shards);

        Assert.Equal(shards, ready.Length);
        Assert.Equal(shards, bot.Discord.Connections.Count);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task With_auto_a_sharding_required_close_rereads_the_count_and_restarts_every_shard()
    {
        await using var bot = await BotHarness.StartAsync();
        await ReadyShardsAsync(bot, 1);

        bot.Discord.RequiredShards = 2;
        await bot.Discord.CloseCurrentConnectionAsync(4011, "Sharding required");
        var shards = await ReadyShardsAsync(bot, 2);

        Assert.Equal([(0, 2), (1, 2)], shards);
        Assert.Equal([(0, 2), (1, 2)], bot.Gateway.Shards);
        Assert.False(bot.Run.IsCompleted);
    }

    [Fact]
    public async Task With_a_fixed_count_sharding_required_stops_with_what_to_set()
    {
        await using var bot = await BotHarness.StartAsync(configure: o => o.ShardCount = "1");
        await ReadyShardsAsync(bot, 1);

        await bot.Discord.CloseCurrentConnectionAsync(4011, "Sharding required");

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => bot.Run.WaitAsync(Wait));
        Assert.Equal(4011, error.CloseCode);
        Assert.Contains("Discord:ShardCount", error.Message, StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonObject OnShardOne()
    {
        var interaction = FakeDiscordServer.SlashCommand("ask", ("question", "one?"));
        interaction["guild_id"] = "200000000004194305"; // (id >> 22) % 2 == 1
        return interaction;
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
