using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CorpusBot.Search.Articles;

/// <summary>Optional YAML front matter between two <c>---</c> lines at the top of a .txt or .md file.</summary>
internal static class FrontMatter
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = "title",
        ["headline"] = "title",
        ["url"] = "url",
        ["source"] = "url",
        ["link"] = "url",
        ["canonical"] = "url",
        ["outlet"] = "outlet",
        ["publication"] = "outlet",
        ["site"] = "outlet",
        ["publisher"] = "outlet",
        ["author"] = "author",
        ["byline"] = "author",
        ["authors"] = "author",
        ["published"] = "published",
        ["date"] = "published",
        ["published_at"] = "published",
        ["tags"] = "tags",
        ["topics"] = "tags",
    };

    public static ParsedSource Parse(string text, List<string> warnings)
    {
        var start = text.StartsWith("---\n", StringComparison.Ordinal) ? 4 : -1;
        if (start < 0)
        {
            return new ParsedSource(new SourceFields(), text);
        }

        var end = FindClosingLine(text, start);
        if (end.Start < 0)
        {
            warnings.Add("its front matter has no closing '---' line; read it all as text");
            return new ParsedSource(new SourceFields(), text);
        }

        var yaml = text[start..end.Start];
        var body = text[end.BodyStart..];
        try
        {
            return new ParsedSource(ReadFields(yaml), body);
        }
        catch (YamlException ex)
        {
            warnings.Add($"its front matter is not valid YAML (line {ex.Start.Line}); metadata ignored");
            return new ParsedSource(new SourceFields(), body);
        }
    }

    private static (int Start, int BodyStart) FindClosingLine(string text, int from)
    {
        var index = from;
        while (index < text.Length)
        {
            var lineEnd = text.IndexOf('\n', index);
            var line = lineEnd < 0 ? text[index..] : text[index..lineEnd];
            if (line.TrimEnd() is "---" or "...")
            {
                return (index, lineEnd < 0 ? text.Length : lineEnd + 1);
            }

            if (lineEnd < 0)
            {
                break;
            }

            index = lineEnd + 1;
        }

        return (-1, -1);
    }

    private static SourceFields ReadFields(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            return new SourceFields();
        }

        var values = new Dictionary<string, YamlNode>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key } && Aliases.TryGetValue(key, out var canonical))
            {
                values.TryAdd(canonical, valueNode);
            }
        }

        return new SourceFields(
            Scalar(values, "title"),
            Scalar(values, "url"),
            Scalar(values, "outlet"),
            Scalar(values, "author"),
            Scalar(values, "published"),
            List(values, "tags"));
    }

    private static string? Scalar(Dictionary<string, YamlNode> values, string key) => values.GetValueOrDefault(key) switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => string.Join(", ", sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value)),
        _ => null,
    };

    private static List<string>? List(Dictionary<string, YamlNode> values, string key) => values.GetValueOrDefault(key) switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim()).OfType<string>().Where(s => s.Length > 0)],
        YamlScalarNode { Value: { } value } => [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        _ => null,
    };
}
