using CorpusBot.Search;
using Microsoft.Extensions.Options;

namespace CorpusBot.Hosting;

/// <summary>Checks the corpus settings at start, with messages that say what to set.</summary>
internal sealed class CorpusOptionsValidator : IValidateOptions<CorpusOptions>
{
    public ValidateOptionsResult Validate(string? name, CorpusOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ArticlesPath))
        {
            failures.Add("Corpus:ArticlesPath is empty. Set it (or Corpus__ArticlesPath) to the folder that holds your articles.");
        }
        else if (!Directory.Exists(options.FullArticlesPath))
        {
            failures.Add(CorpusException.ArticlesFolderMissingMessage(options.FullArticlesPath));
        }

        if (string.IsNullOrWhiteSpace(options.IndexPath))
        {
            failures.Add("Corpus:IndexPath is empty. Set it (or Corpus__IndexPath) to a folder where the index may be written.");
        }

        if (options.MaxArticleBytes <= 0)
        {
            failures.Add("Corpus:MaxArticleBytes must be a positive number of bytes (default 5242880).");
        }

        if (options.WatchDebounceMilliseconds is < 50 or > 600_000)
        {
            failures.Add("Corpus:WatchDebounceMilliseconds must be between 50 and 600000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
