using System.Text.Json;
using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Small helpers for reading loosely-typed JSON safely.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static bool Has(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value);
    }

    /// <summary>True when the property exists and is not null.</summary>
    public static bool HasValue(JsonElement obj, string name, out JsonElement value) =>
        Has(obj, name, out value) && value.ValueKind != JsonValueKind.Null;

    public static string? String(JsonElement obj, string name) =>
        Has(obj, name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long? Integer(JsonElement obj, string name) =>
        Has(obj, name, out var v) ? AsInteger(v) : null;

    public static long? AsInteger(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    public static bool IsTrue(JsonElement obj, string name) =>
        Has(obj, name, out var v) && v.ValueKind == JsonValueKind.True;

    public static int ArrayLength(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0;

    public static JsonElement Parse(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static JsonElement ToElement(JsonNode? node) =>
        node is null ? Parse("null") : Parse(node.ToJsonString(Compact));

    public static JsonNode? ToNode(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(element.GetRawText());

    /// <summary>Reads an integer from a node whatever CLR type backs it.</summary>
    public static long? IntOf(JsonNode? node) => node is null ? null : AsInteger(ToElement(node));

    public static string? StringOf(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var element = ToElement(node);
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    public static bool IsTrue(JsonNode? node) => node is not null && ToElement(node).ValueKind == JsonValueKind.True;
}
