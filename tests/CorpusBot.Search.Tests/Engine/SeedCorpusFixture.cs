using CorpusBot.Search.Engine;
using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Engine;

/// <summary>The bundled seed articles, indexed once into a temp folder for a test class.</summary>
public sealed class SeedCorpusFixture : IDisposable
{
    public const string Unilad = "000_a7b503fa4e7868a0";
    public const string IbTimes = "001_fdf6606e97f208d2";
    public const string Fuerza = "002_a3ac396ace2bb2bf";

    private readonly TempCorpus _corpus = new TempCorpus().WithSeeds();

    public SeedCorpusFixture() => _corpus.UpdateAsync().GetAwaiter().GetResult();

    public CorpusSearcher Searcher => _corpus.Searcher;

    public void Dispose() => _corpus.Dispose();
}
