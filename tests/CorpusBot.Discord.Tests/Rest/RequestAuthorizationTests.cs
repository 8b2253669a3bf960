using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Rest;
using CorpusBot.Discord.Tests.Support;
using CorpusBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Discord.Tests.Rest;

public class RequestAuthorizationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Interaction_callbacks_and_interaction_webhooks_carry_no_authorization_header()
    {
        await using var bot = await BotHarness.StartAsync(deferAfterMs: 100);
        await bot.Discord.WaitForReadyAsync(Timeout);
        bot.Handler.Delay = TimeSpan.FromMilliseconds(500);
        bot.Handler.Reply = i => InteractionReply.NewMessage(new MessagePayload("answer", Flags: i.Data?.Name == "private" ? MessagePayload.Ephemeral : null));

        var edited = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("public"));
        var followedUp = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("private"));
        await bot.Discord.WaitForFinalMessageAsync(edited, Timeout);
        var record = await bot.Discord.WaitForFinalMessageAsync(followedUp, Timeout);

        Assert.NotEmpty(record.Deletes);
        var tokenRoutes = bot.Discord.Requests.Where(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal) || r.Path.StartsWith("/webhooks/", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, tokenRoutes.Count); // two callbacks, an edit, a delete and a followup
        Assert.All(tokenRoutes, r => Assert.False(r.Headers.ContainsKey("Authorization"), $"{r.Method} {r.Path} carried an Authorization header"));
        Assert.Contains(bot.Discord.Requests, r => r.Path == "/gateway/bot" && r.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task After_Discord_refuses_the_token_no_further_bot_authenticated_request_is_sent()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        using var rest = new DiscordRestClient(new DiscordOptions { Token = "not-the-token", ApiBaseUrl = discord.ApiBaseUrl }, NullLogger<DiscordRestClient>.Instance);

        var first = await Assert.ThrowsAsync<DiscordHttpException>(() => rest.GetGatewayBotAsync(CancellationToken.None));
        var second = await Assert.ThrowsAsync<DiscordHttpException>(() => rest.GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal(401, first.Status);
        Assert.Equal(401, second.Status);
        Assert.Single(discord.Requests, r => r.Path == "/gateway/bot");
    }

    [Fact]
    public async Task Past_the_invalid_request_threshold_requests_other_than_interaction_responses_are_not_sent()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var options = new DiscordOptions { Token = discord.Options.Token, ApiBaseUrl = discord.ApiBaseUrl };
        using var rest = new DiscordRestClient(options, NullLogger<DiscordRestClient>.Instance, null, null, invalidSoftLimit: 3, invalidHardLimit: 100);
        discord.FailNext("GET", "^/gateway/bot$", 403, count: 3);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(403, (await Assert.ThrowsAsync<DiscordHttpException>(() => rest.GetGatewayBotAsync(CancellationToken.None))).Status);
        }

        var refused = await Assert.ThrowsAsync<DiscordHttpException>(() => rest.GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal(0, refused.Status);
        Assert.Equal(3, rest.InvalidRequests);
        Assert.Equal(3, discord.Requests.Count(r => r.Path == "/gateway/bot"));
    }
}
