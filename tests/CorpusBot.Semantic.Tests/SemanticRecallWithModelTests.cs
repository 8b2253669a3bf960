using CorpusBot.Semantic.Embedding;
using CorpusBot.Semantic.Tests.Support;

namespace CorpusBot.Semantic.Tests;

/// <summary>The whole path with the real model: index, embed, then questions asked in other words than the articles use.</summary>
[Collection(ModelCollection.Name)]
public sealed class SemanticRecallWithModelTests(ModelFixture models) : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Theory]
    [InlineData("How much will fixing the crossing cost?", SemanticIndexTests.CostText)]
    [InlineData("Which way should motorists go while the bridge is shut?", SemanticIndexTests.DetourText)]
    [InlineData("Why are shop owners unhappy about the drinks tax?", SemanticIndexTests.RentsText)]
    public async Task A_paraphrased_question_finds_the_passage_that_answers_it(string question, string expected)
    {
        _corpus.Write("bridge.txt", "Bridge Closed For Repairs", SemanticIndexTests.ClosedText, SemanticIndexTests.DetourText, SemanticIndexTests.CostText);
        _corpus.Write("tax.txt", "Council Raises Sugar Tax", SemanticIndexTests.LevyText, SemanticIndexTests.RentsText);
        await _corpus.UpdateAsync();
        var semantic = new SemanticIndex(_corpus.Index, _corpus.Settings, new ForwardingLogger<SemanticIndex>(_corpus.Log), (_, _) => new Borrowed(models.Encoder(EmbeddingModel.ArcticXs)));
        await semantic.BuildAsync();

        var hit = semantic.Nearest(question, 1).Single();

        var passage = _corpus.Index.ReadPassages().Single(p => p.ArticleId == hit.ArticleId && p.Ordinal == hit.Ordinal);
        Assert.StartsWith(expected[..40], passage.Text, StringComparison.Ordinal);
        semantic.Dispose();
    }

    // The fixture owns the model: the index must not dispose it.
    private sealed class Borrowed(OnnxTextEncoder inner) : ITextEncoder
    {
        public string VectorId => inner.VectorId;

        public int Dimensions => inner.Dimensions;

        public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default) => inner.EncodePassages(passages, cancellationToken);

        public float[] EncodeQuery(string query) => inner.EncodeQuery(query);

        public void Dispose()
        {
        }
    }

    public void Dispose() => _corpus.Dispose();
}
