namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Length and URL helpers. Lengths are counted in Unicode code points (the docs say "characters").</summary>
internal static class Text
{
    public static int Length(string? value) => value is null ? 0 : value.EnumerateRunes().Count();

    public static int TrimmedLength(string? value) => Length(value?.Trim());

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>http(s) or an <c>attachment://</c> reference (allowed for embed images and icons).</summary>
    public static bool IsMediaUrl(string? value) =>
        IsHttpUrl(value) || (value?.StartsWith("attachment://", StringComparison.Ordinal) ?? false);
}
