using FastBertTokenizer;
using Lucene.Net.Analysis.Miscellaneous;

namespace CorpusBot.Semantic.Embedding;

/// <summary>
/// BERT's uncased WordPiece tokenisation over a model's vocab.txt: lower-cased, accents stripped, split on
/// whitespace and punctuation, each word cut into the longest vocabulary pieces ("##" for continuations),
/// wrapped in [CLS] … [SEP] and truncated (keeping the [SEP]) to a token limit.
/// </summary>
/// <remarks>
/// BERT strips accents by decomposing (NFD) and dropping the marks, but with invariant globalization (as this
/// repository builds) <see cref="string.Normalize()"/> changes nothing, and "café" would become [UNK]. So non-ASCII
/// letters are folded first with Lucene's ASCII folding (é → e, ï → i), which the vocabulary then matches.
/// </remarks>
public sealed class WordPieceTokenizer
{
    private readonly BertTokenizer _tokenizer = new();

    /// <summary>Loads the vocabulary (one token per line, the line number is its id).</summary>
    public WordPieceTokenizer(string vocabulary)
    {
        using var reader = new StringReader(vocabulary);
        _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
    }

    /// <summary>
    /// Writes the token ids of <paramref name="text"/> into <paramref name="ids"/> (at most its length, [CLS] and
    /// [SEP] included) and returns how many were written.
    /// </summary>
    public int Encode(string text, Span<long> ids)
    {
        text = FoldAccents(text);
        Span<long> mask = ids.Length <= 512 ? stackalloc long[ids.Length] : new long[ids.Length];
        return _tokenizer.Encode(text, ids, mask);
    }

    internal static string FoldAccents(string text)
    {
        var first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f');
        if (first < 0)
        {
            return text;
        }

        var input = text.ToCharArray();
        var output = new char[input.Length * 4]; // a folded character is at most 4 ASCII characters ("⑽" → "(10)")
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    /// <summary>The token ids of <paramref name="text"/>, at most <paramref name="maxTokens"/>.</summary>
    public long[] Encode(string text, int maxTokens)
    {
        var ids = new long[maxTokens];
        return ids[..Encode(text, ids)];
    }
}
