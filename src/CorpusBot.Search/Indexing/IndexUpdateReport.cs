namespace CorpusBot.Search.Indexing;

/// <summary>What one pass over the articles folder changed in the index.</summary>
/// <param name="Added">Ids of articles new to the index.</param>
/// <param name="Changed">Ids of articles whose content changed and were re-indexed.</param>
/// <param name="Removed">Ids of articles whose files are gone.</param>
/// <param name="Unchanged">How many articles were already up to date.</param>
/// <param name="Skipped">Files that could not be read as articles, with the reason.</param>
/// <param name="Elapsed">How long the pass took.</param>
/// <param name="ReadOnly">True when another process holds the index and nothing could be changed.</param>
public sealed record IndexUpdateReport(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Removed,
    int Unchanged,
    IReadOnlyList<SkippedFile> Skipped,
    TimeSpan Elapsed,
    bool ReadOnly = false)
{
    /// <summary>How many articles were written to the index in this pass.</summary>
    public int Reindexed => Added.Count + Changed.Count;

    /// <summary>True when the pass changed anything.</summary>
    public bool HasChanges => Added.Count + Changed.Count + Removed.Count > 0;
}

/// <summary>A file that was not indexed, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
