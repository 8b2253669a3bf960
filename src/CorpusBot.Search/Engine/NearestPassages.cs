namespace CorpusBot.Search.Engine;

/// <summary>Passages found by meaning for one question: document → cosine similarity, and the spread of those values.</summary>
internal sealed class NearestPassages(IReadOnlyDictionary<int, float> similarity)
{
    public static NearestPassages None { get; } = new(new Dictionary<int, float>());

    private readonly float _lowest = similarity.Count == 0 ? 0 : similarity.Values.Min();
    private readonly float _highest = similarity.Count == 0 ? 0 : similarity.Values.Max();

    public IReadOnlyDictionary<int, float> Similarity { get; } = similarity;

    /// <summary>A similarity placed between the least (0) and the most (1) similar passage found for this question.</summary>
    public double Relative(float value) => _highest > _lowest ? (value - _lowest) / (_highest - _lowest) : 1;
}
