using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>
/// The 8000-character budget of a CHAT_INPUT command: names, descriptions and choice values of the command,
/// its options (recursively) and choices; for localized fields only the longest variant counts.
/// </summary>
internal static class CommandSize
{
    public static int Of(JsonElement command) => Node(command);

    private static int Node(JsonElement node)
    {
        var total = Field(node, "name") + Field(node, "description");
        if (Json.HasValue(node, "choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in choices.EnumerateArray())
            {
                total += Field(choice, "name");
                if (Json.Has(choice, "value", out var value))
                {
                    total += value.ValueKind == JsonValueKind.String ? Text.Length(value.GetString()) : value.GetRawText().Length;
                }
            }
        }

        if (Json.HasValue(node, "options", out var options) && options.ValueKind == JsonValueKind.Array)
        {
            total += options.EnumerateArray().Sum(Node);
        }

        return total;
    }

    private static int Field(JsonElement obj, string name)
    {
        var longest = Text.Length(Json.String(obj, name));
        if (Json.HasValue(obj, name + "_localizations", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.String)
                {
                    longest = Math.Max(longest, Text.Length(entry.Value.GetString()));
                }
            }
        }

        return longest;
    }
}
