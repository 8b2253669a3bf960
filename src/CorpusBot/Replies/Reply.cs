using CorpusBot.Search.Results;

namespace CorpusBot.Replies;

/// <summary>What kind of reply this is; front ends choose tone, visibility and exit codes from it.</summary>
public enum ReplyKind
{
    /// <summary>Results that answer the request.</summary>
    Answer,

    /// <summary>No exact answer; the items are the closest leads, labelled as such.</summary>
    NearMatch,

    /// <summary>Nothing in the collection matches.</summary>
    NoResults,

    /// <summary>Facts about the collection or an operation (stats, index updates).</summary>
    Info,

    /// <summary>The request itself was not usable (empty, malformed); the message says what to do.</summary>
    Invalid,

    /// <summary>The request was fine but could not be served; the message says so.</summary>
    Failed,
}

/// <summary>
/// The transport-neutral answer to a command (the commands' layer, <c>src/CorpusBot</c>): what every command returns.
/// The command line writes it as text or one JSON object (<c>Cli/TextReplyWriter</c>, <c>Cli/JsonReplyWriter</c>); for
/// Discord, <c>Bot/DiscordReplyRenderer</c> turns it into a <see cref="Discord.Models.MessagePayload"/>, which the
/// handler hands to the Discord layer inside an <see cref="Discord.Interactions.InteractionReply"/>. Nothing in it is
/// pre-formatted for one transport.
/// </summary>
/// <param name="Command">The command that produced it (ask, search, quote, article, index, about).</param>
/// <param name="Query">The person's input, as cleaned for searching (null for commands without input).</param>
/// <param name="Kind">What kind of reply this is.</param>
/// <param name="Message">A sentence for the person, or null when the items speak for themselves.</param>
/// <param name="Items">The cited results, best first.</param>
public sealed record Reply(string Command, string? Query, ReplyKind Kind, string? Message, IReadOnlyList<ReplyItem> Items)
{
    /// <summary>Named facts (counts, dates) for info replies.</summary>
    public IReadOnlyList<ReplyFact> Facts { get; init; } = [];

    /// <summary>Where this page sits in a paged result, when paged.</summary>
    public ReplyPaging? Paging { get; init; }

    /// <summary>The date filter and order a search ran with, so the next page can run the same way.</summary>
    public SearchFilter? Filter { get; init; }

    /// <summary>Shown to the person who asked alone, whatever its kind (a command that always answers privately).</summary>
    public bool AlwaysPrivate { get; init; }

    /// <summary>Errors and empty answers concern only the person who asked; so does everything a private command says.</summary>
    public bool IsPrivate => AlwaysPrivate || Kind is ReplyKind.Invalid or ReplyKind.Failed or ReplyKind.NoResults;

    /// <summary>
    /// The number a person sees beside the item at <paramref name="index"/> of <see cref="Items"/>, from 1. Numbering
    /// runs on across pages (the first item of page 2 of ten-a-page is 11) so that a number names one result.
    /// </summary>
    public int NumberOf(int index) => (Paging is { } paging ? (paging.Page - 1) * paging.PageSize : 0) + index + 1;
}

/// <summary>One cited result.</summary>
/// <param name="Citation">The source and its excerpt.</param>
/// <param name="Quotation">For quote look-ups: the whole quotation.</param>
/// <param name="Speaker">For quote look-ups: who said it, when the article says.</param>
public sealed record ReplyItem(Citation Citation, string? Quotation = null, string? Speaker = null);

/// <summary>A named value, such as "Articles: 3".</summary>
public sealed record ReplyFact(string Name, string Value);

/// <summary>Where a page sits: page number from 1, how many pages, and how many results in all.</summary>
public sealed record ReplyPaging(int Page, int TotalPages, int PageSize, int TotalResults);

/// <summary>Publication dates to keep (2021, 2021-05 or 2021-05-25; inclusive) and whether the newest come first.</summary>
public sealed record SearchFilter(string? From = null, string? To = null, bool Newest = false)
{
    public static SearchFilter None { get; } = new();
}
