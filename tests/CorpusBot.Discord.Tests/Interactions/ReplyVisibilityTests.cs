using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Tests.Support;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.Interactions;

public class ReplyVisibilityTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_private_reply_decided_after_a_public_deferral_is_seen_by_nobody_in_the_channel()
    {
        await using var bot = await BotHarness.StartAsync(deferAfterMs: 100);
        await bot.Discord.WaitForReadyAsync(Timeout);
        bot.Handler.Delay = TimeSpan.FromMilliseconds(700);
        bot.Handler.Reply = _ => InteractionReply.NewMessage(new MessagePayload("Nothing matches.", Flags: MessagePayload.Ephemeral));

        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("ask"));
        var record = await bot.Discord.WaitForFinalMessageAsync(id, Timeout);

        Assert.Equal(5, record.InitialResponse!.Type);
        Assert.DoesNotContain(record.Messages, m => m.SeenByChannel);
        var answer = Assert.Single(record.Messages, m => !m.Deleted);
        Assert.True(answer.Ephemeral);
        Assert.Equal("Nothing matches.", answer.Content);
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task A_public_reply_after_a_public_deferral_edits_the_deferred_response_in_place()
    {
        await using var bot = await BotHarness.StartAsync(deferAfterMs: 100);
        await bot.Discord.WaitForReadyAsync(Timeout);
        bot.Handler.Delay = TimeSpan.FromMilliseconds(700);

        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("ask"));
        var record = await bot.Discord.WaitForFinalMessageAsync(id, Timeout);

        var answer = Assert.Single(record.Messages);
        Assert.True(answer.SeenByChannel);
        Assert.Empty(record.Deletes);
        Assert.Empty(record.Followups);
    }
}
