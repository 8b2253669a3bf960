using System.Globalization;
using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Validates a bulk-overwrite body (array of application commands) against the documented rules and limits.</summary>
internal static class CommandValidator
{
    private const int ChatInput = 1;
    private const int User = 2;
    private const int Message = 3;
    private const int EntryPoint = 4;
    private const int MaxCommandSize = 8000;

    public static void ValidateList(JsonElement body, bool global, FormErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            errors.Reject("", "BASE_TYPE_LIST", "The body of a bulk overwrite must be a JSON array of commands.");
            return;
        }

        var seen = new HashSet<(long, string)>();
        var perType = new Dictionary<long, int>();
        var index = 0;
        foreach (var command in body.EnumerateArray())
        {
            var path = index.ToString(CultureInfo.InvariantCulture);
            index++;
            var type = ValidateCommand(command, path, global, errors);
            if (type is null)
            {
                continue;
            }

            perType[type.Value] = perType.GetValueOrDefault(type.Value) + 1;
            var name = Json.String(command, "name");
            if (name is not null && !seen.Add((type.Value, name)))
            {
                errors.Reject(FormErrors.Join(path, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", $"Command name \"{name}\" is used twice for command type {type}.");
            }
        }

        CheckCount(perType, ChatInput, 100, "CHAT_INPUT", errors);
        CheckCount(perType, User, 15, "USER", errors);
        CheckCount(perType, Message, 15, "MESSAGE", errors);
        CheckCount(perType, EntryPoint, global ? 1 : 0, "PRIMARY_ENTRY_POINT", errors);
    }

    private static void CheckCount(Dictionary<long, int> perType, int type, int max, string name, FormErrors errors)
    {
        if (perType.GetValueOrDefault(type) > max)
        {
            errors.Reject("", "APPLICATION_COMMANDS_TOO_MANY", $"At most {max} {name} commands are allowed in this scope (got {perType[type]}).");
        }
    }

    private static long? ValidateCommand(JsonElement command, string path, bool global, FormErrors errors)
    {
        if (command.ValueKind != JsonValueKind.Object)
        {
            errors.Reject(path, "MODEL_TYPE_CONVERT", "Each command must be an object.");
            return null;
        }

        var type = Json.Has(command, "type", out var typeElement) && typeElement.ValueKind != JsonValueKind.Null ? Json.AsInteger(typeElement) : ChatInput;
        if (type is not (ChatInput or User or Message or EntryPoint))
        {
            errors.Reject(FormErrors.Join(path, "type"), "BASE_TYPE_CHOICES", "Command type must be 1, 2, 3 or 4.");
            return null;
        }

        if (type == EntryPoint && !global)
        {
            errors.Reject(FormErrors.Join(path, "type"), "APPLICATION_COMMAND_ENTRY_POINT_GUILD", "PRIMARY_ENTRY_POINT commands cannot be guild commands.");
        }

        var name = Json.String(command, "name");
        Func<string?, string?> nameRule = type == ChatInput ? CommandNames.ChatInputProblem : n => CommandNames.LengthProblem(n, 1, 32, "name");
        if (nameRule(name) is { } nameProblem)
        {
            errors.Reject(FormErrors.Join(path, "name"), "APPLICATION_COMMAND_INVALID_NAME", nameProblem);
        }

        CommandNames.Localizations(command, "name_localizations", path, nameRule, errors);
        ValidateDescription(command, type.Value, path, errors);
        ValidateOptionsField(command, type.Value, path, errors);
        ValidateOtherFields(command, path, errors);
        if (type == ChatInput && CommandSize.Of(command) is var size && size > MaxCommandSize)
        {
            errors.Reject(path, "APPLICATION_COMMAND_TOO_LARGE", $"Command exceeds maximum size ({MaxCommandSize}); combined name/description/value length is {size}.");
        }

        return type;
    }

    private static void ValidateDescription(JsonElement command, long type, string path, FormErrors errors)
    {
        var descriptionPath = FormErrors.Join(path, "description");
        if (type == ChatInput)
        {
            if (CommandNames.LengthProblem(Json.String(command, "description"), 1, 100, "description") is { } problem)
            {
                errors.Reject(descriptionPath, "BASE_TYPE_BAD_LENGTH", problem);
            }

            CommandNames.Localizations(command, "description_localizations", path, d => CommandNames.LengthProblem(d, 1, 100, "description"), errors);
            return;
        }

        if (type is User or Message && Json.HasValue(command, "description", out var description)
            && !(description.ValueKind == JsonValueKind.String && description.GetString()!.Length == 0))
        {
            errors.Reject(descriptionPath, "APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED", "USER and MESSAGE commands cannot have a description (omit it or send an empty string).");
        }
    }

    private static void ValidateOptionsField(JsonElement command, long type, string path, FormErrors errors)
    {
        if (!Json.HasValue(command, "options", out var options))
        {
            return;
        }

        if (type != ChatInput)
        {
            if (Json.ArrayLength(options) > 0)
            {
                errors.Reject(FormErrors.Join(path, "options"), "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED", "Only CHAT_INPUT commands can have options.");
            }

            return;
        }

        CommandOptionValidator.ValidateList(options, FormErrors.Join(path, "options"), CommandOptionValidator.Level.Command, errors);
    }

    private static void ValidateOtherFields(JsonElement command, string path, FormErrors errors)
    {
        if (Json.HasValue(command, "default_member_permissions", out var permissions)
            && (permissions.ValueKind != JsonValueKind.String || !ulong.TryParse(permissions.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            errors.Reject(FormErrors.Join(path, "default_member_permissions"), "BASE_TYPE_STRING",
                $"default_member_permissions must be a string holding a permission bit set, or null (got {permissions.GetRawText()}).");
        }

        foreach (var flag in new[] { "dm_permission", "nsfw", "default_permission" })
        {
            if (Json.HasValue(command, flag, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Reject(FormErrors.Join(path, flag), "BASE_TYPE_BOOLEAN", $"{flag} must be a boolean.");
            }
        }

        IntegerList(command, "contexts", [0, 1, 2], path, errors);
        IntegerList(command, "integration_types", [0, 1], path, errors);
    }

    private static void IntegerList(JsonElement command, string field, long[] allowed, string path, FormErrors errors)
    {
        if (!Json.HasValue(command, field, out var list))
        {
            return;
        }

        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(v => Json.AsInteger(v) is not { } n || !allowed.Contains(n)))
        {
            errors.Reject(FormErrors.Join(path, field), "BASE_TYPE_CHOICES", $"{field} must be an array of values from ({string.Join(", ", allowed)}).");
        }
    }
}
