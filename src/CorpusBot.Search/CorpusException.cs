namespace CorpusBot.Search;

/// <summary>A failure whose message is written for the person using the bot: short, clear, and safe to show.</summary>
public sealed class CorpusException : Exception
{
    /// <summary>Creates the exception with a message fit to show a user.</summary>
    /// <param name="message">What went wrong and what to try, in plain words.</param>
    /// <param name="isUserError">True when the input was at fault (a usage error), false when the service was.</param>
    public CorpusException(string message, bool isUserError = true)
        : base(message)
    {
        IsUserError = isUserError;
    }

    /// <summary>Creates the exception with a message fit to show a user and the underlying cause (for logs only).</summary>
    public CorpusException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>True when the person's input was at fault; false when the collection or index was.</summary>
    public bool IsUserError { get; }

    /// <summary>
    /// The articles folder is gone (or was never there). Not the person's fault: the operator must point the setting
    /// at it, so the message names the setting in both its configuration and its environment spelling.
    /// </summary>
    public static CorpusException ArticlesFolderMissing(string path) => new(ArticlesFolderMissingMessage(path), isUserError: false);

    /// <summary>What to say when the articles folder is missing, at start (the settings check) or later (the indexer).</summary>
    public static string ArticlesFolderMissingMessage(string path) =>
        $"Corpus:ArticlesPath: the articles folder {path} does not exist. Run from the repository root, or set Corpus:ArticlesPath (environment: Corpus__ArticlesPath) to the folder that holds your articles.";
}
