using System.Text.Json;
using CorpusBot.Discord.Tests.Support;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.Interactions;

public class WarmUpTests
{
    // https://discord.com/developers/docs/reference#snowflakes: milliseconds since 2015-01-01, shifted 22 bits.
    private const long DiscordEpochMilliseconds = 1420070400000;

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

    [Fact]
    public async Task A_warm_up_slower_than_the_deferral_time_still_sends_nothing()
    {
        await using var bot = await BotHarness.StartAsync(deferAfterMs: 100);
        await bot.Discord.WaitForReadyAsync(TimeSpan.FromSeconds(10));
        bot.Handler.Delay = TimeSpan.FromMilliseconds(300);
        var before = bot.Discord.Requests.Count;
        var sample = FakeDiscordServer.SlashCommand("search", ("query", "harbour"));
        sample["id"] = "300000000000000124";
        sample["token"] = "warm-up";

        await bot.Dispatcher.WarmAsync(JsonDocument.Parse(sample.ToJsonString()).RootElement, CancellationToken.None);

        Assert.Single(bot.Handler.Seen);
        Assert.Equal(before, bot.Discord.Requests.Count);
    }

    [Fact]
    public async Task An_interaction_after_a_warm_up_with_the_same_id_is_still_answered()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(TimeSpan.FromSeconds(10));
        var live = FakeDiscordServer.SlashCommand("search", ("query", "harbour"));
        live["id"] = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds) << 22).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sample = live.DeepClone().AsObject();
        sample["token"] = "warm-up";
        await bot.Dispatcher.WarmAsync(JsonDocument.Parse(sample.ToJsonString()).RootElement, CancellationToken.None);

        var id = bot.Discord.DispatchInteraction(live);
        var record = await bot.Discord.WaitForFinalMessageAsync(id, TimeSpan.FromSeconds(10));

        Assert.NotNull(record.FirstCallbackSinceCreation);
    }
}
