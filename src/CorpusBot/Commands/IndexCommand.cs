using System.Globalization;
using CorpusBot.Replies;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Indexing;
using CorpusBot.Semantic;

namespace CorpusBot.Commands;

/// <summary>index: brings the index up to date with the articles folder and reports what changed.</summary>
public sealed class IndexCommand(CorpusIndexer indexer, CorpusSearcher searcher, SemanticIndex semantic)
{
    public const string Name = "index";

    /// <summary>
    /// Updates the index; with <paramref name="embed"/> (the command line) also embeds the passages that have no
    /// vector yet, in the foreground, logging progress.
    /// </summary>
    public async Task<Reply> ExecuteAsync(bool embed, CancellationToken cancellationToken)
    {
        var report = await indexer.UpdateAsync(cancellationToken);
        var merged = await indexer.MergeIfDueAsync(cancellationToken);
        var coverage = embed ? await semantic.BuildAsync(cancellationToken) : semantic.Coverage;
        var stats = searcher.Stats();
        var message = report.ReadOnly
            ? "Another CorpusBot process is updating this index, so nothing was changed from here."
            : report.HasChanges
                ? $"Re-indexed {Plural.Count(report.Reindexed, "article")}: {report.Added.Count} added, {report.Changed.Count} changed, {report.Removed.Count} removed; {report.Unchanged} unchanged."
                : $"The index is up to date: 0 articles re-indexed, {report.Unchanged} unchanged.";
        if (report.Skipped.Count > 0)
        {
            message += $" Skipped {Plural.Count(report.Skipped.Count, "file")} (see the warnings).";
        }

        var facts = new List<ReplyFact>
        {
            new("Re-indexed", report.Reindexed.ToString(CultureInfo.InvariantCulture)),
            new("Added", Listed(report.Added, ", ")),
            new("Changed", Listed(report.Changed, ", ")),
            new("Removed", Listed(report.Removed, ", ")),
            new("Unchanged", report.Unchanged.ToString(CultureInfo.InvariantCulture)),
            new("Skipped", Listed([.. report.Skipped.Select(s => $"{Path.GetFileName(s.Path)}: {s.Reason}")], "; ")),
            new("Took", $"{report.Elapsed.TotalMilliseconds:F0} ms"),
        };
        if (merged is { } mergeTime)
        {
            facts.Add(new("Merged into one segment", $"{mergeTime.TotalMilliseconds:F0} ms"));
        }

        facts.AddRange(AboutCommand.StatsFacts(stats));
        facts.Add(AboutCommand.SemanticFact(coverage));
        return new Reply(Name, null, ReplyKind.Info, message, []) { Facts = facts };
    }

    /// <summary>Most lists shown in full; a first build of thousands of articles is not a list anyone reads.</summary>
    public const int MaxListed = 20;

    private static string Listed(IReadOnlyList<string> items, string separator) =>
        items.Count <= MaxListed
            ? string.Join(separator, items)
            : $"{string.Join(separator, items.Take(MaxListed))}{separator}\u2026 and {items.Count - MaxListed} more";
}
