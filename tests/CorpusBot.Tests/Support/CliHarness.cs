using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CorpusBot.Cli;

namespace CorpusBot.Tests.Support;

/// <summary>A temp articles folder (seeded from the repository) and index, and ways to run the command line on them.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness(bool seeds = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "corpusbot-cli-tests", Guid.NewGuid().ToString("n"));
        ArticlesPath = Path.Combine(Root, "articles");
        IndexPath = Path.Combine(Root, "index");
        Directory.CreateDirectory(ArticlesPath);
        if (seeds)
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryPath("index", "articles")))
            {
                File.Copy(file, Path.Combine(ArticlesPath, Path.GetFileName(file)));
            }
        }
    }

    public string Root { get; }

    public string ArticlesPath { get; }

    public string IndexPath { get; set; }

    /// <summary>Settings added to (or overriding) the harness's own.</summary>
    public Dictionary<string, string?> Extra { get; } = [];

    public Dictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Corpus:ArticlesPath"] = ArticlesPath,
        ["Corpus:IndexPath"] = IndexPath,
        ["Logging:LogLevel:Default"] = "Warning",
    }.Concat(Extra).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    /// <summary>Runs the command line in this process, capturing what it writes.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithinAsync(Timeout.InfiniteTimeSpan, args);

    /// <summary>Runs the command line in this process, cancelled after <paramref name="timeout"/> (for runs that might start the bot).</summary>
    public async Task<CliRun> RunWithinAsync(TimeSpan timeout, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var cancellation = new CancellationTokenSource(timeout);
        var code = await CliApp.RunAsync(args, new CliContext(output, error, Settings), cancellation.Token);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built CorpusBot.dll as its own process, as a script would; <see cref="Extra"/> goes in as environment variables.</summary>
    public async Task<CliRun> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CorpusBot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Corpus__ArticlesPath"] = ArticlesPath;
        start.Environment["Corpus__IndexPath"] = IndexPath;
        start.Environment.Remove("Discord__Token");
        foreach (var (key, value) in Extra)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A run that should have ended (a bot that should have refused to start) must not outlive the test.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    public string WriteArticle(string name, string content)
    {
        var path = Path.Combine(ArticlesPath, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string RepositoryPath(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CorpusBot.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? throw new InvalidOperationException("CorpusBot.sln not found"), .. parts]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>What stderr holds, line by line, without blank lines.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses stdout, which must be exactly one JSON object and nothing else.</summary>
    public JsonElement Json()
    {
        var bytes = Encoding.UTF8.GetBytes(Out);
        var reader = new Utf8JsonReader(bytes);
        using var document = JsonDocument.ParseValue(ref reader);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.True(string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(bytes.AsSpan((int)reader.BytesConsumed))), $"stdout holds more than one JSON value: {Out}");
        return document.RootElement.Clone();
    }
}
