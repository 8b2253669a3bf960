using System.Text.Json;
using CorpusBot.Benchmarks.Quality;

namespace CorpusBot.Benchmarks.Highlighting;

/// <summary>A labelled question for the highlighter comparison: the documents (id prefixes) that answer it and the gold answer.</summary>
internal sealed record HighlightQuestion(string Q, IReadOnlyList<string> Documents, string Answer)
{
    public bool IsGold(string articleId) => Documents.Any(d => articleId.StartsWith(d, StringComparison.Ordinal));
}

/// <summary>The two labelled sets: our seed set over the bundled articles, and the real-text set over its cached collection.</summary>
internal static class HighlightQuestions
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The seed set (tests/CorpusBot.Search.Tests/Quality/seed-set.json) and the bundled articles (index/articles).</summary>
    public static (IReadOnlyList<HighlightQuestion> Questions, string Collection, string SetPath) Seeds()
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, "tests", "CorpusBot.Search.Tests", "Quality", "seed-set.json");
        var set = JsonSerializer.Deserialize<SeedSet>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException($"{path} holds no set");
        return ([.. set.Questions.Select(q => new HighlightQuestion(q.Q, q.Articles, q.Answer))], Path.Combine(root, "index", "articles"), path);
    }

    /// <summary>
    /// The real-text set (tests/CorpusBot.Benchmarks/Quality/real-set.json) over its collection (fetched once into the
    /// cache by <see cref="RealText.QualityCollection"/>), through the quality benchmark's own loader.
    /// </summary>
    public static (IReadOnlyList<HighlightQuestion> Questions, string Collection, string SetPath) Real(string? setPath, string? collection)
    {
        var path = setPath ?? RealSet.DefaultPath();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The real-text set {path} does not exist yet (it is built under tests/CorpusBot.Benchmarks/Quality/); run with --set seeds, or pass --real-set FILE.", path);
        }

        var set = RealSet.Load(path);
        return ([.. set.Questions.Select(q => new HighlightQuestion(q.Q, q.Documents, q.Answer))], collection ?? RealText.QualityCollection(), path);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CorpusBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CorpusBot.sln not found above the build output; run from the repository");
    }

    private sealed record SeedSet(IReadOnlyList<SeedQuestion> Questions);

    private sealed record SeedQuestion(string Q, IReadOnlyList<string> Articles, string Answer);
}
