using CorpusBot.Search.Indexing;
using CorpusBot.Search.Tests.Support;
using Lucene.Net.Store;

namespace CorpusBot.Search.Tests.Indexing;

public sealed class PositionalReadDirectoryTests : IDisposable
{
    private const int Size = 100_000;
    private readonly TempCorpus _folder = new();
    private readonly PositionalReadDirectory _directory;

    public PositionalReadDirectoryTests()
    {
        _directory = new PositionalReadDirectory(new DirectoryInfo(_folder.IndexPath));
        using var output = _directory.CreateOutput("data", IOContext.DEFAULT);
        for (var i = 0; i < Size; i++)
        {
            output.WriteByte(ByteAt(i));
        }
    }

    [Fact]
    public void Reads_return_the_bytes_written_wherever_they_seek()
    {
        using var input = _directory.OpenInput("data", IOContext.DEFAULT);
        Assert.Equal(Size, input.Length);
        foreach (var position in new[] { 0, 1, 1023, 1024, 5000, 99_000, Size - 1, 17 })
        {
            input.Seek(position);
            Assert.Equal(ByteAt(position), input.ReadByte());
        }

        var block = new byte[3000];
        input.Seek(2500);
        input.ReadBytes(block, 0, block.Length);
        Assert.Equal(Enumerable.Range(2500, 3000).Select(ByteAt), block);
    }

    [Fact]
    public void Slices_read_their_own_range_and_stop_at_its_end()
    {
        using var slicer = _directory.CreateSlicer("data", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("part", 10_000, 500);

        Assert.Equal(500, slice.Length);
        Assert.Equal(ByteAt(10_000), slice.ReadByte());
        slice.Seek(499);
        Assert.Equal(ByteAt(10_499), slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
    }

    [Fact]
    public void Reading_past_the_end_of_the_file_fails_cleanly()
    {
        using var input = _directory.OpenInput("data", IOContext.DEFAULT);
        input.Seek(Size - 2);
        var buffer = new byte[10];

        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(buffer, 0, buffer.Length));
    }

    [Fact]
    public async Task Clones_read_concurrently_and_closing_them_leaves_the_original_open()
    {
        using var input = _directory.OpenInput("data", IOContext.DEFAULT);
        var clones = Enumerable.Range(0, 8).Select(_ => (IndexInput)input.Clone()).ToList();

        await Task.WhenAll(clones.Select((clone, n) => Task.Run(() =>
        {
            var random = new Random(n);
            for (var i = 0; i < 2000; i++)
            {
                var position = random.Next(Size);
                clone.Seek(position);
                Assert.Equal(ByteAt(position), clone.ReadByte());
            }
        })));
        foreach (var clone in clones)
        {
            clone.Dispose();
        }

        input.Seek(42);
        Assert.Equal(ByteAt(42), input.ReadByte());
    }

    private static byte ByteAt(int position) => (byte)((position * 31) ^ (position >> 8));

    public void Dispose()
    {
        _directory.Dispose();
        _folder.Dispose();
    }
}
