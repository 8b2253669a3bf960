namespace CorpusBot.Hosting;

/// <summary>Where the articles and the index live, and how they are read. Section "Corpus".</summary>
public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>The folder of article files (.txt, .md, .html). Relative paths start at the working directory.</summary>
    public string ArticlesPath { get; set; } = "index/articles";

    /// <summary>The folder the Lucene index is kept in. Relative paths start at the working directory.</summary>
    public string IndexPath { get; set; } = "index/lucene";

    /// <summary>Files larger than this are skipped with a warning.</summary>
    public long MaxArticleBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Whether the bot watches the articles folder and re-indexes changes while it runs.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the folder must be quiet after a change before it is re-indexed.</summary>
    public int WatchDebounceMilliseconds { get; set; } = 1500;

    public string FullArticlesPath => Path.GetFullPath(ArticlesPath);

    public string FullIndexPath => Path.GetFullPath(IndexPath);
}
