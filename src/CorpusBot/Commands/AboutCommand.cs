using System.Globalization;
using CorpusBot.Replies;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Results;
using CorpusBot.Search.Semantic;

namespace CorpusBot.Commands;

/// <summary>about: the size of the collection and when the index last changed.</summary>
public sealed class AboutCommand(CorpusSearcher searcher, ISemanticRecall semantic)
{
    public const string Name = "about";

    public Reply Execute()
    {
        var stats = searcher.Stats();
        var message = $"CorpusBot answers questions about a collection of {stats.Articles} news articles, citing its sources.";
        return new Reply(Name, null, ReplyKind.Info, message, []) { Facts = [.. StatsFacts(stats), SemanticFact(semantic.Coverage)] };
    }

    /// <summary>How far semantic recall reaches, in one line: "ready: 24 of 24 passages", "building: …", "off: why".</summary>
    internal static ReplyFact SemanticFact(SemanticCoverage coverage) => new("Semantic recall", coverage.State switch
    {
        SemanticState.Ready => $"ready: {coverage.Embedded} of {coverage.Passages} passages have vectors",
        SemanticState.Building => $"building: {coverage.Embedded} of {coverage.Passages} passages have vectors. {coverage.Reason}",
        _ => $"off: {coverage.Reason}",
    });

    internal static IReadOnlyList<ReplyFact> StatsFacts(CorpusStats stats) =>
    [
        new("Articles", stats.Articles.ToString(CultureInfo.InvariantCulture)),
        new("Passages", stats.Passages.ToString(CultureInfo.InvariantCulture)),
        new("Last update", stats.LastUpdated?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "never"),
    ];
}
