namespace CorpusBot.Cli;

/// <summary>Where the command line writes, and settings layered over the configuration (tests use both).</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Settings)
{
    public static CliContext FromConsole() => new(Console.Out, Console.Error, new Dictionary<string, string?>());

    /// <summary>Emphasis with ANSI bold only when writing to a terminal that wants colour.</summary>
    public bool Ansi => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public bool ColorLogs => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
}
