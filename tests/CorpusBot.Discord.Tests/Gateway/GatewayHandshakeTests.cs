using CorpusBot.Discord.Gateway;
using CorpusBot.Discord.Tests.Support;

namespace CorpusBot.Discord.Tests.Gateway;

public class GatewayHandshakeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly GatewayTimings Short = BotHarness.Fast with
    {
        HelloTimeout = TimeSpan.FromMilliseconds(300),
        ReadyTimeout = TimeSpan.FromMilliseconds(300),
    };

    [Fact]
    public async Task A_socket_that_never_says_hello_is_dropped_and_reconnected()
    {
        await using var bot = await BotHarness.StartAsync(timings: Short);
        bot.Discord.WithholdHello = true;

        await bot.Discord.WaitForConnectionCountAsync(2, Wait);
        bot.Discord.WithholdHello = false;
        await bot.Discord.WaitForReadyAsync(Wait);

        var first = bot.Discord.Connections[0];
        Assert.Empty(first.Identifies);
        Assert.NotNull(first.ClosedAt);
        // Not at once: a failed connection is followed by a backoff of at least half a second.
        Assert.True(bot.Discord.Connections[1].OpenedAt - first.ClosedAt >= TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task A_socket_that_never_sends_ready_after_identify_is_dropped_and_identifies_again()
    {
        await using var bot = await BotHarness.StartAsync(timings: Short);
        bot.Discord.WithholdReady = true;

        await bot.Discord.WaitForConnectionCountAsync(2, Wait);
        bot.Discord.WithholdReady = false;
        var ready = await bot.Discord.WaitForReadyAsync(Wait);

        var first = bot.Discord.Connections[0];
        Assert.Single(first.Identifies);
        Assert.NotNull(first.ClosedAt);
        Assert.NotEqual(1000, first.ClientCloseCode);
        Assert.Single(ready.Identifies);
        Assert.Empty(bot.Discord.Violations);
    }
}
