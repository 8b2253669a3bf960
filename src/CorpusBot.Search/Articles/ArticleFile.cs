using System.IO.Enumeration;

namespace CorpusBot.Search.Articles;

/// <summary>A file in the articles folder that may hold an article.</summary>
/// <param name="Id">The article id: the relative path without extension, with forward slashes.</param>
/// <param name="Path">The full path.</param>
/// <param name="Length">Size in bytes when scanned.</param>
/// <param name="LastWriteUtc">Last write time when scanned.</param>
public sealed record ArticleFile(string Id, string Path, long Length, DateTime LastWriteUtc)
{
    /// <summary>The file extensions read as articles.</summary>
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".markdown", ".html", ".htm" };

    /// <summary>Lists the article files under <paramref name="root"/>, ignoring hidden files and folders.</summary>
    public static IReadOnlyList<ArticleFile> Scan(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };

        // Size and time come from the enumeration's own entry: one stat per file, no FileInfo (a start with an
        // unchanged collection of tens of thousands of files is mostly this scan).
        var entries = new FileSystemEnumerable<ArticleFile>(
            root,
            (ref FileSystemEntry entry) =>
            {
                var path = entry.ToFullPath();
                return new ArticleFile(IdFor(System.IO.Path.GetRelativePath(root, path)), path, entry.Length, entry.LastWriteTimeUtc.UtcDateTime);
            },
            options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory && !IsHiddenName(entry.FileName) && Extensions.Contains(System.IO.Path.GetExtension(entry.FileName).ToString()),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsHiddenName(entry.FileName),
        };

        var files = entries.ToList();
        files.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return files;
    }

    /// <summary>True when <paramref name="path"/> (relative to the articles folder) names a file read as an article.</summary>
    public static bool IsArticlePath(string path) =>
        Extensions.Contains(System.IO.Path.GetExtension(path)) && !IsHidden(path);

    private static string IdFor(string relative)
    {
        var withoutExtension = System.IO.Path.ChangeExtension(relative, null);
        return withoutExtension.Replace('\\', '/');
    }

    private static bool IsHidden(string relative) =>
        relative.Split('/', '\\').Any(part => IsHiddenName(part));

    private static bool IsHiddenName(ReadOnlySpan<char> name) => name.StartsWith('.') || name.StartsWith('~');
}
