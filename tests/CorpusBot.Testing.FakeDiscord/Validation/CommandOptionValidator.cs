using System.Globalization;
using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Application command option rules (option structure, option types, choices, autocomplete).</summary>
internal static class CommandOptionValidator
{
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;
    private const int StringType = 3;
    private const int IntegerType = 4;
    private const int ChannelType = 7;
    private const int NumberType = 10;
    private const double MaxSafeInteger = 9007199254740991; // 2^53 - 1

    public enum Level
    {
        Command,
        Group,
        SubCommand,
    }

    public static void ValidateList(JsonElement options, string path, Level level, FormErrors errors)
    {
        if (options.ValueKind != JsonValueKind.Array)
        {
            errors.Reject(path, "BASE_TYPE_LIST", "options must be an array.");
            return;
        }

        if (options.GetArrayLength() > 25)
        {
            errors.Reject(path, "BASE_TYPE_MAX_LENGTH", $"Must be 25 or fewer in length (got {options.GetArrayLength()}).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var sawOptional = false;
        var sawSubcommand = false;
        var sawValue = false;
        var index = 0;
        foreach (var option in options.EnumerateArray())
        {
            var optionPath = FormErrors.Join(path, index.ToString(CultureInfo.InvariantCulture));
            index++;
            if (option.ValueKind != JsonValueKind.Object || Json.Integer(option, "type") is not { } type || type is < 1 or > 11)
            {
                errors.Reject(FormErrors.Join(optionPath, "type"), "BASE_TYPE_CHOICES", "Option type must be an integer from 1 to 11.");
                continue;
            }

            var isSub = type is SubCommand or SubCommandGroup;
            sawSubcommand |= isSub;
            sawValue |= !isSub;
            CheckNesting(type, level, optionPath, errors);
            ValidateOption(option, (int)type, optionPath, errors);

            var name = Json.String(option, "name");
            if (name is not null && !names.Add(name))
            {
                errors.Reject(FormErrors.Join(optionPath, "name"), "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", $"Option name \"{name}\" is used twice.");
            }

            if (!isSub)
            {
                var required = Json.IsTrue(option, "required");
                if (required && sawOptional)
                {
                    errors.Reject(FormErrors.Join(optionPath, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", $"Required option \"{name}\" comes after an optional option; required options must be listed first.");
                }

                sawOptional |= !required;
            }
        }

        if (sawSubcommand && sawValue)
        {
            errors.Reject(path, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommands/groups cannot be mixed with value options in the same list.");
        }
    }

    private static void CheckNesting(long type, Level level, string path, FormErrors errors)
    {
        var ok = level switch
        {
            Level.Command => true,
            Level.Group => type == SubCommand,
            _ => type is not (SubCommand or SubCommandGroup),
        };
        if (!ok)
        {
            errors.Reject(FormErrors.Join(path, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                level == Level.Group ? "A subcommand group may only contain subcommands." : "A subcommand cannot contain subcommands or groups.");
        }
    }

    private static void ValidateOption(JsonElement option, int type, string path, FormErrors errors)
    {
        if (CommandNames.ChatInputProblem(Json.String(option, "name")) is { } nameProblem)
        {
            errors.Reject(FormErrors.Join(path, "name"), "APPLICATION_COMMAND_INVALID_NAME", nameProblem);
        }

        CommandNames.Localizations(option, "name_localizations", path, CommandNames.ChatInputProblem, errors);
        if (CommandNames.LengthProblem(Json.String(option, "description"), 1, 100, "description") is { } descriptionProblem)
        {
            errors.Reject(FormErrors.Join(path, "description"), "BASE_TYPE_BAD_LENGTH", descriptionProblem);
        }

        CommandNames.Localizations(option, "description_localizations", path, d => CommandNames.LengthProblem(d, 1, 100, "description"), errors);
        var hasChoices = Json.HasValue(option, "choices", out var choices) && Json.ArrayLength(choices) > 0;
        var valued = type is StringType or IntegerType or NumberType;
        OnlyFor(option, "choices", valued, "STRING, INTEGER and NUMBER", path, errors);
        OnlyFor(option, "autocomplete", valued, "STRING, INTEGER and NUMBER", path, errors);
        OnlyFor(option, "min_value", type is IntegerType or NumberType, "INTEGER and NUMBER", path, errors);
        OnlyFor(option, "max_value", type is IntegerType or NumberType, "INTEGER and NUMBER", path, errors);
        OnlyFor(option, "min_length", type == StringType, "STRING", path, errors);
        OnlyFor(option, "max_length", type == StringType, "STRING", path, errors);
        OnlyFor(option, "channel_types", type == ChannelType, "CHANNEL", path, errors);
        OnlyFor(option, "options", type is SubCommand or SubCommandGroup, "SUB_COMMAND and SUB_COMMAND_GROUP", path, errors);
        OnlyFor(option, "required", type is not (SubCommand or SubCommandGroup), "non-subcommand", path, errors);
        if (hasChoices && Json.IsTrue(option, "autocomplete"))
        {
            errors.Reject(FormErrors.Join(path, "autocomplete"), "APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES", "autocomplete may not be true when choices are present.");
        }

        if (hasChoices && valued)
        {
            ValidateChoices(choices, type, FormErrors.Join(path, "choices"), errors);
        }

        Range(option, "min_length", 0, 6000, path, errors);
        Range(option, "max_length", 1, 6000, path, errors);
        if (type is SubCommand or SubCommandGroup && Json.HasValue(option, "options", out var nested))
        {
            ValidateList(nested, FormErrors.Join(path, "options"), type == SubCommandGroup ? Level.Group : Level.SubCommand, errors);
        }
    }

    private static void ValidateChoices(JsonElement choices, int type, string path, FormErrors errors)
    {
        if (choices.GetArrayLength() > 25)
        {
            errors.Reject(path, "BASE_TYPE_MAX_LENGTH", $"Must be 25 or fewer in length (got {choices.GetArrayLength()}).");
        }

        var index = 0;
        foreach (var choice in choices.EnumerateArray())
        {
            var choicePath = FormErrors.Join(path, index.ToString(CultureInfo.InvariantCulture));
            index++;
            if (CommandNames.LengthProblem(Json.String(choice, "name"), 1, 100, "choice name") is { } problem)
            {
                errors.Reject(FormErrors.Join(choicePath, "name"), "BASE_TYPE_BAD_LENGTH", problem);
            }

            Json.Has(choice, "value", out var value);
            var ok = type switch
            {
                StringType => value.ValueKind == JsonValueKind.String && Text.Length(value.GetString()) <= 100,
                IntegerType => Json.AsInteger(value) is { } n && Math.Abs((double)n) <= MaxSafeInteger,
                _ => value.ValueKind == JsonValueKind.Number,
            };
            if (!ok)
            {
                var expected = type switch { StringType => "a string of at most 100 characters", IntegerType => "an integer", _ => "a number" };
                errors.Reject(FormErrors.Join(choicePath, "value"), "BASE_TYPE_CHOICES", $"Choice value must be {expected} for option type {type} (got {(value.ValueKind == JsonValueKind.Undefined ? "nothing" : value.GetRawText())}).");
            }
        }
    }

    private static void OnlyFor(JsonElement option, string field, bool allowed, string types, string path, FormErrors errors)
    {
        if (!allowed && Json.HasValue(option, field, out _))
        {
            errors.Reject(FormErrors.Join(path, field), "APPLICATION_COMMAND_OPTION_FIELD_NOT_ALLOWED", $"{field} is only valid for {types} options.");
        }
    }

    private static void Range(JsonElement option, string field, long min, long max, string path, FormErrors errors)
    {
        if (Json.HasValue(option, field, out var value) && (Json.AsInteger(value) is not { } n || n < min || n > max))
        {
            errors.Reject(FormErrors.Join(path, field), "NUMBER_TYPE_MAX", $"{field} must be an integer from {min} to {max}.");
        }
    }
}
