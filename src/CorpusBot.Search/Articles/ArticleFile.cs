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
        var files = new List<ArticleFile>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        foreach (var path in System.IO.Directory.EnumerateFiles(root, "*", options))
        {
            var relative = System.IO.Path.GetRelativePath(root, path);
            if (!Extensions.Contains(System.IO.Path.GetExtension(path)) || IsHidden(relative))
            {
                continue;
            }

            var info = new FileInfo(path);
            files.Add(new ArticleFile(IdFor(relative), path, info.Length, info.LastWriteTimeUtc));
        }

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
        relative.Split('/', '\\').Any(part => part.StartsWith('.') || part.StartsWith('~'));
}
