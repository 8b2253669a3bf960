using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>
/// The project's own rule (not a Discord limit): every message the bot sends must carry
/// <c>"allowed_mentions": {"parse": []}</c> with no explicit users/roles, so no echoed text can ping anyone.
/// </summary>
internal static class AllowedMentionsRule
{
    public const string Category = "allowed_mentions rule";

    /// <returns>null when the body complies, otherwise the reason.</returns>
    public static string? Check(JsonElement message)
    {
        if (!Json.HasValue(message, "allowed_mentions", out var mentions))
        {
            return "allowed_mentions is missing";
        }

        if (mentions.ValueKind != JsonValueKind.Object)
        {
            return "allowed_mentions is not an object";
        }

        if (!Json.HasValue(mentions, "parse", out var parse) || parse.ValueKind != JsonValueKind.Array)
        {
            return "allowed_mentions.parse is missing (it must be an empty array)";
        }

        if (parse.GetArrayLength() != 0)
        {
            return $"allowed_mentions.parse is {parse.GetRawText()} (it must be [])";
        }

        foreach (var list in new[] { "users", "roles" })
        {
            if (Json.Has(mentions, list, out var ids) && Json.ArrayLength(ids) > 0)
            {
                return $"allowed_mentions.{list} is {ids.GetRawText()} (it must be absent or empty)";
            }
        }

        return null;
    }
}
