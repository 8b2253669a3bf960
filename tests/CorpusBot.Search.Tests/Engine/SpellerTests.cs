using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Engine;

public sealed class SpellerTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public async Task A_suggestion_follows_the_collection_as_it_changes()
    {
        _corpus.Write("harbour.txt", "The Harbour\n\nBoats leave the harbour at dawn every morning of the year.\n");
        await _corpus.UpdateAsync();
        Assert.DoesNotContain(_corpus.Searcher.Search("lighthuose").Notes, n => n.StartsWith("Did you mean", StringComparison.Ordinal));

        _corpus.Write("light.txt", "The Light\n\nA lighthouse stands at the mouth of the harbour and guides the boats.\n");
        await _corpus.UpdateAsync();

        Assert.Contains(_corpus.Searcher.Search("lighthuose").Notes, n => n.Contains("\u201Clighthouse\u201D", StringComparison.Ordinal));
        Assert.Contains(_corpus.Searcher.Search("lighthuose").Notes, n => n.Contains("\u201Clighthouse\u201D", StringComparison.Ordinal));
    }

    public void Dispose() => _corpus.Dispose();
}
