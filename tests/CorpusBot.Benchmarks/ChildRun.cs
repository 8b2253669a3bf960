using System.Diagnostics;
using System.Text.Json;

namespace CorpusBot.Benchmarks;

/// <summary>
/// Runs this benchmark program again as a new process (a fresh runtime, as after a restart) with one of its own
/// commands, and reads the JSON object that command prints as its last line.
/// </summary>
internal static class ChildRun
{
    public static async Task<T> RunAsync<T>(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CorpusBot.Benchmarks.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // The last line is the result; anything the child logged comes before it.
        var last = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        return (last is null ? default : JsonSerializer.Deserialize<T>(last))
            ?? throw new InvalidOperationException($"`{string.Join(' ', arguments)}` printed no result (exit code {process.ExitCode}): {await stderr}");
    }
}
