using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// A passage's article id from doc values: grouping hundreds of hits by article without loading (and
/// decompressing) a stored document for each.
/// </summary>
internal sealed class ArticleIds(IndexSearcher searcher)
{
    private readonly IList<AtomicReaderContext> _leaves = searcher.IndexReader.Leaves;
    private readonly BinaryDocValues?[] _values = new BinaryDocValues?[searcher.IndexReader.Leaves.Count];
    private readonly BytesRef _scratch = new();

    public string Of(int doc)
    {
        var leaf = ReaderUtil.SubIndex(doc, _leaves);
        var context = _leaves[leaf];
        var values = _values[leaf] ??= context.AtomicReader.GetBinaryDocValues(ArticleKey);
        if (values is null)
        {
            return searcher.Doc(doc).Get(ArticleId); // a segment written before the doc values existed
        }

        values.Get(doc - context.DocBase, _scratch);
        return _scratch.Utf8ToString();
    }
}
