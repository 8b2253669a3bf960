using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorpusBot.Discord;

/// <summary>Discord's JSON conventions: snake_case names, absent rather than null optional fields.</summary>
public static class DiscordJson
{
    /// <summary>The serializer options for every payload sent to or read from Discord.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNameCaseInsensitive = false,
    };

    /// <summary>Serialises a payload to UTF-8 JSON bytes.</summary>
    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads a payload.</summary>
    public static T? Deserialize<T>(JsonElement element) => element.Deserialize<T>(Options);
}
