using System.Globalization;

namespace CorpusBot.Discord.Models;

/// <summary>
/// Discord's ids: the top 42 bits are milliseconds since the Discord epoch (2015-01-01), so every id tells when
/// its object was created.
/// <see href="https://discord.com/developers/docs/reference#snowflakes"/>
/// </summary>
public static class Snowflake
{
    /// <summary>The first second of 2015, in milliseconds since the Unix epoch.</summary>
    public const long DiscordEpochMilliseconds = 1420070400000;

    /// <summary>When the object with this id was created; null when the id is not a snowflake.</summary>
    public static DateTimeOffset? CreatedAt(string? id) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value >> 22) + DiscordEpochMilliseconds)
            : null;

    /// <summary>The smallest id created at <paramref name="createdAt"/> (with <paramref name="increment"/> in the low bits).</summary>
    public static string At(DateTimeOffset createdAt, long increment = 0) =>
        (((createdAt.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds) << 22) | (increment & 0x3FFFFF)).ToString(CultureInfo.InvariantCulture);
}
