namespace CorpusBot.Search.Results;

/// <summary>One page of keyword-search results, one citation per article.</summary>
/// <param name="Citations">The articles on this page, best first.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Results per page.</param>
/// <param name="TotalArticles">How many articles matched in all.</param>
/// <param name="Notes">Things the person should know (query shortened, words ignored…).</param>
public sealed record SearchResults(IReadOnlyList<Citation> Citations, int Page, int PageSize, int TotalArticles, IReadOnlyList<string> Notes)
{
    /// <summary>How many pages the results fill.</summary>
    public int TotalPages => TotalArticles == 0 ? 0 : ((TotalArticles - 1) / PageSize) + 1;
}

/// <summary>The passages that best answer a question, each from a different article.</summary>
/// <param name="Citations">Up to three sources, best first.</param>
/// <param name="Answered">False when the collection does not seem to say; the citations are then only leads.</param>
/// <param name="Notes">Things the person should know.</param>
public sealed record AskResult(IReadOnlyList<Citation> Citations, bool Answered, IReadOnlyList<string> Notes)
{
    /// <summary>How far semantic recall reached for this answer; null when none is installed.</summary>
    public Semantic.SemanticCoverage? Semantic { get; init; }
}

/// <summary>A quotation found in an article.</summary>
/// <param name="Citation">The source, with the quotation as its excerpt.</param>
/// <param name="Quotation">The whole quotation: the span between its quotation marks, or its sentence.</param>
/// <param name="Speaker">Who the text says said it, when it says.</param>
public sealed record QuoteMatch(Citation Citation, string Quotation, string? Speaker);

/// <summary>The sources of a quotation.</summary>
/// <param name="Matches">One match per article.</param>
/// <param name="Exact">False when nothing matched exactly and the matches are only the closest passages.</param>
/// <param name="Notes">Things the person should know.</param>
public sealed record QuoteResult(IReadOnlyList<QuoteMatch> Matches, bool Exact, IReadOnlyList<string> Notes);

/// <summary>An article looked up by id or title.</summary>
/// <param name="Article">The article found (its opening as the excerpt), or null.</param>
/// <param name="Alternatives">Other articles whose titles also match.</param>
public sealed record ArticleResult(Citation? Article, IReadOnlyList<Citation> Alternatives);

/// <summary>The size and freshness of the collection.</summary>
/// <param name="Articles">Articles in the index.</param>
/// <param name="Passages">Passages in the index.</param>
/// <param name="LastUpdated">When the index last changed.</param>
public sealed record CorpusStats(int Articles, int Passages, DateTimeOffset? LastUpdated);
