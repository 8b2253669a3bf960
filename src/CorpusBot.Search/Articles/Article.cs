namespace CorpusBot.Search.Articles;

/// <summary>An article read from the collection, ready to be split into passages and indexed.</summary>
/// <param name="Id">Its path under the articles folder, without extension, with forward slashes.</param>
/// <param name="Metadata">Title and source.</param>
/// <param name="Body">The article text (front matter and markup removed).</param>
/// <param name="ContentHash">A digest of the file bytes and the reader version: equal hashes need no re-indexing.</param>
public sealed record Article(string Id, ArticleMetadata Metadata, string Body, string ContentHash);
