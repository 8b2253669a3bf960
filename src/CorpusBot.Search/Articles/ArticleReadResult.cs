namespace CorpusBot.Search.Articles;

/// <summary>The outcome of reading one file: an article, or the reason it was skipped; plus any warnings.</summary>
public sealed record ArticleReadResult(Article? Article, string? SkipReason, IReadOnlyList<string> Warnings)
{
    internal static ArticleReadResult Skipped(string reason) => new(null, reason, []);
}
