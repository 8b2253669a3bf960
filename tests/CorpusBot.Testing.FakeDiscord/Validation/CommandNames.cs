using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>
/// CHAT_INPUT command and option naming (application commands, "Application Command Naming"):
/// 1-32 of <c>-</c>, <c>_</c>, <c>'</c>, letters, numbers, Devanagari or Thai, using the lowercase form of any cased letter.
/// </summary>
internal static class CommandNames
{
    public static string? ChatInputProblem(string? name)
    {
        if (name is null)
        {
            return "name is required";
        }

        var count = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            count++;
            if (!IsAllowed(rune))
            {
                return $"\"{name}\" contains '{rune}', which the naming regex does not allow (letters, numbers, -, _, ' only)";
            }

            if (Rune.ToLowerInvariant(rune) != rune)
            {
                return $"\"{name}\" contains upper-case '{rune}'; use the lowercase form";
            }
        }

        return count is < 1 or > 32 ? $"\"{name}\" must be 1 to 32 characters (got {count})" : null;
    }

    public static string? LengthProblem(string? name, int min, int max, string what)
    {
        if (name is null)
        {
            return $"{what} is required";
        }

        var length = Text.Length(name);
        return length < min || length > max ? $"{what} must be {min} to {max} characters (got {length})" : null;
    }

    /// <summary>Checks the values of a <c>*_localizations</c> dictionary with the same rule as the default field.</summary>
    public static void Localizations(JsonElement obj, string field, string path, Func<string?, string?> rule, FormErrors errors)
    {
        if (!Json.HasValue(obj, field, out var map))
        {
            return;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            errors.Reject(FormErrors.Join(path, field), "DICT_TYPE_CONVERT", $"{field} must be an object keyed by locale.");
            return;
        }

        foreach (var entry in map.EnumerateObject())
        {
            var value = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : null;
            if (rule(value) is { } problem)
            {
                errors.Reject(FormErrors.Join(FormErrors.Join(path, field), entry.Name), "APPLICATION_COMMAND_INVALID_LOCALIZATION", problem);
            }
        }
    }

    private static bool IsAllowed(Rune rune)
    {
        if (rune.Value is '-' or '_' or '\'')
        {
            return true;
        }

        if (rune.Value is (>= 0x0900 and <= 0x097F) or (>= 0x0E00 and <= 0x0E7F))
        {
            return true; // Devanagari and Thai scripts
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}
