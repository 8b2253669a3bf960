using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Checks an Identify <c>presence</c> against the Gateway Presence Update structure of gateway-events.md.</summary>
internal static class PresenceValidator
{
    private static readonly string[] Statuses = ["online", "dnd", "idle", "invisible", "offline"];

    /// <summary>One sentence per problem (without the connection prefix); empty when the presence is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonElement presence)
    {
        if (presence.ValueKind != JsonValueKind.Object)
        {
            return [$"Identify presence must be an object (got {presence.ValueKind.ToString().ToLowerInvariant()})."];
        }

        var problems = new List<string>();
        CheckStatus(presence, problems);
        CheckActivities(presence, problems);
        CheckSince(presence, problems);
        CheckAfk(presence, problems);
        return problems;
    }

    private static void CheckStatus(JsonElement presence, List<string> problems)
    {
        var status = Json.String(presence, "status");
        if (status is null || !Statuses.Contains(status, StringComparer.Ordinal))
        {
            problems.Add($"Identify presence.status must be one of {string.Join(", ", Statuses)} (got {Raw(presence, "status")}).");
        }
    }

    private static void CheckActivities(JsonElement presence, List<string> problems)
    {
        if (!Json.Has(presence, "activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"Identify presence.activities must be an array of activity objects (got {Raw(presence, "activities")}).");
            return;
        }

        var index = 0;
        foreach (var activity in activities.EnumerateArray())
        {
            CheckActivity(activity, index++, problems);
        }
    }

    private static void CheckActivity(JsonElement activity, int index, List<string> problems)
    {
        var where = $"Identify presence.activities[{index}]";
        if (activity.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} must be an activity object (got {activity.GetRawText()}).");
            return;
        }

        if (Json.String(activity, "name") is null)
        {
            problems.Add($"{where}.name must be a string (got {Raw(activity, "name")}).");
        }

        if (Json.Integer(activity, "type") is not (>= 0 and <= 5))
        {
            problems.Add($"{where}.type must be an activity type 0..5 (0 Playing, 1 Streaming, 2 Listening, 3 Watching, 4 Custom, 5 Competing; got {Raw(activity, "type")}).");
        }
    }

    private static void CheckSince(JsonElement presence, List<string> problems)
    {
        var ok = Json.Has(presence, "since", out var since) && (since.ValueKind == JsonValueKind.Null || Json.AsInteger(since) is not null);
        if (!ok)
        {
            problems.Add($"Identify presence.since must be null or an integer (Unix time in milliseconds; got {Raw(presence, "since")}).");
        }
    }

    private static void CheckAfk(JsonElement presence, List<string> problems)
    {
        var ok = Json.Has(presence, "afk", out var afk) && afk.ValueKind is JsonValueKind.True or JsonValueKind.False;
        if (!ok)
        {
            problems.Add($"Identify presence.afk must be a boolean (got {Raw(presence, "afk")}).");
        }
    }

    private static string Raw(JsonElement obj, string name) => Json.Has(obj, name, out var value) ? value.GetRawText() : "nothing";
}
