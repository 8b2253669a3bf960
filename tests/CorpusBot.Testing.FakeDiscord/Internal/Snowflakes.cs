using System.Security.Cryptography;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Generates unique, increasing snowflake-style ids and random interaction tokens.</summary>
internal static class Snowflakes
{
    private const long DiscordEpochMs = 1420070400000;
    private static long _counter;

    public static string Next() => At(DateTimeOffset.UtcNow);

    /// <summary>A unique id whose timestamp (the top 42 bits, ms since 2015) is <paramref name="createdAt"/>.</summary>
    public static string At(DateTimeOffset createdAt)
    {
        var ms = createdAt.ToUnixTimeMilliseconds() - DiscordEpochMs;
        var increment = Interlocked.Increment(ref _counter) & 0x3FFFFF;
        return ((ms << 22) | increment).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The creation time in a snowflake id; null when the id is not a number.</summary>
    public static DateTimeOffset? CreatedAt(string id) =>
        ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value >> 22) + DiscordEpochMs)
            : null;

    public static string Token(string prefix)
    {
        var bytes = RandomNumberGenerator.GetBytes(36);
        var text = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return prefix + text;
    }
}
