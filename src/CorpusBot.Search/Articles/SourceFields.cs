using System.Globalization;

namespace CorpusBot.Search.Articles;

/// <summary>Metadata as found in a file (front matter or HTML meta tags), before a title is settled.</summary>
internal sealed record SourceFields(
    string? Title = null,
    string? Url = null,
    string? Outlet = null,
    string? Author = null,
    string? Published = null,
    IReadOnlyList<string>? Tags = null)
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy-MM", "yyyy", "d MMMM yyyy", "MMMM d, yyyy", "d MMM yyyy", "MMM d, yyyy",
    ];

    public ArticleMetadata ToMetadata(string title) => new(
        title,
        CleanUrl(Url),
        Clean(Outlet),
        Clean(Author),
        NormalizeDate(Published),
        Tags is { Count: > 0 } ? Tags : null);

    /// <summary>Reduces a date to ISO 8601 at the precision given; null when it is not a date.</summary>
    public static string? NormalizeDate(string? value)
    {
        value = Clean(value);
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var full)
            && value.Length > 10)
        {
            return full.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        foreach (var format in DateFormats)
        {
            if (DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return format switch
                {
                    "yyyy" => date.ToString("yyyy", CultureInfo.InvariantCulture),
                    "yyyy-MM" => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                };
            }
        }

        return null;
    }

    private static string? CleanUrl(string? value)
    {
        value = Clean(value);
        return value is not null
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri.AbsoluteUri
                : null;
    }

    internal static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Equals("unknown", StringComparison.OrdinalIgnoreCase) ? null : trimmed;
    }
}

/// <summary>A file split into its metadata and its body text.</summary>
internal sealed record ParsedSource(SourceFields Fields, string Body);
