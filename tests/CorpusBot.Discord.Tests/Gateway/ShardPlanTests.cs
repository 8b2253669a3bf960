using CorpusBot.Discord.Gateway;

namespace CorpusBot.Discord.Tests.Gateway;

public class ShardPlanTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    [InlineData(" AUTO ")]
    public void Auto_or_nothing_takes_the_count_from_discord_and_runs_every_shard(string? count)
    {
        var plan = ShardPlan.TryParse(count, null, out var problem);

        Assert.Null(problem);
        Assert.True(plan!.IsAuto);
        Assert.Equal([0, 1, 2], plan.IdsFor(3));
    }

    [Theory]
    [InlineData("4", "0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("8", "4-7", new[] { 4, 5, 6, 7 })]
    [InlineData("8", "0, 2, 5-6", new[] { 0, 2, 5, 6 })]
    [InlineData("8", "3,1,1", new[] { 1, 3 })]
    [InlineData("2", null, new[] { 0, 1 })]
    public void A_number_and_ranges_name_the_shards_this_process_runs(string count, string? ids, int[] expected)
    {
        var plan = ShardPlan.TryParse(count, ids, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, plan!.IdsFor(plan.Count!.Value));
    }

    [Theory]
    [InlineData("0", null, "Discord:ShardCount")]
    [InlineData("-1", null, "Discord:ShardCount")]
    [InlineData("two", null, "Discord:ShardCount")]
    [InlineData("99999", null, "Discord:ShardCount")]
    [InlineData("auto", "0-3", "needs Discord:ShardCount set to a number")]
    [InlineData("4", "2-5", "below Discord:ShardCount (4)")]
    [InlineData("4", "3-1", "not a range")]
    [InlineData("4", "a-b", "Discord:ShardIds must be")]
    [InlineData("4", "1-2-3", "Discord:ShardIds must be")]
    [InlineData("4", ",", "names no shard")]
    public void Settings_that_cannot_work_say_what_to_set(string count, string? ids, string advice)
    {
        var plan = ShardPlan.TryParse(count, ids, out var problem);

        Assert.Null(plan);
        Assert.Contains(advice, problem, StringComparison.Ordinal);
    }
}
