using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Tests.Support;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.Interactions;

public class UrlLimitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_reply_citing_a_600_character_source_address_is_still_delivered_and_valid()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(Timeout);
        var source = "https://news.example.com/article?" + new string('q', 600 - 33);
        bot.Handler.Reply = _ => InteractionReply.NewMessage(new MessagePayload(
            "One source:",
            [new Embed("The article", "What it says.", source)],
            [new ActionRow([new Button(Button.Link, "1. news.example.com", Url: source)])]));

        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("ask"));
        var record = await bot.Discord.WaitForFinalMessageAsync(id, Timeout);

        Assert.True(record.InitialResponse is { Type: 4 }, "the reply was refused");
        var message = record.FinalMessage!.Value;
        Assert.Equal("One source:", message.GetProperty("content").GetString());
        Assert.Equal(source, message.GetProperty("embeds")[0].GetProperty("url").GetString());
        Assert.Empty(bot.Discord.Violations);
    }
}
