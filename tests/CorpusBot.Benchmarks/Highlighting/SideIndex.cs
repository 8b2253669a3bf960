using System.Diagnostics;
using CorpusBot.Search.Indexing;
using CorpusBot.Search.Semantic;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CorpusBot.Benchmarks.Highlighting;

/// <summary>
/// What the schema change the FastVectorHighlighter or PostingsHighlighter needs would cost: the passages' body
/// field indexed alone (stored, stemmed, as our index has it), then with term vectors (positions and offsets), then
/// with offsets in the postings. Our index is not touched; the difference between the variants is the cost.
/// </summary>
internal sealed class SideIndex : IDisposable
{
    public enum Variant
    {
        /// <summary>As our index has the body field: stored, docs + freqs + positions, no term vectors.</summary>
        Plain,

        /// <summary>Plus term vectors with positions and offsets (FastVectorHighlighter).</summary>
        TermVectors,

        /// <summary>Offsets in the postings, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS (PostingsHighlighter).</summary>
        Offsets,
    }

    private readonly FSDirectory _directory;
    private readonly Dictionary<(string Article, int Ordinal), int> _docs;

    private SideIndex(FSDirectory directory, DirectoryReader reader, Dictionary<(string, int), int> docs)
    {
        _directory = directory;
        Reader = reader;
        _docs = docs;
    }

    public DirectoryReader Reader { get; }

    /// <summary>The side index's document for a passage, or -1.</summary>
    public int Doc(string article, int ordinal) => _docs.GetValueOrDefault((article, ordinal), -1);

    /// <summary>Builds the variant into <paramref name="path"/> (best of <paramref name="repeat"/> builds): seconds to build and commit, bytes on disk.</summary>
    public static (double Seconds, long Bytes) Measure(IReadOnlyList<StoredPassage> passages, Variant variant, string path, int repeat)
    {
        var best = double.MaxValue;
        for (var i = 0; i < repeat; i++)
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }

            var clock = Stopwatch.StartNew();
            Build(passages, variant, path);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return (best, FolderBytes(path));
    }

    /// <summary>Opens a variant built by <see cref="Measure"/>, for highlighting from it.</summary>
    public static SideIndex Open(string path)
    {
        var directory = FSDirectory.Open(path);
        var reader = DirectoryReader.Open(directory);
        var docs = new Dictionary<(string, int), int>();
        var fields = new HashSet<string> { "article", "ordinal" };
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var stored = reader.Document(doc, fields);
            docs[(stored.Get("article"), stored.GetField("ordinal").GetInt32Value() ?? 0)] = doc;
        }

        return new SideIndex(directory, reader, docs);
    }

    public static long FolderBytes(string path) =>
        System.IO.Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static void Build(IReadOnlyList<StoredPassage> passages, Variant variant, string path)
    {
        var type = new FieldType(TextField.TYPE_STORED);
        if (variant == Variant.TermVectors)
        {
            type.StoreTermVectors = true;
            type.StoreTermVectorPositions = true;
            type.StoreTermVectorOffsets = true;
        }
        else if (variant == Variant.Offsets)
        {
            type.IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
        }

        type.Freeze();
        using var directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, CorpusIndex.IndexAnalyzer) { OpenMode = OpenMode.CREATE };
        using var writer = new IndexWriter(directory, config);
        foreach (var passage in passages)
        {
            writer.AddDocument(new Document
            {
                new StoredField("article", passage.ArticleId),
                new StoredField("ordinal", passage.Ordinal),
                new Field(LuceneExcerpts.Field, passage.Text, type),
            });
        }

        writer.Commit();
    }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }
}
