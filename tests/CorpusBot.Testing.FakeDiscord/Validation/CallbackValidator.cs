using System.Globalization;
using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Validates an interaction response body (receiving-and-responding: callback types and callback data).</summary>
internal static class CallbackValidator
{
    public static string Name(int callbackType) => callbackType switch
    {
        1 => "PONG",
        4 => "CHANNEL_MESSAGE_WITH_SOURCE",
        5 => "DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE",
        6 => "DEFERRED_UPDATE_MESSAGE",
        7 => "UPDATE_MESSAGE",
        8 => "APPLICATION_COMMAND_AUTOCOMPLETE_RESULT",
        9 => "MODAL",
        10 => "PREMIUM_REQUIRED",
        12 => "LAUNCH_ACTIVITY",
        _ => "unknown",
    };

    /// <summary>Which callback types an interaction type accepts.</summary>
    public static int[] AllowedTypes(int interactionType, bool hasMessage) => interactionType switch
    {
        1 => [1],
        2 => [4, 5, 9],
        3 => [4, 5, 6, 7, 9],
        4 => [8],
        5 => hasMessage ? [4, 5, 6, 7] : [4, 5],
        _ => [],
    };

    /// <returns>The callback type, or null when the body has none.</returns>
    public static int? Validate(JsonElement body, int interactionType, bool hasMessage, MessageSnapshot? componentMessage, FormErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object || Json.Integer(body, "type") is not { } type64)
        {
            errors.Reject("type", "BASE_TYPE_REQUIRED", "The interaction response needs an integer type.");
            return null;
        }

        var type = (int)type64;
        var allowed = AllowedTypes(interactionType, hasMessage);
        if (!allowed.Contains(type))
        {
            errors.Reject("type", "INTERACTION_CALLBACK_TYPE_INVALID",
                $"Callback type {type} ({Name(type)}) is not valid for interaction type {interactionType}; allowed: {string.Join(", ", allowed)}.");
            return type;
        }

        Json.Has(body, "data", out var data);
        switch (type)
        {
            case 4:
                MessageValidator.Validate(data.ValueKind == JsonValueKind.Undefined ? Json.Parse("{}") : data, MessageKind.CallbackMessage, "data", null, errors);
                break;
            case 7 when data.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null):
                MessageValidator.Validate(data, MessageKind.CallbackUpdate, "data", componentMessage, errors);
                break;
            case 5:
                if (Json.Integer(data, "flags") is { } flags && (flags & ~MessageFlags.Ephemeral) != 0)
                {
                    errors.Reject("data.flags", "INTERACTION_DEFERRED_FLAGS_INVALID", $"With type 5 only the EPHEMERAL flag (64) may be set (got {flags}).");
                }

                break;
            case 8:
                Autocomplete(data, errors);
                break;
            case 9:
                Modal(data, errors);
                break;
        }

        return type;
    }

    private static void Autocomplete(JsonElement data, FormErrors errors)
    {
        if (!Json.HasValue(data, "choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
        {
            errors.Reject("data.choices", "BASE_TYPE_REQUIRED", "An autocomplete result needs a choices array.");
            return;
        }

        if (choices.GetArrayLength() > 25)
        {
            errors.Reject("data.choices", "BASE_TYPE_MAX_LENGTH", $"Must be 25 or fewer in length (got {choices.GetArrayLength()}).");
        }

        var index = 0;
        foreach (var choice in choices.EnumerateArray())
        {
            var path = "data.choices." + index.ToString(CultureInfo.InvariantCulture);
            index++;
            var name = Json.String(choice, "name");
            if (name is null || Text.Length(name) is < 1 or > 100)
            {
                errors.Reject(path + ".name", "BASE_TYPE_BAD_LENGTH", $"Choice name must be 1 to 100 characters (got {(name is null ? "none" : Text.Length(name).ToString(CultureInfo.InvariantCulture))}).");
            }

            if (!Json.HasValue(choice, "value", out var value))
            {
                errors.Reject(path + ".value", "BASE_TYPE_REQUIRED", "This field is required.");
            }
            else if (value.ValueKind == JsonValueKind.String && Text.Length(value.GetString()) > 100)
            {
                errors.Reject(path + ".value", "BASE_TYPE_MAX_LENGTH", $"String choice values must be 100 or fewer in length (got {Text.Length(value.GetString())}).");
            }
            else if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                errors.Reject(path + ".value", "BASE_TYPE_CHOICES", "Choice value must be a string, integer or double.");
            }
        }
    }

    private static void Modal(JsonElement data, FormErrors errors)
    {
        var customId = Json.String(data, "custom_id");
        if (customId is null || Text.Length(customId) is < 1 or > 100)
        {
            errors.Reject("data.custom_id", "BASE_TYPE_BAD_LENGTH", "Modal custom_id must be 1 to 100 characters.");
        }

        var title = Json.String(data, "title");
        if (title is null || Text.Length(title) is < 1 or > 45)
        {
            errors.Reject("data.title", "BASE_TYPE_BAD_LENGTH", "Modal title must be 1 to 45 characters.");
        }

        var count = Json.Has(data, "components", out var components) ? Json.ArrayLength(components) : 0;
        if (count is < 1 or > 5)
        {
            errors.Reject("data.components", "BASE_TYPE_BAD_LENGTH", $"A modal needs 1 to 5 components (got {count}).");
        }
    }
}
