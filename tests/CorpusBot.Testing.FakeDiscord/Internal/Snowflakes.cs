using System.Security.Cryptography;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Generates unique, increasing snowflake-style ids and random interaction tokens.</summary>
internal static class Snowflakes
{
    private const long DiscordEpochMs = 1420070400000;
    private static long _counter;

    public static string Next()
    {
        var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - DiscordEpochMs;
        var increment = Interlocked.Increment(ref _counter) & 0x3FFFFF;
        return ((ms << 22) | increment).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Token(string prefix)
    {
        var bytes = RandomNumberGenerator.GetBytes(36);
        var text = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return prefix + text;
    }
}
