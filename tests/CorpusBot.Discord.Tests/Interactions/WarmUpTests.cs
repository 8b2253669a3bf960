using System.Text.Json;
using CorpusBot.Discord.Tests.Support;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.Interactions;

public class WarmUpTests
{
    [Fact]
    public async Task A_warm_up_runs_the_handler_and_sends_nothing_to_discord()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(TimeSpan.FromSeconds(10));
        var before = bot.Discord.Requests.Count;
        var sample = FakeDiscordServer.SlashCommand("search", ("query", "harbour"));
        sample["id"] = "300000000000000123";
        sample["token"] = "warm-up";

        await bot.Dispatcher.WarmAsync(JsonDocument.Parse(sample.ToJsonString()).RootElement, CancellationToken.None);

        Assert.Contains("300000000000000123", bot.Handler.Seen);
        Assert.Equal(before, bot.Discord.Requests.Count);
    }
}
