using CorpusBot.Semantic;
using CorpusBot.Semantic.Embedding;

namespace CorpusBot.Hosting;

/// <summary>Semantic recall: an embedding model finds passages that answer in other words. Section "Semantic".</summary>
public sealed class SemanticOptions
{
    public const string Section = "Semantic";

    /// <summary>Whether passages are embedded and questions also matched by meaning.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Above this many passages recall stays off: embedding takes about a minute per 3,000 passages on 2 cores.</summary>
    public int MaxPassages { get; set; } = SemanticSettings.DefaultMaxPassages;

    /// <summary>The embedding model: arctic-embed-xs (default) or all-MiniLM-L6-v2.</summary>
    public string Model { get; set; } = EmbeddingModel.ArcticXs.Name;

    public SemanticSettings ToSettings(CorpusOptions corpus) =>
        new(Enabled, MaxPassages, EmbeddingModel.Find(Model) ?? EmbeddingModel.ArcticXs, SemanticSettings.StorePathFor(corpus.FullIndexPath));
}
