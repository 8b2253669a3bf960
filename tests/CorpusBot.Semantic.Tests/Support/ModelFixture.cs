using CorpusBot.Semantic.Embedding;

namespace CorpusBot.Semantic.Tests.Support;

/// <summary>The real models, loaded once for the tests that need them (loading one takes about a second).</summary>
public sealed class ModelFixture : IDisposable
{
    private readonly Lazy<OnnxTextEncoder> _arctic = new(() => OnnxTextEncoder.Create(EmbeddingModel.ArcticXs, threads: 1));
    private readonly Lazy<OnnxTextEncoder> _miniLm = new(() => OnnxTextEncoder.Create(EmbeddingModel.MiniLm, threads: 1));

    public OnnxTextEncoder Encoder(EmbeddingModel model) => model == EmbeddingModel.ArcticXs ? _arctic.Value : _miniLm.Value;

    public void Dispose()
    {
        if (_arctic.IsValueCreated)
        {
            _arctic.Value.Dispose();
        }

        if (_miniLm.IsValueCreated)
        {
            _miniLm.Value.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ModelCollection : ICollectionFixture<ModelFixture>
{
    public const string Name = "models";
}
