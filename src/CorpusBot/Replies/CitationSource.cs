using CorpusBot.Search.Results;

namespace CorpusBot.Replies;

/// <summary>
/// How every front end names a citation's source: outlet · author · date, the parts that are known, in that order.
/// Built here once so the text line and the Discord footer cannot drift apart; each renderer only frames the parts
/// (the text line leads with the title, the footer stands alone) and formats them for its transport.
/// </summary>
public static class CitationSource
{
    /// <summary>Between the parts of a source (a middle dot, spaced).</summary>
    public const string Separator = " \u00B7 ";

    /// <summary>Said when a citation has no address, so that a missing link reads as unknown rather than forgotten.</summary>
    public const string NoAddress = "no source address known";

    /// <summary>Outlet, author and publication date, in that order; missing parts are left out, never guessed.</summary>
    public static IEnumerable<string> Parts(Citation citation) =>
        new[] { citation.Outlet, citation.Author, citation.Published }.OfType<string>();
}
