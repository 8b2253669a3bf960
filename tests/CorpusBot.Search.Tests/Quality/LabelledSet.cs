using System.Text.Json;

namespace CorpusBot.Search.Tests.Quality;

/// <summary>Our own labelled questions, quotes and searches over the seed articles (Quality/seed-set.json).</summary>
public sealed record LabelledSet(
    IReadOnlyList<LabelledQuestion> Questions,
    IReadOnlyList<string> Unanswerable,
    IReadOnlyList<LabelledQuote> Quotes,
    IReadOnlyList<LabelledSearch> Searches)
{
    public static LabelledSet Load()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Quality", "seed-set.json"));
        return JsonSerializer.Deserialize<LabelledSet>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}

/// <summary>A question, the articles (id prefixes) whose passage answers it, and a phrase the excerpt must contain.</summary>
public sealed record LabelledQuestion(string Q, IReadOnlyList<string> Articles, string Answer);

/// <summary>A remembered quote, its sources, a part of the whole quotation, and who said it when the text says.</summary>
public sealed record LabelledQuote(string Text, IReadOnlyList<string> Articles, string Quotation, string? Speaker);

/// <summary>A keyword search (with typos or missing accents) and the articles it must find first.</summary>
public sealed record LabelledSearch(string Q, IReadOnlyList<string> Articles);
