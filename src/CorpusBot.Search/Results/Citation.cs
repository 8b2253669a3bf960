using CorpusBot.Search.Excerpts;

namespace CorpusBot.Search.Results;

/// <summary>A cited piece of an article: where it comes from and the excerpt that answers.</summary>
/// <param name="ArticleId">The article's id (its path under the articles folder, without extension).</param>
/// <param name="Title">The article's title.</param>
/// <param name="Url">The source address, when known.</param>
/// <param name="Outlet">The publication, when known.</param>
/// <param name="Author">The byline, when known.</param>
/// <param name="Published">The publication date (ISO 8601, possibly only year and month), when known.</param>
/// <param name="Excerpt">The best window of the passage, with the matched words marked.</param>
/// <param name="Score">The ranking score (higher is better; comparable within one answer only).</param>
/// <param name="Passage">The passage's place in the article, from 0.</param>
public sealed record Citation(
    string ArticleId,
    string Title,
    string? Url,
    string? Outlet,
    string? Author,
    string? Published,
    Excerpt Excerpt,
    float Score,
    int Passage);
