using CorpusBot.Semantic.Embedding;
using Microsoft.Extensions.Options;

namespace CorpusBot.Hosting;

/// <summary>Checks the semantic recall settings at start, with messages that say what to set.</summary>
internal sealed class SemanticOptionsValidator : IValidateOptions<SemanticOptions>
{
    public ValidateOptionsResult Validate(string? name, SemanticOptions options)
    {
        var failures = new List<string>();
        if (options.MaxPassages is < 1 or > 10_000_000)
        {
            failures.Add($"Semantic:MaxPassages must be between 1 and 10000000 (default {Semantic.SemanticSettings.DefaultMaxPassages}); to turn semantic recall off, set Semantic:Enabled (or Semantic__Enabled) to false.");
        }

        if (EmbeddingModel.Find(options.Model) is null)
        {
            failures.Add($"Semantic:Model '{options.Model}' is not a model CorpusBot carries. Set it (or Semantic__Model) to one of: {string.Join(", ", EmbeddingModel.All.Select(m => m.Name))}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
