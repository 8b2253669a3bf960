using System.Text.Json;
using System.Text.RegularExpressions;
using CorpusBot.Search.Text;

namespace CorpusBot.Benchmarks.Quality;

/// <summary>The labelled set over real text (Quality/real-set.json): questions, unanswerable questions, searches and quotes.</summary>
internal sealed record RealSet(
    IReadOnlyList<RealQuestion> Questions,
    IReadOnlyList<RealUnanswerable> Unanswerable,
    IReadOnlyList<RealSearch> Searches,
    IReadOnlyList<RealQuote> Quotes)
{
    /// <summary>The two halves of the questions: in the text's own words, and in a reader's other words.</summary>
    public static IReadOnlyList<string> Halves { get; } = ["text", "other"];

    /// <summary>The kinds of answer a question asks for.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["number", "date", "name", "place", "reason"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static RealSet Load(string path) =>
        JsonSerializer.Deserialize<RealSet>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException($"{path} holds no set");

    /// <summary>The committed set, found from the build output by walking up to the repository root.</summary>
    public static string DefaultPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CorpusBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("CorpusBot.sln not found above the build output; pass --set FILE")
            : Path.Combine(directory.FullName, "tests", "CorpusBot.Benchmarks", "Quality", "real-set.json");
    }
}

/// <summary>A question, which half it belongs to, the kind of answer, the documents that answer it and the gold answer (verbatim in each).</summary>
internal sealed record RealQuestion(string Q, string Half, string Kind, IReadOnlyList<string> Documents, string Answer);

/// <summary>A plausible question the collection does not answer, and the nearest thing it does say.</summary>
internal sealed record RealUnanswerable(string Q, string? Near);

/// <summary>A keyword search and the documents one of which must come first.</summary>
internal sealed record RealSearch(string Q, IReadOnlyList<string> Documents);

/// <summary>A remembered fragment, every document that carries it, and a part of the whole quotation to be shown.</summary>
internal sealed record RealQuote(string Text, IReadOnlyList<string> Documents, string Quotation);

/// <summary>How answers are compared with gold strings: case, curly/straight quotes, dashes and whitespace do not matter.</summary>
internal static partial class GoldText
{
    public static string Fold(string text) => Spaces().Replace(TextNormalizer.Normalize(text), " ").Trim().ToLowerInvariant();

    public static bool Contains(string? text, string expected) =>
        text is not null && Fold(text).Contains(Fold(expected), StringComparison.Ordinal);

    /// <summary>The words of a text (letters and digits), folded, for order-only comparisons that ignore punctuation.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        [.. WordPattern().Matches(Fold(text)).Select(m => m.Value)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
