using CorpusBot.Discord.Interactions;
using Microsoft.Extensions.Time.Testing;

namespace CorpusBot.Discord.Tests.Interactions;

public class RecentIdsTests
{
    [Fact]
    public void A_repeated_id_is_refused_until_it_has_been_forgotten()
    {
        var time = new FakeTimeProvider();
        var ids = new RecentIds(time, TimeSpan.FromMinutes(20));

        Assert.True(ids.TryAdd("1"));
        Assert.False(ids.TryAdd("1"));
        time.Advance(TimeSpan.FromMinutes(21));
        Assert.True(ids.TryAdd("2"));
        Assert.True(ids.TryAdd("1"));
    }

    [Fact]
    public void Remembered_ids_stay_bounded_and_forgetting_looks_at_each_entry_about_once()
    {
        var time = new FakeTimeProvider();
        var ids = new RecentIds(time, TimeSpan.FromMinutes(20));

        const int added = 20_000;
        for (var i = 0; i < added; i++)
        {
            ids.TryAdd(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            time.Advance(TimeSpan.FromSeconds(0.25));
        }

        Assert.InRange(ids.Count, 1, (20 * 60 * 4) + 1);
        Assert.InRange(ids.Examined, added, 2L * added);
    }
}
