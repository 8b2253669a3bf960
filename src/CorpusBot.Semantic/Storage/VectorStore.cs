using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Semantic.Storage;

/// <summary>
/// Passage vectors by <see cref="PassageKey"/>, as int8 with a scale, in chunks of <see cref="ChunkRows"/> rows that
/// never move: a <see cref="VectorChunks"/> taken earlier stays valid while rows are added. Not thread-safe: the
/// owner serialises changes; readers only use chunks and rows handed to them.
/// </summary>
/// <remarks>
/// On disk (<c>vectors.bin</c>): "CBVECTOR", format version, dimensions, row count, the vector id (model and
/// truncation), then per row the 16-byte key, the float scale and the bytes, then an XxHash64 of all that. It is
/// written to a temporary file, flushed and renamed over the old one, so a crash leaves the old file or the new,
/// never half of one; a file that fails its checks is discarded with one warning and rebuilt.
/// </remarks>
internal sealed partial class VectorStore
{
    public const int ChunkRows = 1024;
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "CBVECTOR"u8.ToArray();

    private readonly Dictionary<UInt128, int> _rows = [];
    private readonly List<UInt128> _keys = [];
    private sbyte[][] _vectors = [];
    private float[][] _scales = [];

    public VectorStore(string vectorId, int dimensions)
    {
        VectorId = vectorId;
        Dimensions = dimensions;
    }

    public string VectorId { get; }

    public int Dimensions { get; }

    public int Count => _keys.Count;

    /// <summary>The rows so far; rows added later are not visible through it, rows already in it never change.</summary>
    public VectorChunks Chunks => new(_vectors, _scales, Dimensions);

    public int RowOf(UInt128 key) => _rows.TryGetValue(key, out var row) ? row : -1;

    public bool Contains(UInt128 key) => _rows.ContainsKey(key);

