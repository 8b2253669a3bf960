using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CorpusBot.Search.Articles;

/// <summary>Reads an HTML page: metadata from its head, text from its article body (not menus or scripts).</summary>
internal static class HtmlArticleParser
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
        "button", "select", "input", "textarea", "figure", "menu", "dialog", "object", "embed", "canvas", "video", "audio",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "dd", "dt", "dl", "br", "hr", "address", "figcaption", "caption",
    };

    public static ParsedSource Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var fields = new SourceFields(
            Title: Meta(document, "meta[property='og:title']", "meta[name='twitter:title']") ?? Text(document.QuerySelector("title")) ?? Text(document.QuerySelector("h1")),
            Url: Attribute(document, "link[rel~='canonical']", "href") ?? Meta(document, "meta[property='og:url']"),
            Outlet: Meta(document, "meta[property='og:site_name']", "meta[name='application-name']"),
            Author: Meta(document, "meta[name='author']", "meta[property='article:author']", "meta[name='byl']") ?? Text(document.QuerySelector("[rel~='author'], [itemprop='author']")),
            Published: Meta(document, "meta[property='article:published_time']", "meta[itemprop='datePublished']", "meta[name='date']", "meta[name='pubdate']", "meta[name='publish-date']")
                ?? Attribute(document, "time[datetime]", "datetime"),
            Tags: document.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")?.Trim()).OfType<string>().Where(t => t.Length > 0).ToList());
        var author = fields.Author;
        if (author is not null && Uri.TryCreate(author, UriKind.Absolute, out _))
        {
            fields = fields with { Author = null };
        }

        var root = document.QuerySelector("article") ?? document.QuerySelector("[itemprop='articleBody']") ?? document.QuerySelector("main") ?? document.Body;
        var builder = new StringBuilder();
        if (root is not null)
        {
            AppendText(root, builder);
        }

        return new ParsedSource(fields, CollapseLines(builder.ToString()));
    }

    private static void AppendText(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when Dropped.Contains(element.LocalName) || element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true":
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    builder.Append('\n');
                    AppendText(element, builder);
                    builder.Append('\n');
                    break;
                case IElement element:
                    AppendText(element, builder);
                    break;
            }
        }
    }

    private static string CollapseLines(string text)
    {
        var lines = text.Split('\n')
            .Select(line => string.Join(' ', line.Split(' ', '\t', '\u00A0').Where(w => w.Length > 0)))
            .Where(line => line.Length > 0);
        return string.Join("\n\n", lines);
    }

    private static string? Meta(IDocument document, params string[] selectors) =>
        selectors.Select(s => document.QuerySelector(s)?.GetAttribute("content")?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static string? Attribute(IDocument document, string selector, string attribute)
    {
        var value = document.QuerySelector(selector)?.GetAttribute(attribute)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? Text(IElement? element)
    {
        var value = element?.TextContent.Trim();
        return string.IsNullOrEmpty(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
