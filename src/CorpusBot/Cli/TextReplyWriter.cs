using CorpusBot.Replies;
using CorpusBot.Search.Results;

namespace CorpusBot.Cli;

/// <summary>Human output: each result's excerpt with the matched words emphasised, then its source line.</summary>
internal static class TextReplyWriter
{
    public static void Write(Reply reply, TextWriter output, bool ansi)
    {
        var (open, close) = ansi ? ("\u001b[1m", "\u001b[22m") : ("*", "*");
        if (reply.Message is not null)
        {
            output.WriteLine(reply.Message);
        }

        for (var i = 0; i < reply.Items.Count; i++)
        {
            var item = reply.Items[i];
            var citation = item.Citation;
            output.WriteLine();
            output.WriteLine($"{reply.NumberOf(i)}. {citation.Title}");
            var excerpt = citation.Excerpt.Render(open, close);
            output.WriteLine(Indent(item.Quotation is null ? excerpt : $"\u201C{excerpt}\u201D"));
            if (item.Speaker is not null)
            {
                output.WriteLine($"   \u2014 {item.Speaker}");
            }

            output.WriteLine($"   Source: {SourceLine(citation)}");
        }

        if (reply.Paging is { TotalPages: > 1 } paging)
        {
            output.WriteLine();
            var next = paging.Page < paging.TotalPages ? $" Next: --page {paging.Page + 1}" : string.Empty;
            output.WriteLine($"Page {paging.Page} of {paging.TotalPages} ({Plural.Count(paging.TotalResults, "article")}).{next}");
        }

        var facts = reply.Facts.Where(f => f.Value.Length > 0).ToList();
        if (facts.Count > 0)
        {
            var width = facts.Max(f => f.Name.Length) + 1;
            foreach (var fact in facts)
            {
                output.WriteLine($"  {(fact.Name + ":").PadRight(width)} {fact.Value}");
            }
        }

        output.Flush();
    }

    /// <summary>Title, outlet, author and date, then the address; missing parts are left out, never guessed.</summary>
    public static string SourceLine(Citation citation)
    {
        var line = string.Join(CitationSource.Separator, CitationSource.Parts(citation).Prepend(citation.Title));
        return citation.Url is null ? $"{line} ({CitationSource.NoAddress})" : $"{line} \u2014 {citation.Url}";
    }

    private static string Indent(string text) => "   " + text;
}