    /// <summary>Adds the vector of <paramref name="key"/> (unit length) and returns its row; an existing key keeps its row.</summary>
    public int Add(UInt128 key, ReadOnlySpan<float> vector)
    {
        if (_rows.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var row = _keys.Count;
        if (row / ChunkRows == _vectors.Length)
        {
            // New outer arrays: chunks handed out before keep the old ones, whose rows are all still valid.
            _vectors = [.. _vectors, new sbyte[ChunkRows * Dimensions]];
            _scales = [.. _scales, new float[ChunkRows]];
        }

        var chunk = row / ChunkRows;
        var offset = row % ChunkRows;
        _scales[chunk][offset] = Int8Vectors.Quantize(vector, _vectors[chunk].AsSpan(offset * Dimensions, Dimensions));
        _keys.Add(key);
        _rows[key] = row;
        return row;
    }

    private void AddQuantized(UInt128 key, float scale, ReadOnlySpan<sbyte> bytes)
    {
        var row = _keys.Count;
        if (row / ChunkRows == _vectors.Length)
        {
            _vectors = [.. _vectors, new sbyte[ChunkRows * Dimensions]];
            _scales = [.. _scales, new float[ChunkRows]];
        }

        bytes.CopyTo(_vectors[row / ChunkRows].AsSpan(row % ChunkRows * Dimensions, Dimensions));
        _scales[row / ChunkRows][row % ChunkRows] = scale;
        _keys.Add(key);
        _rows[key] = row;
    }

    /// <summary>A new store holding only the rows of <paramref name="live"/> keys (vectors of passages gone from the index are dropped).</summary>
    public VectorStore Compact(IReadOnlySet<UInt128> live)
    {
        var compacted = new VectorStore(VectorId, Dimensions);
        var chunks = Chunks;
        for (var row = 0; row < _keys.Count; row++)
        {
            if (live.Contains(_keys[row]))
            {
                compacted.AddQuantized(_keys[row], chunks.Scale(row), chunks.Vector(row));
            }
        }

        return compacted;
    }

    /// <summary>Writes the rows of <paramref name="live"/> keys to <paramref name="path"/> atomically (temporary file, flush, rename).</summary>
    public void Save(string path, IReadOnlySet<UInt128> live)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        var rows = Enumerable.Range(0, _keys.Count).Where(r => live.Contains(_keys[r])).ToList();
        var chunks = Chunks;
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var hash = new XxHash64();
            void Write(ReadOnlySpan<byte> bytes)
            {
                hash.Append(bytes);
                file.Write(bytes);
            }

            Span<byte> number = stackalloc byte[16];
            Write(Magic);
            Write(Int32(number, FormatVersion));
            Write(Int32(number, Dimensions));
            Write(Int32(number, rows.Count));
            var id = Encoding.UTF8.GetBytes(VectorId);
            Write(Int32(number, id.Length));
            Write(id);
            foreach (var row in rows)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(number, _keys[row]);
                Write(number);
                BinaryPrimitives.WriteSingleLittleEndian(number, chunks.Scale(row));
                Write(number[..4]);
                Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(chunks.Vector(row)));
            }

            file.Write(hash.GetCurrentHash());
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static ReadOnlySpan<byte> Int32(Span<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        return buffer[..4];
    }

    /// <summary>
    /// The store at <paramref name="path"/>, or an empty one: when there is none, when it was made by another model
    /// (logged), or when it is damaged (one warning; the file is deleted so it is rebuilt).
    /// </summary>
    public static VectorStore Load(string path, string vectorId, int dimensions, ILogger logger)
    {
        var empty = new VectorStore(vectorId, dimensions);
        if (!File.Exists(path))
        {
            return empty;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            LogUnreadable(logger, path, ex.Message);
            return empty;
        }

        var (store, problem, otherId) = Parse(bytes, vectorId, dimensions);
        if (store is not null)
        {
            return store;
        }

        if (otherId is not null)
        {
            LogOtherModel(logger, path, otherId, vectorId);
        }
        else
        {
            LogCorrupt(logger, path, problem!);
        }

        TryDelete(path);
        return empty;
    }

    private static (VectorStore? Store, string? Problem, string? OtherId) Parse(ReadOnlySpan<byte> bytes, string vectorId, int dimensions)
    {
        const int Header = 8 + 4 + 4 + 4 + 4;
        if (bytes.Length < Header + 8 || !bytes[..8].SequenceEqual(Magic))
        {
            return (null, "not a vector store", null);
        }

        if (XxHash64.HashToUInt64(bytes[..^8]) != BinaryPrimitives.ReadUInt64BigEndian(bytes[^8..]))
        {
            return (null, "checksum mismatch: the file is truncated or damaged", null);
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var fileDimensions = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        var idLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        if (version != FormatVersion || fileDimensions <= 0 || count < 0 || idLength < 0 || Header + idLength > bytes.Length - 8)
        {
            return (null, $"unknown format {version}", null);
        }

        var id = Encoding.UTF8.GetString(bytes.Slice(Header, idLength));
        if (id != vectorId || fileDimensions != dimensions)
        {
            return (null, null, id);
        }

        var record = 16 + 4 + dimensions;
        var body = bytes[(Header + idLength)..^8];
        if (body.Length != (long)count * record)
        {
            return (null, "its length does not match its row count", null);
        }

        var store = new VectorStore(vectorId, dimensions);
        for (var row = 0; row < count; row++)
        {
            var entry = body.Slice(row * record, record);
            var key = BinaryPrimitives.ReadUInt128LittleEndian(entry);
            if (!store.Contains(key))
            {
                store.AddQuantized(key, BinaryPrimitives.ReadSingleLittleEndian(entry[16..]), System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(entry[20..]));
            }
        }

        return (store, null, null);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Rewritten at the next save anyway.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The passage vectors at {Path} are damaged ({Problem}); discarding them and embedding the passages again")]
    private static partial void LogCorrupt(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The passage vectors at {Path} cannot be read ({Problem}); embedding the passages again")]
    private static partial void LogUnreadable(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The passage vectors at {Path} were made by {OldModel}; embedding the passages again with {NewModel}")]
    private static partial void LogOtherModel(ILogger logger, string path, string oldModel, string newModel);
}

/// <summary>A read-only view of a store's rows (int8 vectors and their scales).</summary>
internal readonly record struct VectorChunks(sbyte[][] Vectors, float[][] Scales, int Dimensions)
{
    public ReadOnlySpan<sbyte> Vector(int row) => Vectors[row / VectorStore.ChunkRows].AsSpan(row % VectorStore.ChunkRows * Dimensions, Dimensions);

    public float Scale(int row) => Scales[row / VectorStore.ChunkRows][row % VectorStore.ChunkRows];
}
