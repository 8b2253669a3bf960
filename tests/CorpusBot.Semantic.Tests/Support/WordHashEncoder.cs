using System.Numerics.Tensors;
using CorpusBot.Semantic.Embedding;

namespace CorpusBot.Semantic.Tests.Support;

/// <summary>
/// A stand-in model: a text's vector is its words hashed into 384 dimensions, normalised, so texts sharing words are
/// near. Counts what it is asked to embed, and can be held (<see cref="Hold"/>) to keep a build in progress.
/// </summary>
public sealed class WordHashEncoder : ITextEncoder
{
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private int _passages;
    private int _calls;

    public string VectorId => "word-hash@test";

    public int Dimensions => 384;

    /// <summary>Passages embedded so far.</summary>
    public int PassagesEncoded => Volatile.Read(ref _passages);

    /// <summary>Calls to <see cref="EncodePassages"/> so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public void Hold() => _open.Reset();

    public void Release() => _open.Set();

    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        _open.Wait(cancellationToken);
        Interlocked.Add(ref _passages, passages.Count);
        return [.. passages.Select(Vector)];
    }

    public float[] EncodeQuery(string query) => Vector(query);

    public static float[] Vector(string text)
    {
        var vector = new float[384];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = word.Trim('.', ',', '?', '!', '"', '\'');
            if (trimmed.Length > 2)
            {
                vector[(int)((uint)StableHash(trimmed) % 384)] += 1;
            }
        }

        vector[383] += 0.01f; // never all zero
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    private static int StableHash(string word)
    {
        var hash = 17;
        foreach (var c in word)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    public void Dispose() => _open.Dispose();
}
