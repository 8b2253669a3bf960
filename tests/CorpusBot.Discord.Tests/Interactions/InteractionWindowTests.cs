using CorpusBot.Discord.Tests.Support;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.Interactions;

public class InteractionWindowTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_interaction_created_2_4_seconds_before_delivery_gets_its_first_callback_within_0_6_seconds()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(Timeout);
        bot.Handler.Delay = TimeSpan.FromSeconds(2);
        var command = FakeDiscordServer.SlashCommand("ask");
        command["id"] = FakeDiscordServer.InteractionIdCreatedAt(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2.4));

        var id = bot.Discord.DispatchInteraction(command);
        var record = await bot.Discord.WaitForResponseAsync(id, Timeout);

        var first = record.Callbacks[0];
        Assert.Equal(5, first.Type);
        Assert.InRange(first.ReceivedAt - (record.DeliveredAt ?? record.DispatchedAt), TimeSpan.Zero, TimeSpan.FromSeconds(0.6));
        Assert.True(record.FirstCallbackSinceCreation < TimeSpan.FromSeconds(3), $"first callback {record.FirstCallbackSinceCreation} after creation");
        await bot.Discord.WaitForFinalMessageAsync(id, Timeout);
    }

    [Fact]
    public async Task An_interaction_whose_three_seconds_passed_before_it_arrived_gets_no_work_and_no_callback()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(Timeout);
        var command = FakeDiscordServer.SlashCommand("ask");
        command["id"] = FakeDiscordServer.InteractionIdCreatedAt(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(3.5));
        var late = bot.Discord.DispatchInteraction(command);

        // A fresh interaction after it: once that one is answered, the late one has surely been looked at.
        var fresh = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("ask"));
        await bot.Discord.WaitForFinalMessageAsync(fresh, Timeout);
        await Task.Delay(200);

        Assert.Empty(bot.Discord.GetInteraction(late)!.Callbacks);
        Assert.DoesNotContain(late, bot.Handler.Seen);
    }
}
