using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CorpusBot.Semantic.Storage;

/// <summary>
/// A passage's vector key: the 128-bit XxHash of its text (UTF-16, as indexed). Unchanged passages keep their key
/// whatever article or place they move to, and identical passages share one vector.
/// </summary>
public static class PassageKey
{
    /// <summary>The key of <paramref name="text"/>.</summary>
    public static UInt128 Of(string text) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text.AsSpan()));
}
