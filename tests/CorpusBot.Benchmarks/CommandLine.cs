using System.Diagnostics;

namespace CorpusBot.Benchmarks;

/// <summary>Runs the real command line as a new process: time from start to answer, and its peak resident memory.</summary>
internal static class CommandLine
{
    /// <summary>A new process running <c>search "query" --json</c>: restart to first answer.</summary>
    public static Task<(double Seconds, long PeakBytes)> RunAsync(string articles, string index, string query) =>
        RunAsync(articles, index, ["search", query, "--json"]);

    /// <summary>A new process running the command line with <paramref name="arguments"/> (e.g. <c>index</c>, a whole build).</summary>
    /// <param name="lexicalOnly">Without the embedding model, so a build is the same work FTS5 does.</param>
    public static async Task<(double Seconds, long PeakBytes)> RunAsync(string articles, string index, string[] arguments, bool lexicalOnly = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CorpusBot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Corpus__ArticlesPath"] = articles;
        start.Environment["Corpus__IndexPath"] = index;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (lexicalOnly)
        {
            start.Environment["Semantic__Enabled"] = "false";
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakOf(process.Id));
            await Task.Delay(5);
        }

        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        await stdout;
        await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the command line failed: {await stderr}");
        }

        return (seconds, peak);
    }

    // VmHWM: the process's peak resident set, as the kernel counts it.
    private static long PeakOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }
}
