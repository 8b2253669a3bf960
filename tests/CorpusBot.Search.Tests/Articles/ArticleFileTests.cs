using CorpusBot.Search.Articles;
using CorpusBot.Search.Tests.Support;

namespace CorpusBot.Search.Tests.Articles;

public sealed class ArticleFileTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public void The_scan_lists_article_files_by_id_with_size_and_time_and_skips_hidden_ones()
    {
        var plain = _corpus.Write("b.txt", "Bee");
        _corpus.Write("nested/deeper/a.md", "Ay");
        _corpus.Write("page.HTML", "<p>Page</p>");
        _corpus.Write("notes.docx", "not an article");
        _corpus.Write(".hidden.txt", "hidden");
        _corpus.Write("~draft.txt", "draft");
        _corpus.Write(".git/objects/x.txt", "inside a hidden folder");
        var when = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(plain, when);

        var files = ArticleFile.Scan(_corpus.ArticlesPath);

        Assert.Equal(["b", "nested/deeper/a", "page"], files.Select(f => f.Id));
        var bee = files[0];
        Assert.Equal(plain, bee.Path);
        Assert.Equal(3, bee.Length);
        Assert.Equal(when, bee.LastWriteUtc);
        Assert.Equal(DateTimeKind.Utc, bee.LastWriteUtc.Kind);
    }

    public void Dispose() => _corpus.Dispose();
}
