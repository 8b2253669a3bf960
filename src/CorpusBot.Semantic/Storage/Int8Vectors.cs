using System.Numerics;
using System.Numerics.Tensors;

namespace CorpusBot.Semantic.Storage;

/// <summary>
/// Vectors kept as signed bytes with one scale each (value ≈ byte × scale): a quarter of float32's size, with a
/// cosine error around 10⁻³ for unit vectors of 384 dimensions, well below the gaps ranking depends on.
/// </summary>
internal static class Int8Vectors
{
    /// <summary>Quantizes <paramref name="vector"/> into <paramref name="bytes"/> and returns the scale.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> bytes)
    {
        var max = TensorPrimitives.MaxMagnitude(vector);
        if (max is 0 or float.NaN)
        {
            bytes.Clear();
            return 0;
        }

        var scale = Math.Abs(max) / 127f;
        for (var i = 0; i < vector.Length; i++)
        {
            bytes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
        }

        return scale;
    }

    /// <summary>
    /// The dot product of two byte vectors. Bytes stay within ±127, so a product fits a 16-bit lane (≤ 16,129) and
    /// so does the sum of two (≤ 32,258); lanes are widened to 32 bits before accumulating.
    /// </summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var accumulator = Vector<int>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<sbyte>.Count; i += Vector<sbyte>.Count)
        {
            Vector.Widen(new Vector<sbyte>(a[i..]), out var a0, out var a1);
            Vector.Widen(new Vector<sbyte>(b[i..]), out var b0, out var b1);
            Vector.Widen((a0 * b0) + (a1 * b1), out var low, out var high);
            accumulator += low + high;
        }

        var sum = Vector.Sum(accumulator);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
