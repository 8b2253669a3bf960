using System.Globalization;
using System.Text;
using System.Text.Json;
using CorpusBot.Search.Articles;

namespace CorpusBot.Benchmarks.Quality;

/// <summary>
/// Runs every item of a labelled set on CorpusBot and the two FTS5 baselines over one collection, prints one
/// markdown table (per half: right article at top-1, answer in the excerpt; "doesn't say"; searches; quotes),
/// then CorpusBot's misses, and writes every outcome as JSON.
/// </summary>
internal static class QualityEvaluation
{
    public sealed record Options(string Collection, RealSet Set, bool Semantic, string ResultsPath, RealSetCheck.Minimums Minimums);

    /// <summary>One item's outcome on one engine.</summary>
    public sealed record Outcome(string Engine, string Item, string Query, string Expected, bool Right, bool Shown, string? Got);

    /// <summary>A row of the table: a measure and, per engine, how many of how many.</summary>
    public sealed record Row(string Measure, IReadOnlyList<(int Hits, int Of)?> Cells);

    public static async Task<int> RunAsync(Options options, TextWriter output)
    {
        var documents = await ReadDocumentsAsync(options.Collection);
        var problems = RealSetCheck.Problems(options.Set, documents, options.Minimums);
        if (problems.Count > 0)
        {
            output.WriteLine($"The labelled set does not match the documents ({problems.Count} problems):");
            foreach (var problem in problems)
            {
                output.WriteLine("  - " + problem);
            }

            return 1;
        }

        output.WriteLine($"Gold check: every answer, quote and quotation of the set occurs in its documents ({documents.Count} documents).");
        var work = Path.Combine(Path.GetTempPath(), "corpusbot-quality-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(work);
        try
        {
            var engines = new List<IQualityEngine>();
            try
            {
                engines.Add(await CorpusBotEngine.BuildAsync(options.Collection, Path.Combine(work, "lucene"), options.Semantic));
                engines.Add(await Fts5QualityEngine.BuildAsync(options.Collection, Path.Combine(work, "articles.db"), paragraphs: false));
                engines.Add(await Fts5QualityEngine.BuildAsync(options.Collection, Path.Combine(work, "paragraphs.db"), paragraphs: true));
                var outcomes = engines.SelectMany(e => Run(e, options.Set)).ToList();
                var rows = Table(engines, options.Set, outcomes);
                output.WriteLine();
                output.Write(Markdown(engines, rows));
                output.WriteLine();
                output.Write(Misses(engines[0].Name, outcomes));
                output.WriteLine(((CorpusBotEngine)engines[0]).LatencySummary());
                await WriteJsonAsync(options, engines, rows, outcomes);
                output.WriteLine($"JSON: {options.ResultsPath}");
                return 0;
            }
            finally
            {
                foreach (var engine in engines)
                {
                    engine.Dispose();
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Every document's body as the product reads it (front matter removed), by id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadDocumentsAsync(string collection)
    {
        var reader = new ArticleReader(5 << 20);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in ArticleFile.Scan(collection))
        {
            if ((await reader.ReadAsync(file)).Article is { } article)
            {
                documents[article.Id] = article.Body;
            }
        }

        return documents;
    }

    private static IEnumerable<Outcome> Run(IQualityEngine engine, RealSet set)
    {
        foreach (var question in set.Questions)
        {
            var answer = engine.Ask(question.Q);
            var right = answer.Article is not null && question.Documents.Contains(answer.Article);
            var shown = right && GoldText.Contains(answer.Excerpt, question.Answer);
            var got = answer.Answered ? $"{answer.Article}: {answer.Excerpt}" : $"doesn't say (leads: {string.Join(", ", answer.Leads)})";
            yield return new Outcome(engine.Name, $"ask:{question.Half}:{question.Kind}", question.Q, $"{string.Join(", ", question.Documents)}: {question.Answer}", right, shown, got);
        }

        foreach (var question in set.Unanswerable)
        {
            var answer = engine.Ask(question.Q);
            var got = answer.Answered ? $"{answer.Article}: {answer.Excerpt}" : "doesn't say";
            yield return new Outcome(engine.Name, "unanswerable", question.Q, "doesn't say", !answer.Answered, !answer.Answered, got);
        }

        foreach (var search in set.Searches)
        {
            var top = engine.TopOfSearch(search.Q);
            var right = top is not null && search.Documents.Contains(top);
            yield return new Outcome(engine.Name, "search", search.Q, string.Join(" or ", search.Documents), right, right, top ?? "nothing");
        }

        foreach (var quote in set.Quotes)
        {
            var found = engine.Quote(quote.Text);
            var every = found.Exact && quote.Documents.All(found.Articles.Contains);
            var whole = every && engine.Judges && found.Quotations.Count > 0 && found.Quotations.All(q => GoldText.Contains(q, quote.Quotation));
            var got = $"{(found.Exact ? "exact" : "near")} {string.Join(", ", found.Articles)}{(found.Quotations.Count > 0 ? ": " + string.Join(" | ", found.Quotations) : string.Empty)}";
            yield return new Outcome(engine.Name, "quote", quote.Text, $"{string.Join(", ", quote.Documents)}: …{quote.Quotation}…", every, whole, got);
        }
    }

    private static List<Row> Table(IReadOnlyList<IQualityEngine> engines, RealSet set, IReadOnlyList<Outcome> outcomes)
    {
        var rows = new List<Row>();
        foreach (var half in RealSet.Halves)
        {
            var label = half == "text" ? "text's words" : "other words";
            var n = set.Questions.Count(q => q.Half == half);
            rows.Add(Count($"ask, {label} ({n}): right article at top-1", o => o.Item.StartsWith($"ask:{half}:", StringComparison.Ordinal), o => o.Right, all: true));
            rows.Add(Count($"ask, {label} ({n}): answer in the excerpt", o => o.Item.StartsWith($"ask:{half}:", StringComparison.Ordinal), o => o.Shown, all: true));
        }

        rows.Add(Count($"unanswerable ({set.Unanswerable.Count}): \"doesn't say\"", o => o.Item == "unanswerable", o => o.Right, all: true));
        rows.Add(Count($"searches ({set.Searches.Count}): right article at top-1", o => o.Item == "search", o => o.Right, all: true));
        rows.Add(Count($"quotes ({set.Quotes.Count}): found, every source", o => o.Item == "quote", o => o.Right, all: true));
        rows.Add(Count($"quotes ({set.Quotes.Count}): whole quotation shown", o => o.Item == "quote", o => o.Shown, all: false));
        foreach (var kind in RealSet.Kinds)
        {
            var n = set.Questions.Count(q => q.Kind == kind);
            rows.Add(Count($"by kind: {kind} ({n}), answer in the excerpt", o => o.Item.EndsWith(":" + kind, StringComparison.Ordinal), o => o.Shown, all: true));
        }

        return rows;

        Row Count(string measure, Func<Outcome, bool> which, Func<Outcome, bool> good, bool all) =>
            new(measure, [.. engines.Select(e =>
            {
                if (!all && !e.Judges)
                {
                    return ((int, int)?)null;
                }

                var items = outcomes.Where(o => o.Engine == e.Name && which(o)).ToList();
                return (items.Count(good), items.Count);
            })]);
    }

    public static string Markdown(IReadOnlyList<IQualityEngine> engines, IReadOnlyList<Row> rows)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"| measure | {string.Join(" | ", engines.Select(e => e.Name))} |");
        table.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(engines.Select(_ => "---|"))}");
        foreach (var row in rows)
        {
            var cells = row.Cells.Select(c => c is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.Hits}/{v.Of} ({Percent(v.Hits, v.Of)} %)") : "n/a");
            table.AppendLine(CultureInfo.InvariantCulture, $"| {row.Measure} | {string.Join(" | ", cells)} |");
        }

        return table.ToString();
    }

    private static string Misses(string engine, IReadOnlyList<Outcome> outcomes)
    {
        var text = new StringBuilder();
        var misses = outcomes.Where(o => o.Engine == engine && !(o.Right && (o.Shown || o.Item == "search"))).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"Misses of {engine} ({misses.Count}):");
        foreach (var miss in misses)
        {
            var why = miss.Item switch
            {
                "quote" when miss.Right => "found, quotation not shown",
                "quote" => "not found at every source",
                "unanswerable" => "answered",
                "search" => "wrong first article",
                _ when !miss.Right => "wrong article or no answer",
                _ => "right article, answer not in the excerpt",
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"- [{miss.Item}] {why}: \"{miss.Query}\"");
            text.AppendLine(CultureInfo.InvariantCulture, $"  expected: {miss.Expected}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  shown:    {OneLine(miss.Got)}");
        }

        return text.ToString();
    }

    private static async Task WriteJsonAsync(Options options, IReadOnlyList<IQualityEngine> engines, IReadOnlyList<Row> rows, IReadOnlyList<Outcome> outcomes)
    {
        var json = new
        {
            date = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            collection = options.Collection,
            engines = engines.Select(e => e.Name),
            table = rows.Select(r => new { measure = r.Measure, cells = r.Cells.Select(c => c is { } v ? new { hits = v.Hits, of = v.Of } : null) }),
            outcomes = outcomes.Select(o => new { engine = o.Engine, item = o.Item, query = o.Query, expected = o.Expected, right = o.Right, shown = o.Shown, got = o.Got }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.ResultsPath))!);
        await File.WriteAllTextAsync(options.ResultsPath, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Percent(int hits, int of) => of == 0 ? "–" : (100.0 * hits / of).ToString("F0", CultureInfo.InvariantCulture);

    private static string OneLine(string? text) => text is null ? "nothing" : string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
