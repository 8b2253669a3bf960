using CorpusBot.Search.Indexing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CorpusBot.Search.Tests.Indexing;

public class ReusedStreamFieldsTests
{
    private static readonly (string Id, int Day)[] Rows = [("2024/bridge-closure", 20240309), ("a", 19610101), ("caf\u00E9 \u00FCber", 20211231), ("a", 20240310)];

    [Fact]
    public void Reused_fields_index_exactly_the_terms_of_Lucenes_own_string_and_int_fields()
    {
        var ours = Index(row => [new KeywordField("id", row.Id, Field.Store.YES), new DayNumberField("day", row.Day)]);
        var lucenes = Index(row => [new StringField("id", row.Id, Field.Store.YES), new Int32Field("day", row.Day, Field.Store.NO)]);

        Assert.Equal(Terms(lucenes, "id"), Terms(ours, "id"));
        Assert.Equal(Terms(lucenes, "day"), Terms(ours, "day"));
        Assert.NotEmpty(Terms(ours, "day"));
    }

    [Fact]
    public void A_range_query_and_a_term_query_find_documents_indexed_with_reused_fields()
    {
        using var directory = Index(row => [new KeywordField("id", row.Id, Field.Store.YES), new DayNumberField("day", row.Day)]);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        Assert.Equal(2, searcher.Search(new TermQuery(new Term("id", "a")), 10).TotalHits);
        var in2024 = searcher.Search(NumericRangeQuery.NewInt32Range("day", 20240101, 20241231, true, true), 10);
        Assert.Equal(["2024/bridge-closure", "a"], in2024.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).Order(StringComparer.Ordinal));
    }

    private static RAMDirectory Index(Func<(string Id, int Day), IEnumerable<IIndexableField>> fields)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()));
        foreach (var row in Rows)
        {
            var document = new Document();
            foreach (var field in fields(row))
            {
                document.Add(field);
            }

            writer.AddDocument(document);
        }

        writer.Commit();
        return directory;
    }

    private static List<string> Terms(Lucene.Net.Store.Directory directory, string field)
    {
        using var reader = DirectoryReader.Open(directory);
        var terms = MultiFields.GetTerms(reader, field);
        var found = new List<string>();
        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            found.Add(iterator.Term.Utf8ToString() + "@" + iterator.DocFreq);
        }

        return found;
    }
}
