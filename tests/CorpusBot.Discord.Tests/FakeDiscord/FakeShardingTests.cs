using System.Text.Json.Nodes;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.FakeDiscord;

/// <summary>Self-tests of the fake's sharding rules (gateway.md "Sharding", "Max Concurrency"), driven by a raw WebSocket client.</summary>
public class FakeShardingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A guild id (a realistic snowflake) for which (guild_id &gt;&gt; 22) % 2 == 1.</summary>
    private static readonly string GuildOfShard1 = (ulong.Parse(FakeDiscordServer.TestGuildId) + (1UL << 22)).ToString();

    [Fact]
    public void The_guild_used_for_shard_1_routes_to_shard_1_and_the_test_guild_to_shard_0()
    {
        Assert.Equal(1UL, (ulong.Parse(GuildOfShard1) >> 22) % 2);
        Assert.Equal(0UL, (ulong.Parse(FakeDiscordServer.TestGuildId) >> 22) % 2);
    }

    [Fact]
    public async Task An_event_for_a_guild_goes_only_to_the_shard_the_formula_names()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MaxConcurrency = 2 });
        await using var shard0 = await RawGatewayClient.IdentifiedAsync(discord, [0, 2], Timeout);
        await using var shard1 = await RawGatewayClient.IdentifiedAsync(discord, [1, 2], Timeout);

        var guild = FakeDiscordServer.SlashCommand("search", ("query", "hello"));
        guild["guild_id"] = GuildOfShard1;
        var guildId = discord.DispatchInteraction(guild);
        var dmId = discord.DispatchInteraction(FakeDiscordServer.From(FakeDiscordServer.SlashCommand("search", ("query", "dm")), FakeInteractionPlace.BotDm));

        await shard1.WaitForDispatchAsync("INTERACTION_CREATE", Timeout);
        await shard0.WaitForDispatchAsync("INTERACTION_CREATE", Timeout);
        Assert.True(shard1.SawDispatchWithId(guildId));
        Assert.False(shard1.SawDispatchWithId(dmId));
        Assert.True(shard0.SawDispatchWithId(dmId));
        Assert.False(shard0.SawDispatchWithId(guildId));
        Assert.Empty(discord.Violations);
    }

    [Fact]
    public async Task Each_connection_record_names_the_shard_of_its_session()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MaxConcurrency = 2 });
        await using var shard0 = await RawGatewayClient.IdentifiedAsync(discord, [0, 2], Timeout);
        await using var shard1 = await RawGatewayClient.IdentifiedAsync(discord, [1, 2], Timeout);

        var records = discord.Connections;
        Assert.Equal([(0, 2), (1, 2)], records.Select(r => (r.ShardId ?? -1, r.ShardCount ?? -1)).ToArray());
        Assert.Equal(2, discord.LiveSessionCount);
    }

    [Fact]
    public async Task An_unsharded_identify_is_recorded_as_shard_0_of_1()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var client = await RawGatewayClient.IdentifiedAsync(discord, null, Timeout);

        var record = Assert.Single(discord.Connections);
        Assert.Equal(0, record.ShardId);
        Assert.Equal(1, record.ShardCount);
    }

    [Fact]
    public async Task An_event_for_a_shard_that_is_not_live_is_held_until_that_shard_is_ready()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MaxConcurrency = 2 });
        await using var shard0 = await RawGatewayClient.IdentifiedAsync(discord, [0, 2], Timeout);
        var guild = FakeDiscordServer.SlashCommand("search", ("query", "held"));
        guild["guild_id"] = GuildOfShard1;
        var id = discord.DispatchInteraction(guild);

        await using var shard1 = await RawGatewayClient.IdentifiedAsync(discord, [1, 2], Timeout);
        await shard1.WaitForDispatchAsync("INTERACTION_CREATE", Timeout);

        Assert.True(shard1.SawDispatchWithId(id));
        Assert.False(shard0.SawDispatchWithId(id));
    }

    [Fact]
    public async Task Two_identifies_on_the_same_rate_limit_key_within_the_window_are_a_violation()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MaxConcurrency = 2 });
        await using var first = await RawGatewayClient.IdentifiedAsync(discord, [0, 4], Timeout);
        await using var second = await RawGatewayClient.ConnectAsync(discord);

        await second.IdentifyAsync(discord.Options.Token, [2, 4]);
        await second.WaitForOpAsync(9, Timeout);

        var violation = Assert.Single(discord.Violations);
        Assert.Contains("rate_limit_key 0", violation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identifies_on_different_rate_limit_keys_within_the_window_are_fine()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MaxConcurrency = 2 });
        await using var first = await RawGatewayClient.IdentifiedAsync(discord, [0, 4], Timeout);
        await using var second = await RawGatewayClient.IdentifiedAsync(discord, [1, 4], Timeout);

        Assert.Empty(discord.Violations);
    }

    [Fact]
    public async Task An_identify_with_fewer_shards_than_required_is_closed_with_4011_and_no_violation()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.RequiredShards = 2;
        await using var client = await RawGatewayClient.ConnectAsync(discord);

        await client.IdentifyAsync(discord.Options.Token, [0, 1]);

        Assert.Equal(4011, await client.WaitForCloseAsync(Timeout));
        Assert.Empty(discord.Violations);
    }

    [Fact]
    public async Task Required_shards_raise_the_recommended_shard_count()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.RequiredShards = 3;

        Assert.Equal(3, await RecommendedShardsAsync(discord));
    }

    [Fact]
    public async Task The_recommended_shard_count_comes_from_the_options()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RecommendedShards = 4 });

        Assert.Equal(4, await RecommendedShardsAsync(discord));
    }

    [Fact]
    public async Task Closing_a_shards_connection_leaves_the_other_shard_connected()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MaxConcurrency = 2 });
        await using var shard0 = await RawGatewayClient.IdentifiedAsync(discord, [0, 2], Timeout);
        await using var shard1 = await RawGatewayClient.IdentifiedAsync(discord, [1, 2], Timeout);

        await discord.CloseShardConnectionAsync(0, 4000, "test");

        Assert.Equal(4000, await shard0.WaitForCloseAsync(Timeout));
        Assert.Null(shard1.CloseStatus);
        Assert.Equal(1, discord.LiveSessionCount);
    }

    [Fact]
    public async Task Aborting_a_shards_connection_drops_only_that_shard()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MaxConcurrency = 2 });
        await using var shard0 = await RawGatewayClient.IdentifiedAsync(discord, [0, 2], Timeout);
        await using var shard1 = await RawGatewayClient.IdentifiedAsync(discord, [1, 2], Timeout);

        await discord.AbortShardConnectionAsync(1);

        Assert.Equal(1, discord.LiveSessionCount);
        var aborted = Assert.Single(discord.Connections, c => c.Aborted);
        Assert.Equal(1, aborted.ShardId);
    }

    [Fact]
    public async Task A_resumed_session_keeps_its_shard_and_gets_the_events_sent_while_it_was_away()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MaxConcurrency = 2 });
        await using var shard0 = await RawGatewayClient.IdentifiedAsync(discord, [0, 2], Timeout);
        await using (await RawGatewayClient.IdentifiedAsync(discord, [1, 2], Timeout))
        {
            await discord.AbortShardConnectionAsync(1);
        }

        var sessionId = discord.Connections[1].SessionId!;
        var guild = FakeDiscordServer.SlashCommand("search", ("query", "away"));
        guild["guild_id"] = GuildOfShard1;
        var id = discord.DispatchInteraction(guild);
        await using var resumed = await RawGatewayClient.ConnectAsync(discord, discord.ResumeGatewayUrl);
        await resumed.ResumeAsync(discord.Options.Token, sessionId, 1);
        await resumed.WaitForDispatchAsync("RESUMED", Timeout);

        Assert.True(resumed.SawDispatchWithId(id));
        Assert.False(shard0.SawDispatchWithId(id));
        var record = discord.Connections[^1];
        Assert.Equal((1, 2), (record.ShardId, record.ShardCount));
        Assert.Empty(discord.Violations);
    }

    private static async Task<int> RecommendedShardsAsync(FakeDiscordServer discord)
    {
        using var http = new HttpClient { Timeout = Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, discord.ApiBaseUrl + "/gateway/bot");
        request.Headers.Add("Authorization", "Bot " + discord.Options.Token);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["shards"]!.GetValue<int>();
    }
}
