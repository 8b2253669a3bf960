using CorpusBot.Semantic.Embedding;

namespace CorpusBot.Semantic;

/// <summary>How semantic recall runs.</summary>
/// <param name="Enabled">Off: no model is loaded and <see cref="SemanticIndex.Nearest"/> answers nothing.</param>
/// <param name="MaxPassages">Above this many passages recall stays off (embedding them would take too long).</param>
/// <param name="Model">The embedding model.</param>
/// <param name="StorePath">The folder the vectors are kept in (beside the index: <c>{IndexPath}/semantic</c>).</param>
public sealed record SemanticSettings(bool Enabled, int MaxPassages, EmbeddingModel Model, string StorePath)
{
    /// <summary>The default budget: about 15 minutes of embedding on 2 cores, about 20 MB of vectors.</summary>
    public const int DefaultMaxPassages = 50_000;

    /// <summary>The folder for the vectors of the index at <paramref name="indexPath"/> (Lucene ignores sub-folders).</summary>
    public static string StorePathFor(string indexPath) => Path.Combine(indexPath, "semantic");

    /// <summary>How often a build in progress writes what it has (a restart resumes from there).</summary>
    public TimeSpan SaveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Passages per encoder call in the background: small, so a query never queues behind much.</summary>
    public int BackgroundChunk { get; init; } = 16;

    /// <summary>Passages per encoder call in a foreground build (sorted by length within, so batches pad little).</summary>
    public int ForegroundChunk { get; init; } = 256;
}
