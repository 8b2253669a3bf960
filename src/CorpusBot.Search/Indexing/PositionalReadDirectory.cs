using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// A file-system directory that reads with plain positional reads (pread), like NIOFSDirectory but without its
/// per-read overhead: Lucene.Net's NIOFSDirectory asks the FileStream for its length (an fstat system call) and
/// takes a lock on every buffer refill, which profiles showed to be most of the time of queries and of reading the
/// article stamps at start. MMapDirectory is avoided for its known crashes in Lucene.Net 4.8.0-beta00017; writing
/// is FSDirectory's own.
/// </summary>
internal sealed class PositionalReadDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        var handle = OpenHandle(file);
        return new Input($"PositionalReadInput(path=\"{file}\")", handle, 0, RandomAccess.GetLength(handle), BufferedIndexInput.GetBufferSize(context), ownsHandle: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        return new Slicer(file, OpenHandle(file), BufferedIndexInput.GetBufferSize(context));
    }

    private static SafeFileHandle OpenHandle(string file) =>
        File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private sealed class Slicer(string file, SafeFileHandle handle, int bufferSize) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new Input($"PositionalReadInput({sliceDescription} in path=\"{file}\" slice={offset}:{offset + length})", handle, offset, length, bufferSize, ownsHandle: false);

        [Obsolete("Only for reading compound files of 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }

    private sealed class Input(string description, SafeFileHandle handle, long start, long length, int bufferSize, bool ownsHandle)
        : BufferedIndexInput(description, bufferSize)
    {
        private bool _isClone;

        public override long Length => length;

        public override object Clone()
        {
            var clone = (Input)base.Clone();
            clone._isClone = true; // clones share the handle; only the original closes it
            return clone;
        }

        protected override void ReadInternal(byte[] b, int offset, int count)
        {
            var position = Position;
            if (position + count > length)
            {
                throw new EndOfStreamException($"read past EOF: {this}");
            }

            while (count > 0)
            {
                var read = RandomAccess.Read(handle, b.AsSpan(offset, count), start + position);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"read past EOF: {this} (the file shrank while open)");
                }

                position += read;
                offset += read;
                count -= read;
            }
        }

        protected override void SeekInternal(long pos)
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsHandle && !_isClone)
            {
                handle.Dispose();
            }
        }
    }
}
