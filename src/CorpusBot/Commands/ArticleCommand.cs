using CorpusBot.Replies;
using CorpusBot.Search.Engine;

namespace CorpusBot.Commands;

/// <summary>article: an article by id or title, with its opening and source.</summary>
public sealed class ArticleCommand(CorpusSearcher searcher)
{
    public const string Name = "article";

    public Reply Execute(string idOrTitle)
    {
        var result = searcher.Article(idOrTitle);
        if (result.Article is null)
        {
            return new Reply(Name, idOrTitle, ReplyKind.NoResults, "No article has that id or title. Try /search with a few words from it.", []);
        }

        var items = result.Alternatives.Prepend(result.Article).Select(c => new ReplyItem(c)).ToList();
        var message = result.Alternatives.Count > 0 ? "Other articles with similar titles follow the first." : null;
        return new Reply(Name, idOrTitle, ReplyKind.Answer, message, items);
    }
}
