namespace CorpusBot.Search.Semantic;

/// <summary>
/// Nearest passages by meaning, for questions asked in other words than the articles use. Implemented outside the
/// search core (CorpusBot.Semantic runs an embedding model), so the core never depends on a model runtime.
/// Implementations never wait for vectors being built: they answer from what exists, or not at all.
/// </summary>
public interface ISemanticRecall
{
    /// <summary>What semantic recall can offer right now.</summary>
    SemanticCoverage Coverage { get; }

    /// <summary>
    /// The <paramref name="count"/> passages nearest to <paramref name="query"/>, most similar first; empty when no
    /// vectors exist yet (or recall is off). Only passages of the index's current state are returned.
    /// </summary>
    IReadOnlyList<SemanticHit> Nearest(string query, int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cosine similarity of <paramref name="query"/> to each of <paramref name="texts"/> (short windows of a
    /// passage, to pick the one that answers), in order; empty when the model is not available. Costs a model run
    /// per text: call it for a handful of windows, not for a collection.
    /// </summary>
    IReadOnlyList<float> Similarities(string query, IReadOnlyList<string> texts, CancellationToken cancellationToken = default) => [];

    /// <summary>
    /// How many calls so far on the current thread were answered without the model because it was busy with other
    /// queries. An answer worked out while this changed may be poorer than usual, so it is not kept for the next person.
    /// </summary>
    long BusyAnswers => 0;
}

/// <summary>A passage found by meaning: its article, its place in the article and the cosine similarity (−1 to 1).</summary>
public readonly record struct SemanticHit(string ArticleId, int Ordinal, float Similarity);

/// <summary>How far semantic recall reaches.</summary>
/// <param name="State">Off, being built, or ready.</param>
/// <param name="Embedded">Passages of the current index that have a vector.</param>
/// <param name="Passages">Passages in the current index.</param>
/// <param name="Reason">Why it is off or partial, in words a person can act on (null when ready).</param>
public sealed record SemanticCoverage(SemanticState State, int Embedded, int Passages, string? Reason)
{
    /// <summary>Recall that is switched off or not installed.</summary>
    public static SemanticCoverage Off(string reason) => new(SemanticState.Off, 0, 0, reason);
}

/// <summary>Whether semantic recall is available.</summary>
public enum SemanticState
{
    /// <summary>Turned off by a setting, over its budget, or not installed.</summary>
    Off,

    /// <summary>Vectors are being built; recall covers only <see cref="SemanticCoverage.Embedded"/> passages.</summary>
    Building,

    /// <summary>Every passage has a vector.</summary>
    Ready,
}

/// <summary>A passage as stored in the index, for building its vector.</summary>
/// <param name="ArticleId">The article it belongs to.</param>
/// <param name="Ordinal">Its place in the article, from 0.</param>
/// <param name="Text">Its text, exactly as indexed.</param>
public sealed record StoredPassage(string ArticleId, int Ordinal, string Text);
