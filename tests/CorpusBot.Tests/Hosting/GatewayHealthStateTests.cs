using CorpusBot.Discord.Gateway;
using CorpusBot.Hosting;

namespace CorpusBot.Tests.Hosting;

public sealed class GatewayHealthStateTests
{
    private readonly GatewayHealth _health = new(TimeProvider.System);

    [Fact]
    public void It_is_ready_only_when_every_shard_is()
    {
        _health.Set(new ShardStateChange(0, ShardState.Ready));
        _health.Set(new ShardStateChange(1, ShardState.Connecting));
        Assert.Equal(GatewayHealth.Connecting, _health.Report().State);

        _health.Set(new ShardStateChange(1, ShardState.Ready));
        Assert.Equal(new[] { 2, 2 }, new[] { _health.Report().Shards, _health.Report().ShardsReady });
        Assert.Equal(GatewayHealth.Ready, _health.Report().State);
    }

    [Fact]
    public void A_dropped_connection_is_disconnected_until_the_shard_is_ready_again()
    {
        _health.Set(new ShardStateChange(0, ShardState.Ready));
        _health.Set(new ShardStateChange(0, ShardState.Disconnected));
        Assert.Equal(GatewayHealth.Disconnected, _health.Report().State);

        _health.Set(new ShardStateChange(0, ShardState.Connecting));
        _health.Set(new ShardStateChange(0, ShardState.Ready));
        Assert.Equal(GatewayHealth.Ready, _health.Report().State);
    }

    [Fact]
    public void A_fatal_stop_stays_disconnected()
    {
        _health.Set(new ShardStateChange(0, ShardState.Ready));
        _health.Stopped();

        Assert.Equal(GatewayHealth.Disconnected, _health.Report().State);
    }
}
