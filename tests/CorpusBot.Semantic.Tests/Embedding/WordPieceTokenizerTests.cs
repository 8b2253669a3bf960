using CorpusBot.Semantic.Embedding;

namespace CorpusBot.Semantic.Tests.Embedding;

/// <summary>
/// The expected pieces below were worked out by hand from the vocabulary (greedy longest match, "##" for a
/// continuation); the test turns them into ids by their line in vocab.txt, as the model's training did.
/// </summary>
public sealed class WordPieceTokenizerTests
{
    private static readonly Lazy<(WordPieceTokenizer Tokenizer, string[] Lines)> Vocabulary = new(() =>
    {
        var text = VocabularyText(EmbeddingModel.ArcticXs);
        return (new WordPieceTokenizer(text), text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray());
    });

    private static long[] Ids(params string[] pieces) => [.. pieces.Select(Id)];

    private static long Id(string piece) =>
        Array.IndexOf(Vocabulary.Value.Lines, piece) is var id and >= 0 ? id : throw new InvalidOperationException($"{piece} is not in the vocabulary");

    [Fact]
    public void A_question_is_lower_cased_split_at_punctuation_and_wrapped_in_cls_and_sep()
    {
        var ids = Vocabulary.Value.Tokenizer.Encode("Why did Mark Ruffalo apologize?", 128);

        // "ruffalo" is not a word of the vocabulary: "ru", then the longest continuation "##ffa" (no "##ffalo" or "##ffal"), then "##lo".
        Assert.Equal(Ids("[CLS]", "why", "did", "mark", "ru", "##ffa", "##lo", "apologize", "?", "[SEP]"), ids);
    }

    [Fact]
    public void Accents_are_stripped_before_the_lookup()
    {
        var ids = Vocabulary.Value.Tokenizer.Encode("Café naïve", 128);

        Assert.Equal(Ids("[CLS]", "cafe", "naive", "[SEP]"), ids);
    }

    [Fact]
    public void A_name_is_cut_into_the_longest_pieces_the_vocabulary_has()
    {
        var ids = Vocabulary.Value.Tokenizer.Encode("Sheikh Jarrah, the quick brown fox.", 128);

        Assert.Equal(Ids("[CLS]", "sheikh", "jar", "##rah", ",", "the", "quick", "brown", "fox", ".", "[SEP]"), ids);
    }

    [Fact]
    public void A_long_text_is_truncated_and_still_ends_with_sep()
    {
        var ids = Vocabulary.Value.Tokenizer.Encode("Why did Mark Ruffalo apologize?", 5);

        Assert.Equal(Ids("[CLS]", "why", "did", "mark", "[SEP]"), ids);
    }

    [Fact]
    public void Both_models_share_one_vocabulary()
    {
        Assert.Equal(VocabularyText(EmbeddingModel.ArcticXs), VocabularyText(EmbeddingModel.MiniLm));
    }

    private static string VocabularyText(EmbeddingModel model) =>
        File.ReadAllText(ModelFiles.Ensure(model, EmbeddingModel.SharedCacheFolder).Vocabulary);
}
