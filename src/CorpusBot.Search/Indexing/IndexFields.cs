namespace CorpusBot.Search.Indexing;

/// <summary>Field names of the index. Each article is one "article" document followed by its "passage" documents.</summary>
internal static class IndexFields
{
    public const string DocType = "type";
    public const string ArticleType = "article";
    public const string PassageType = "passage";

    public const string ArticleId = "article";
    public const string ArticleKey = "article_dv";
    public const string Hash = "hash";
    public const string FileLength = "file_length";
    public const string FileTime = "file_time";
    public const string PassageCount = "passages";
    public const string LineKeys = "line_keys";

    public const string Title = "title";
    public const string TitleKey = "title_key";
    public const string Url = "url";
    public const string Outlet = "outlet";
    public const string Author = "author";
    public const string Published = "published";
    public const string PublishedDay = "published_day";
    public const string Tags = "tags";
    public const string Source = "source";

    public const string Ordinal = "ordinal";
    public const string Body = "body";
    public const string Exact = "exact";

    /// <summary>Stored only: the sentences just before and after a passage, so an excerpt can reach across its edges.</summary>
    public const string Before = "before";
    public const string After = "after";

    /// <summary>Indexed only: article id and ordinal of a passage, to fetch it by name (semantic hits).</summary>
    public const string PassageKey = "passage_key";
}
