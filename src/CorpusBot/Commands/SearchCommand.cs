using CorpusBot.Replies;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Querying;

namespace CorpusBot.Commands;

/// <summary>search: keyword search, one result per article, paged.</summary>
public sealed class SearchCommand(CorpusSearcher searcher)
{
    public const string Name = "search";
    public const int DefaultPageSize = 5;

    public Reply Execute(string query, int page = 1, int pageSize = DefaultPageSize, SearchFilter? filter = null)
    {
        filter ??= SearchFilter.None;
        var result = searcher.Search(query, page, pageSize, DateRange.Parse(filter.From, filter.To), filter.Newest);
        var items = result.Citations.Select(c => new ReplyItem(c)).ToList();
        var paging = new ReplyPaging(result.Page, result.TotalPages, result.PageSize, result.TotalArticles);
        if (items.Count == 0)
        {
            var lead = result.TotalArticles > 0 ? null : "Nothing in the collection matches. Try fewer or different words.";
            return new Reply(Name, query, ReplyKind.NoResults, Notes.Join(result.Notes, lead), items) { Paging = paging, Filter = filter };
        }

        return new Reply(Name, query, ReplyKind.Answer, Notes.Join(result.Notes), items) { Paging = paging, Filter = filter };
    }
}
