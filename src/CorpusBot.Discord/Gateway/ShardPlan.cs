using System.Globalization;

namespace CorpusBot.Discord.Gateway;

/// <summary>
/// Which shards this process runs, from <c>Discord:ShardCount</c> (<c>auto</c> or a number) and <c>Discord:ShardIds</c>
/// (empty: all of them; or ids and ranges such as <c>0-3</c> or <c>0,2,4-7</c>).
/// <see href="https://discord.com/developers/docs/events/gateway#sharding"/>
/// </summary>
/// <param name="Count">The total number of shards; null for <c>auto</c> (the count GET /gateway/bot recommends).</param>
/// <param name="Ids">The shards this process runs; null for all of them.</param>
public sealed record ShardPlan(int? Count, IReadOnlyList<int>? Ids)
{
    /// <summary>The word for "use the recommended count".</summary>
    public const string Auto = "auto";

    /// <summary>No more shards than this in one process (Discord's own largest bots run a few thousand across many machines).</summary>
    public const int MaxShards = 4096;

    /// <summary>True when the count is re-read from GET /gateway/bot, so a 4011 close can be answered by re-sharding.</summary>
    public bool IsAuto => Count is null;

    /// <summary>The shard ids to run once the total is known.</summary>
    public IReadOnlyList<int> IdsFor(int count) => Ids ?? Enumerable.Range(0, count).ToArray();

    /// <summary>Parses the two settings; returns null and a message that says what to set when they are not valid.</summary>
    public static ShardPlan? TryParse(string? count, string? ids, out string? problem)
    {
        problem = null;
        int? total = null;
        if (!string.IsNullOrWhiteSpace(count) && !string.Equals(count.Trim(), Auto, StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(count.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxShards)
            {
                problem = $"Discord:ShardCount must be \"auto\" or a whole number from 1 to {MaxShards} (got \"{count}\").";
                return null;
            }

            total = n;
        }

        if (string.IsNullOrWhiteSpace(ids))
        {
            return new ShardPlan(total, null);
        }

        if (total is null)
        {
            problem = "Discord:ShardIds needs Discord:ShardCount set to a number: every process that shares the bot must agree on the total.";
            return null;
        }

        var parsed = ParseIds(ids, total.Value, out problem);
        return parsed is null ? null : new ShardPlan(total, parsed);
    }

    private static int[]? ParseIds(string ids, int total, out string? problem)
    {
        problem = null;
        var set = new SortedSet<int>();
        foreach (var part in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2 || !bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                problem = $"Discord:ShardIds must be shard ids and ranges such as \"0-3\" or \"0,2,5-7\" (got \"{ids}\").";
                return null;
            }

            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (first > last || last >= total)
            {
                problem = $"Discord:ShardIds \"{part}\" is not a range of shard ids below Discord:ShardCount ({total}).";
                return null;
            }

            for (var id = first; id <= last; id++)
            {
                set.Add(id);
            }
        }

        if (set.Count == 0)
        {
            problem = $"Discord:ShardIds names no shard (got \"{ids}\").";
            return null;
        }

        return [.. set];
    }
}
