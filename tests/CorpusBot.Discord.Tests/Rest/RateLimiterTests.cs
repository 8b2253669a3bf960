using System.Net.Http.Headers;
using CorpusBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace CorpusBot.Discord.Tests.Rest;

public class RateLimiterTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static HttpResponseHeaders Headers(string bucket, int remaining, double resetAfter)
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Bucket", bucket);
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response.Headers;
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_for_its_reset()
    {
        var limiter = new RateLimiter(_time);
        var route = RestRoute.GlobalCommands("1");
        await limiter.WaitAsync(route, CancellationToken.None);
        limiter.Update(route, Headers("abc", 0, 2.5));

        var waiting = limiter.WaitAsync(route, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(20);
        Assert.False(waiting.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_bucket_with_requests_left_does_not_wait()
    {
        var limiter = new RateLimiter(_time);
        var route = RestRoute.GlobalCommands("1");
        limiter.Update(route, Headers("abc", 3, 10));

        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(route, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }

        var fourth = limiter.WaitAsync(route, CancellationToken.None);
        await Task.Delay(20);
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Buckets_are_kept_apart_by_their_top_level_resource()
    {
        var limiter = new RateLimiter(_time);
        var guildA = RestRoute.GuildCommands("1", "10");
        var guildB = RestRoute.GuildCommands("1", "20");
        limiter.Update(guildA, Headers("same-bucket", 0, 30));

        await limiter.WaitAsync(guildB, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_global_429_blocks_other_routes_but_not_interaction_callbacks()
    {
        var limiter = new RateLimiter(_time);
        limiter.OnRateLimited(RestRoute.GatewayBot(), TimeSpan.FromSeconds(5), global: true);

        var blocked = limiter.WaitAsync(RestRoute.GlobalCommands("1"), CancellationToken.None);
        await limiter.WaitAsync(RestRoute.InteractionCallback("9", "tok"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(20);
        Assert.False(blocked.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(5));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_global_limit_lets_50_requests_a_second_through_and_not_more()
    {
        var limiter = new RateLimiter(_time);
        for (var i = 0; i < 50; i++)
        {
            await limiter.WaitAsync(RestRoute.GuildCommands("1", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }

        var fiftyFirst = limiter.WaitAsync(RestRoute.GuildCommands("1", "999"), CancellationToken.None);
        var callback = limiter.WaitAsync(RestRoute.InteractionCallback("9", "tok"), CancellationToken.None);
        await callback.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(20);
        Assert.False(fiftyFirst.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Thousands_of_live_buckets_are_not_scanned_on_every_request()
    {
        var limiter = new RateLimiter(_time);
        for (var i = 0; i < 3000; i++)
        {
            await limiter.WaitAsync(RestRoute.InteractionCallback(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "token"), CancellationToken.None);
        }

        Assert.InRange(limiter.PruneScans, 0, 1);
        Assert.True(limiter.BucketCount >= 3000);
    }

    [Fact]
    public async Task Idle_buckets_are_forgotten_so_the_table_stays_bounded()
    {
        var limiter = new RateLimiter(_time);
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 3000; i++)
            {
                await limiter.WaitAsync(RestRoute.InteractionCallback($"{round}-{i}", "token"), CancellationToken.None);
            }

            _time.Advance(TimeSpan.FromMinutes(2));
        }

        await limiter.WaitAsync(RestRoute.InteractionCallback("last", "token"), CancellationToken.None);
        Assert.InRange(limiter.BucketCount, 1, 6001);
        Assert.InRange(limiter.PruneScans, 1, 10);
    }
}
