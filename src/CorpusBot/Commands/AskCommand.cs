using CorpusBot.Replies;
using CorpusBot.Search.Engine;

namespace CorpusBot.Commands;

/// <summary>ask: the passages that best answer a question, up to three sources.</summary>
public sealed class AskCommand(CorpusSearcher searcher)
{
    public const string Name = "ask";

    public Reply Execute(string question)
    {
        var result = searcher.Ask(question);
        var items = result.Citations.Select(c => new ReplyItem(c)).ToList();
        var message = Notes.Join(result.Notes);
        if (items.Count == 0)
        {
            return new Reply(Name, question, ReplyKind.NoResults, Notes.Join(result.Notes, "The collection doesn't say. Try other words, or /search for keywords."), items);
        }

        return result.Answered
            ? new Reply(Name, question, ReplyKind.Answer, message, items)
            : new Reply(Name, question, ReplyKind.NearMatch, Notes.Join(result.Notes, "The collection doesn't say; these articles come closest."), items);
    }
}
