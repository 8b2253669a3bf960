namespace CorpusBot.Search.Articles;

/// <summary>What is known about an article's source. A missing field stays null; nothing is guessed.</summary>
/// <param name="Title">The article's title (given, or derived from its text or address).</param>
/// <param name="Url">The source address, when known.</param>
/// <param name="Outlet">The publication, when known.</param>
/// <param name="Author">The byline, when known.</param>
/// <param name="Published">The publication date as ISO 8601 (yyyy-MM-dd, or yyyy-MM / yyyy when only that is known).</param>
/// <param name="Tags">Free-form tags from the front matter.</param>
public sealed record ArticleMetadata(
    string Title,
    string? Url = null,
    string? Outlet = null,
    string? Author = null,
    string? Published = null,
    IReadOnlyList<string>? Tags = null);
