using System.Text.Json;
using CorpusBot.Discord.Gateway;
using CorpusBot.Discord.Tests.Support;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.Gateway;

public class GatewayClientTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    // READY being sent does not mean the bot has read it: an answered interaction proves it holds the session.
    private static async Task ServingAsync(BotHarness bot)
    {
        await bot.Discord.WaitForReadyAsync(Wait);
        var probe = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("about"));
        await bot.Discord.WaitForFinalMessageAsync(probe, Wait);
    }

    [Fact]
    public async Task It_identifies_at_the_address_from_gateway_bot_without_privileged_intents_and_heartbeats_with_the_sequence()
    {
        await using var bot = await BotHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 1000 });

        await bot.Discord.WaitForReadyAsync(Wait);
        await bot.Discord.WaitForHeartbeatAsync(Wait);
        await bot.Discord.WaitForHeartbeatAsync(Wait);

        var connection = bot.Discord.Connections[0];
        Assert.Equal("/gateway", connection.Path);
        Assert.Contains("v=10", connection.Query);
        Assert.Contains("encoding=json", connection.Query);
        var identify = Assert.Single(connection.Identifies);
        var intents = identify.GetProperty("intents").GetInt64();
        Assert.Equal(0, intents & ((1 << 1) | (1 << 8) | (1 << 15)));
        Assert.Contains(bot.Discord.Requests, r => r.Method == "GET" && r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal));
        Assert.True(connection.FirstHeartbeatAfterHello < TimeSpan.FromMilliseconds(1000 + 250));
        Assert.Contains(bot.Discord.Connections[0].Heartbeats, h => h.Sequence == 1);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task After_close_4000_it_resumes_at_the_resume_address_and_answers_the_interaction_sent_meanwhile()
    {
        await using var bot = await BotHarness.StartAsync();
        await ServingAsync(bot);

        await bot.Discord.CloseCurrentConnectionAsync(4000, "unknown error");
        var missed = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("ask", ("question", "missed?")));
        await bot.Discord.WaitForResumedAsync(Wait);
        var record = await bot.Discord.WaitForFinalMessageAsync(missed, Wait);

        Assert.Equal("/resume-gateway", bot.Discord.Connections[^1].Path);
        Assert.Single(bot.Discord.Connections[^1].Resumes);
        Assert.Empty(bot.Discord.Connections[^1].Identifies);
        Assert.Single(record.Callbacks);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task On_op_7_it_reconnects_and_resumes()
    {
        await using var bot = await BotHarness.StartAsync();
        await ServingAsync(bot);

        await bot.Discord.SendReconnectAsync();
        await bot.Discord.WaitForResumedAsync(Wait);
        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("about"));
        await bot.Discord.WaitForFinalMessageAsync(id, Wait);

        Assert.Equal("/resume-gateway", bot.Discord.Connections[^1].Path);
        Assert.NotEqual(1000, bot.Discord.Connections[0].ClientCloseCode);
        Assert.NotEqual(1001, bot.Discord.Connections[0].ClientCloseCode);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task A_zombie_connection_without_heartbeat_acks_is_dropped_and_resumed()
    {
        await using var bot = await BotHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 300 });
        await ServingAsync(bot);

        bot.Discord.AckHeartbeats = false;
        await bot.Discord.WaitForConnectionCountAsync(2, Wait);
        bot.Discord.AckHeartbeats = true;
        await bot.Discord.WaitForResumedAsync(Wait);

        Assert.NotEqual(1000, bot.Discord.Connections[0].ClientCloseCode);
        Assert.Equal("/resume-gateway", bot.Discord.Connections[1].Path);
    }

    [Fact]
    public async Task Invalid_session_resumable_resumes_and_not_resumable_identifies_afresh()
    {
        await using var bot = await BotHarness.StartAsync();
        await ServingAsync(bot);

        await bot.Discord.SendInvalidSessionAsync(resumable: true);
        await bot.Discord.WaitForResumedAsync(Wait);
        Assert.Equal("/resume-gateway", bot.Discord.Connections[^1].Path);

        await bot.Discord.SendInvalidSessionAsync(resumable: false);
        await bot.Discord.WaitForReadyAsync(Wait);
        var last = bot.Discord.Connections[^1];
        Assert.Equal("/gateway", last.Path);
        Assert.Single(last.Identifies);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task An_abrupt_tcp_drop_is_resumed_and_no_interaction_is_lost()
    {
        await using var bot = await BotHarness.StartAsync();
        await ServingAsync(bot);

        await bot.Discord.AbortCurrentConnectionAsync();
        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("search", ("query", "x")));
        await bot.Discord.WaitForResumedAsync(Wait);

        await bot.Discord.WaitForFinalMessageAsync(id, Wait);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task A_rejected_resume_falls_back_to_a_new_identify()
    {
        await using var bot = await BotHarness.StartAsync();
        await ServingAsync(bot);

        bot.Discord.RejectResumes = true;
        await bot.Discord.CloseCurrentConnectionAsync(4000);
        await bot.Discord.WaitForReadyAsync(Wait);

        Assert.Contains(bot.Discord.Connections, c => c.Resumes.Count == 1);
        Assert.Equal("/gateway", bot.Discord.Connections[^1].Path);
    }

    [Fact]
    public async Task A_wrong_token_stops_the_client_with_a_clear_message_and_never_shows_the_token()
    {
        await using var bot = await BotHarness.StartAsync(token: "wrong-token-value-123456");

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => bot.Run.WaitAsync(Wait));

        Assert.Contains("Discord__Token", error.Message);
        Assert.DoesNotContain("wrong-token-value", error.Message);
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_in_time_then_completed_by_editing_the_original()
    {
        await using var bot = await BotHarness.StartAsync(deferAfterMs: 300);
        bot.Handler.Delay = TimeSpan.FromMilliseconds(900);
        await bot.Discord.WaitForReadyAsync(Wait);

        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("ask", ("question", "slow?")));
        var record = await bot.Discord.WaitForFinalMessageAsync(id, Wait);

        Assert.Equal(5, Assert.Single(record.Callbacks).Type);
        Assert.True(record.InitialResponseLatency < TimeSpan.FromSeconds(3));
        var edit = Assert.Single(record.Edits);
        Assert.Contains("answer to ask", edit.Body);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task A_429_on_the_edit_is_waited_out_and_the_edit_is_sent_once()
    {
        await using var bot = await BotHarness.StartAsync(deferAfterMs: 200);
        bot.Handler.Delay = TimeSpan.FromMilliseconds(500);
        await bot.Discord.WaitForReadyAsync(Wait);
        bot.Discord.FailNext("PATCH", "/webhooks/.*/messages/@original", 429, count: 1, retryAfterSeconds: 0.3);

        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("ask", ("question", "rate limited?")));
        var record = await bot.Discord.WaitForFinalMessageAsync(id, Wait);

        var patches = bot.Discord.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(2, patches.Count);
        Assert.Equal(429, patches[0].Status);
        Assert.True(patches[1].ReceivedAt - patches[0].ReceivedAt >= TimeSpan.FromMilliseconds(280));
        Assert.Single(record.Edits, e => e.Status is >= 200 and < 300);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task A_5xx_on_the_callback_is_retried_and_the_interaction_answered_once()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);
        bot.Discord.FailNext("POST", "/interactions/.*/callback", 502, count: 1);

        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("ask", ("question", "flaky?")));
        var record = await bot.Discord.WaitForFinalMessageAsync(id, Wait);

        Assert.Single(record.Callbacks);
        Assert.True(record.InitialResponseLatency < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Autocomplete_is_answered_with_choices()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.Autocomplete("article", "title", "ruf"));
        var record = await bot.Discord.WaitForFinalMessageAsync(id, Wait);

        var callback = Assert.Single(record.Callbacks);
        Assert.Equal(8, callback.Type);
        Assert.Equal(JsonValueKind.Array, callback.Data!.Value.GetProperty("choices").ValueKind);
        Assert.Empty(bot.Discord.Violations);
    }
}
