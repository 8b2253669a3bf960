using CorpusBot.Discord.Gateway;
using CorpusBot.Discord.Tests.Support;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.Gateway;

/// <summary>One test per class of server close code, against the fake.</summary>
public class GatewayCloseCodeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task A_close_that_ends_the_session_is_followed_by_a_fresh_identify_not_a_resume(int code)
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        await bot.Discord.CloseCurrentConnectionAsync(code);
        var ready = await bot.Discord.WaitForReadyAsync(Wait);

        Assert.Equal("/gateway", ready.Path);
        Assert.Single(ready.Identifies);
        Assert.All(bot.Discord.Connections, c => Assert.Empty(c.Resumes));
        Assert.Empty(bot.Discord.Violations);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4008)]
    [InlineData(4999)]
    public async Task Any_other_close_is_resumed(int code)
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        await bot.Discord.CloseCurrentConnectionAsync(code);
        var resumed = await bot.Discord.WaitForResumedAsync(Wait);

        Assert.Equal("/resume-gateway", resumed.Path);
        Assert.Empty(resumed.Identifies);
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardIds")]
    [InlineData(4012, "update CorpusBot")]
    [InlineData(4013, "invalid intents")]
    [InlineData(4014, "disallowed intents")]
    public async Task A_close_that_retrying_cannot_fix_stops_with_what_to_fix(int code, string advice)
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        await bot.Discord.CloseCurrentConnectionAsync(code);

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => bot.Run.WaitAsync(Wait));
        Assert.Equal(code, error.CloseCode);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Options.Token, error.Message, StringComparison.Ordinal);
        Assert.Single(bot.Discord.Connections);
    }
}
