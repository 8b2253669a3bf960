using System.Globalization;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Text;
using Lucene.Net.Documents;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Indexing;

/// <summary>Turns an article into its index documents (one article record, then one per passage) and back.</summary>
internal static class ArticleDocuments
{
    // lineKeys: the article's RepeatedLines.Keys when already computed (hashing every line is not free).
    public static List<Document> Build(Article article, ArticleFile file, IReadOnlySet<ulong>? repeatedLines = null, IEnumerable<ulong>? lineKeys = null)
    {
        var passages = PassageSplitter.Split(article.Body, article.Metadata.Title, repeatedLines);
        var documents = new List<Document>(passages.Count + 1);

        var head = new Document
        {
            new StringField(DocType, ArticleType, Field.Store.YES),
            new StringField(ArticleId, article.Id, Field.Store.YES),
            new BinaryDocValuesField(ArticleKey, new Lucene.Net.Util.BytesRef(article.Id)),
            new BinaryDocValuesField(Hash, new Lucene.Net.Util.BytesRef(article.ContentHash)),
            new NumericDocValuesField(FileLength, file.Length),
            new NumericDocValuesField(FileTime, file.LastWriteUtc.Ticks),
            new StoredField(PassageCount, passages.Count),
            new StoredField(LineKeys, RepeatedLines.Format(lineKeys ?? RepeatedLines.Keys(article.Body))),
            new StringField(TitleKey, TitleKeyOf(article.Metadata.Title), Field.Store.NO),
        };
        AddMetadata(head, article.Metadata);
        documents.Add(head);

        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i];
            var document = new Document
            {
                new StringField(DocType, PassageType, Field.Store.YES),
                new StringField(ArticleId, article.Id, Field.Store.YES),
                new StringField(PassageKey, PassageKeyOf(article.Id, passage.Ordinal), Field.Store.NO),
                new BinaryDocValuesField(ArticleKey, new Lucene.Net.Util.BytesRef(article.Id)),
                new StoredField(Ordinal, passage.Ordinal),
                new TextField(Body, passage.Text, Field.Store.YES),
                new TextField(Exact, passage.Text, Field.Store.NO),
            };
            if (i > 0)
            {
                document.Add(new StoredField(Before, PassageContext.Tail(passages[i - 1].Text)));
            }

            if (i + 1 < passages.Count)
            {
                document.Add(new StoredField(After, PassageContext.Head(passages[i + 1].Text)));
            }

            AddMetadata(document, article.Metadata);
            documents.Add(document);
        }

        return documents;
    }

    /// <summary>The key under which a passage is looked up by article and place.</summary>
    public static string PassageKeyOf(string articleId, int ordinal) => articleId + "\u001F" + ordinal.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key under which a title is looked up exactly: normalised, lower case, letters and digits only.</summary>
    public static string TitleKeyOf(string title) =>
        string.Join(' ', new string([.. TextNormalizer.Normalize(title).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static ArticleMetadata ReadMetadata(Document document)
    {
        var tags = document.GetValues(Tags);
        return new ArticleMetadata(
            document.Get(Title) ?? document.Get(ArticleId),
            document.Get(Url),
            document.Get(Outlet),
            document.Get(Author),
            document.Get(Published),
            tags is { Length: > 0 } ? tags : null);
    }

    private static void AddMetadata(Document document, ArticleMetadata metadata)
    {
        document.Add(new TextField(Title, metadata.Title, Field.Store.YES));
        if (metadata.Outlet is not null || metadata.Author is not null)
        {
            document.Add(new TextField(Source, string.Join(' ', new[] { metadata.Outlet, metadata.Author }.OfType<string>()), Field.Store.NO));
        }

        AddStored(document, Url, metadata.Url);
        AddStored(document, Outlet, metadata.Outlet);
        AddStored(document, Author, metadata.Author);
        AddStored(document, Published, metadata.Published);
        if (metadata.Published is { } published)
        {
            document.Add(new Int32Field(PublishedDay, DayNumber(published), Field.Store.NO));
        }

        foreach (var tag in metadata.Tags ?? [])
        {
            document.Add(new StringField(Tags, tag, Field.Store.YES));
        }
    }

    /// <summary>yyyyMMdd as a number; a month or year alone counts from its first day.</summary>
    public static int DayNumber(string isoDate)
    {
        var parts = isoDate.Split('-');
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        var day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 1;
        return (year * 10000) + (month * 100) + day;
    }

    private static void AddStored(Document document, string name, string? value)
    {
        if (value is not null)
        {
            document.Add(new StoredField(name, value));
        }
    }
}
