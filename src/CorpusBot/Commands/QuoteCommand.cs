using CorpusBot.Replies;
using CorpusBot.Search.Engine;

namespace CorpusBot.Commands;

/// <summary>quote: where a quotation comes from, with the whole quotation and its source.</summary>
public sealed class QuoteCommand(CorpusSearcher searcher)
{
    public const string Name = "quote";

    public Reply Execute(string text)
    {
        var result = searcher.Quote(text);
        // A near match is a passage, not the quotation: it is never presented (or returned) as one.
        var items = result.Matches.Select(m => result.Exact ? new ReplyItem(m.Citation, m.Quotation, m.Speaker) : new ReplyItem(m.Citation)).ToList();
        if (items.Count == 0)
        {
            return new Reply(Name, text, ReplyKind.NoResults, Notes.Join(result.Notes, "No article in the collection contains that quotation or anything close to it."), items);
        }

        return result.Exact
            ? new Reply(Name, text, ReplyKind.Answer, Notes.Join(result.Notes), items)
            : new Reply(Name, text, ReplyKind.NearMatch, Notes.Join(result.Notes, "No exact match. The closest passage is below; it is not the quotation."), items);
    }
}
