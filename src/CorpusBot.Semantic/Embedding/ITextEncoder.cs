namespace CorpusBot.Semantic.Embedding;

/// <summary>Turns texts into unit-length vectors. Safe to call from several threads at once.</summary>
public interface ITextEncoder : IDisposable
{
    /// <summary>Identifies the vectors it makes (model and truncation); vectors under another id are not comparable.</summary>
    string VectorId { get; }

    /// <summary>The vector length.</summary>
    int Dimensions { get; }

    /// <summary>One vector per passage, in order. Long passages are truncated to the model's token limit.</summary>
    float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default);

    /// <summary>The vector of a query (with the model's query prefix, if it has one).</summary>
    float[] EncodeQuery(string query);
}
