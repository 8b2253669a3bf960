using System.Buffers;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// Reads an index's files once, front to back, so that the operating system keeps them in its page cache: after a
/// reboot, or once the kernel has reclaimed an idle index, every first-time query would otherwise wait on the disk
/// for each term dictionary block and posting list it touches. Sequential reads are the cheapest way to fetch them.
/// </summary>
public static class PageCacheWarmer
{
    /// <summary>An index larger than this share of the memory available is not read: it would only push itself out.</summary>
    public const double MostOfMemory = 0.25;

    private const int BufferSize = 1 << 20;

    // What a query touches first: the term index and dictionary, then postings, positions, norms and doc values; the
    // stored fields (read only for the hits shown) and everything else last.
    private static readonly string[] FirstExtensions = [".tip", ".tim", ".doc", ".pos", ".nvd", ".nvm", ".dvd", ".dvm", ".cfs"];

    /// <summary>What a read did: the bytes read, or why it read nothing.</summary>
    public sealed record Outcome(long BytesRead, long IndexBytes, bool SkippedAsTooLarge);

    /// <summary>Reads the files of the index folder at <paramref name="path"/>; a file merged away meanwhile is skipped.</summary>
    public static Outcome Read(string path, long availableMemoryBytes, CancellationToken cancellationToken)
    {
        var files = new DirectoryInfo(path).EnumerateFiles()
            .Where(f => f.Name != "write.lock")
            .OrderBy(f => Array.IndexOf(FirstExtensions, f.Extension) is var at and >= 0 ? at : FirstExtensions.Length)
            .ToList();
        var total = files.Sum(f => f.Length);
        if (total > availableMemoryBytes * MostOfMemory)
        {
            return new Outcome(0, total, true);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long read = 0;
        try
        {
            foreach (var file in files)
            {
                read += ReadFile(file.FullName, buffer, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new Outcome(read, total, false);
    }

    private static long ReadFile(string path, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            long read = 0;
            int count;
            while ((count = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                read += count;
            }

            return read;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0; // merged away or locked meanwhile: the next query reads what it needs itself
        }
    }
}
