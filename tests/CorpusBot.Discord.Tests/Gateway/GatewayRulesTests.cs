using CorpusBot.Discord.Gateway;

namespace CorpusBot.Discord.Tests.Gateway;

public class GatewayRulesTests
{
    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void Configuration_errors_stop_the_bot(int code) => Assert.Equal(CloseAction.Stop, GatewayCloseCodes.ActionFor(code));

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4007)]
    [InlineData(4009)]
    public void A_close_that_ends_the_session_starts_a_new_session(int code) =>
        Assert.Equal(CloseAction.Identify, GatewayCloseCodes.ActionFor(code));

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4008)]
    [InlineData(4015)]
    [InlineData(1006)]
    [InlineData(null)]
    public void Other_closes_and_drops_resume(int? code) => Assert.Equal(CloseAction.Resume, GatewayCloseCodes.ActionFor(code));

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardIds")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4012, "update CorpusBot")]
    [InlineData(4013, "invalid intents")]
    [InlineData(4014, "disallowed intents")]
    public void A_fatal_close_says_what_to_fix(int code, string advice) => Assert.Contains(advice, GatewayCloseCodes.Describe(code), StringComparison.Ordinal);

    [Fact]
    public void Non_dispatch_payloads_do_not_overwrite_the_sequence()
    {
        var session = new GatewaySession();
        session.Observe(5);
        session.Observe(null);
        session.Observe(3);

        Assert.Equal(5, session.Sequence);
    }

    [Fact]
    public void A_session_can_resume_after_ready_and_not_after_a_reset()
    {
        var session = new GatewaySession();
        Assert.False(session.CanResume);

        session.Start("abc", "wss://resume.example");
        session.Observe(7);
        Assert.True(session.CanResume);

        session.Reset();
        Assert.False(session.CanResume);
        Assert.Null(session.Sequence);
    }

    [Theory]
    [InlineData("wss://gateway.discord.gg", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway.discord.gg/", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:5000/resume-gateway", "ws://127.0.0.1:5000/resume-gateway?v=10&encoding=json")]
    [InlineData("wss://g.example/?v=9&encoding=etf&x=1", "wss://g.example/?x=1&v=10&encoding=json")]
    public void The_gateway_address_always_carries_version_10_and_json(string url, string expected) =>
        Assert.Equal(expected, GatewayShard.WithQuery(url).ToString());
}
