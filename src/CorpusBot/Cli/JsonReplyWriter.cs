using System.Text.Encodings.Web;
using System.Text.Json;
using CorpusBot.Replies;

namespace CorpusBot.Cli;

/// <summary>
/// --json: exactly one JSON object on stdout:
/// {"command", "query", "message", "results": [{"article", "title", "url", "outlet", "author", "published", "excerpt", "score"}]},
/// every field present (null when unknown), the excerpt as plain text. A few extra fields follow the contract ones.
/// </summary>
internal static class JsonReplyWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static void Write(Reply reply, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("command", reply.Command);
            json.WriteString("query", reply.Query);
            json.WriteString("message", reply.Message);
            json.WriteStartArray("results");
            foreach (var item in reply.Items)
            {
                WriteItem(json, item);
            }

            json.WriteEndArray();
            json.WriteString("kind", reply.Kind.ToString().ToLowerInvariant());
            if (reply.Paging is { } paging)
            {
                json.WriteNumber("page", paging.Page);
                json.WriteNumber("pages", paging.TotalPages);
                json.WriteNumber("total", paging.TotalResults);
            }

            if (reply.Facts.Count > 0)
            {
                json.WriteStartObject("facts");
                foreach (var fact in reply.Facts)
                {
                    json.WriteString(fact.Name.ToLowerInvariant().Replace(' ', '_').Replace('-', '_'), fact.Value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Flush();
    }

    private static void WriteItem(Utf8JsonWriter json, ReplyItem item)
    {
        var c = item.Citation;
        json.WriteStartObject();
        json.WriteString("article", c.ArticleId);
        json.WriteString("title", c.Title);
        json.WriteString("url", c.Url);
        json.WriteString("outlet", c.Outlet);
        json.WriteString("author", c.Author);
        json.WriteString("published", c.Published);
        json.WriteString("excerpt", c.Excerpt.Text);
        json.WriteNumber("score", Math.Round(c.Score, 4));
        if (item.Quotation is not null)
        {
            json.WriteString("quotation", item.Quotation);
            json.WriteString("speaker", item.Speaker);
        }

        json.WriteStartArray("highlights");
        foreach (var span in c.Excerpt.Highlights)
        {
            json.WriteStartObject();
            json.WriteNumber("start", span.Start);
            json.WriteNumber("length", span.Length);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
