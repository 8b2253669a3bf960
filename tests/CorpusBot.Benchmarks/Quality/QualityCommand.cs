namespace CorpusBot.Benchmarks.Quality;

/// <summary>
/// <c>quality [--no-semantic] [--collection DIR] [--set FILE]</c>: fetches and writes the quality collection (cached),
/// checks the committed labelled set against it (fails loudly when a gold answer is not in its document), then
/// measures CorpusBot beside the two FTS5 baselines and writes quality-results.json next to the cache.
/// </summary>
internal static class QualityCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var collection = Value("--collection") ?? RealText.QualityCollection();
        var setPath = Value("--set") ?? RealSet.DefaultPath();
        var set = RealSet.Load(setPath);
        output.WriteLine($"Quality: {set.Questions.Count} questions, {set.Unanswerable.Count} unanswerable, {set.Searches.Count} searches, {set.Quotes.Count} quotes ({setPath}); collection {collection}");
        var options = new QualityEvaluation.Options(
            collection,
            set,
            Semantic: !args.Contains("--no-semantic"),
            Path.Combine(RealText.CacheRoot, "quality-results.json"),
            Value("--set") is null ? RealSetCheck.Minimums.Committed : RealSetCheck.Minimums.None);
        return await QualityEvaluation.RunAsync(options, output);
    }
}
