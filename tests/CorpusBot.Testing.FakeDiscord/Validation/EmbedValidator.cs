using System.Globalization;
using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Embed limits (message resource, "Embed Limits"); lengths are measured after trimming whitespace.</summary>
internal static class EmbedValidator
{
    private const int MaxEmbeds = 10;
    private const int MaxTitle = 256;
    private const int MaxDescription = 4096;
    private const int MaxFields = 25;
    private const int MaxFieldName = 256;
    private const int MaxFieldValue = 1024;
    private const int MaxFooter = 2048;
    private const int MaxAuthor = 256;
    private const int MaxTotal = 6000;

    public static void Validate(JsonElement embeds, string path, FormErrors errors)
    {
        if (embeds.ValueKind != JsonValueKind.Array)
        {
            errors.Reject(path, "BASE_TYPE_LIST", "embeds must be an array.");
            return;
        }

        if (embeds.GetArrayLength() > MaxEmbeds)
        {
            errors.Reject(path, "BASE_TYPE_MAX_LENGTH", $"Must be {MaxEmbeds} or fewer in length (got {embeds.GetArrayLength()}).");
        }

        var total = 0;
        var index = 0;
        foreach (var embed in embeds.EnumerateArray())
        {
            total += ValidateEmbed(embed, FormErrors.Join(path, index.ToString(CultureInfo.InvariantCulture)), errors);
            index++;
        }

        if (total > MaxTotal)
        {
            errors.Reject(path, "MESSAGE_EMBEDS_TOO_LONG", $"Embed size exceeds maximum size of {MaxTotal} (got {total} across all embeds).");
        }
    }

    /// <returns>The number of characters this embed contributes to the 6000 total.</returns>
    private static int ValidateEmbed(JsonElement embed, string path, FormErrors errors)
    {
        if (embed.ValueKind != JsonValueKind.Object)
        {
            errors.Reject(path, "MODEL_TYPE_CONVERT", "Each embed must be an object.");
            return 0;
        }

        var total = LimitedString(embed, "title", MaxTitle, path, errors, required: false);
        total += LimitedString(embed, "description", MaxDescription, path, errors, required: false);
        Url(embed, "url", path, errors, allowAttachment: false);
        if (Json.HasValue(embed, "timestamp", out var ts)
            && (ts.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            errors.Reject(FormErrors.Join(path, "timestamp"), "DATE_TIME_TYPE_PARSE", "timestamp must be an ISO8601 timestamp.");
        }

        if (Json.HasValue(embed, "color", out var color) && (Json.AsInteger(color) is not { } c || c < 0 || c > 0xFFFFFF))
        {
            errors.Reject(FormErrors.Join(path, "color"), "NUMBER_TYPE_COERCE", "color must be an integer between 0 and 16777215.");
        }

        if (Json.HasValue(embed, "footer", out var footer))
        {
            var footerPath = FormErrors.Join(path, "footer");
            total += LimitedString(footer, "text", MaxFooter, footerPath, errors, required: true);
            Url(footer, "icon_url", footerPath, errors, allowAttachment: true);
        }

        if (Json.HasValue(embed, "author", out var author))
        {
            var authorPath = FormErrors.Join(path, "author");
            total += LimitedString(author, "name", MaxAuthor, authorPath, errors, required: true);
            Url(author, "url", authorPath, errors, allowAttachment: false);
            Url(author, "icon_url", authorPath, errors, allowAttachment: true);
        }

        foreach (var media in new[] { "image", "thumbnail" })
        {
            if (Json.HasValue(embed, media, out var image))
            {
                var mediaPath = FormErrors.Join(path, media);
                if (!Json.HasValue(image, "url", out _))
                {
                    errors.Reject(FormErrors.Join(mediaPath, "url"), "BASE_TYPE_REQUIRED", "This field is required.");
                }

                Url(image, "url", mediaPath, errors, allowAttachment: true);
            }
        }

        if (Json.HasValue(embed, "fields", out var fields))
        {
            total += ValidateFields(fields, FormErrors.Join(path, "fields"), errors);
        }

        return total;
    }

    private static int ValidateFields(JsonElement fields, string path, FormErrors errors)
    {
        if (fields.ValueKind != JsonValueKind.Array)
        {
            errors.Reject(path, "BASE_TYPE_LIST", "fields must be an array.");
            return 0;
        }

        if (fields.GetArrayLength() > MaxFields)
        {
            errors.Reject(path, "BASE_TYPE_MAX_LENGTH", $"Must be {MaxFields} or fewer in length (got {fields.GetArrayLength()}).");
        }

        var total = 0;
        var index = 0;
        foreach (var field in fields.EnumerateArray())
        {
            var fieldPath = FormErrors.Join(path, index.ToString(CultureInfo.InvariantCulture));
            total += LimitedString(field, "name", MaxFieldName, fieldPath, errors, required: true);
            total += LimitedString(field, "value", MaxFieldValue, fieldPath, errors, required: true);
            index++;
        }

        return total;
    }

    private static int LimitedString(JsonElement obj, string name, int max, string path, FormErrors errors, bool required)
    {
        var fieldPath = FormErrors.Join(path, name);
        if (!Json.HasValue(obj, name, out var value))
        {
            if (required)
            {
                errors.Reject(fieldPath, "BASE_TYPE_REQUIRED", "This field is required.");
            }

            return 0;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Reject(fieldPath, "BASE_TYPE_STRING", "Must be a string.");
            return 0;
        }

        var length = Text.TrimmedLength(value.GetString());
        if (required && length == 0)
        {
            errors.Reject(fieldPath, "BASE_TYPE_REQUIRED", "This field is required (empty after trimming).");
        }

        if (length > max)
        {
            errors.Reject(fieldPath, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length (got {length}).");
        }

        return length;
    }

    private const int MaxUrlLength = 2048;

    private static void Url(JsonElement obj, string name, string path, FormErrors errors, bool allowAttachment)
    {
        if (!Json.HasValue(obj, name, out var value))
        {
            return;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var ok = allowAttachment ? Text.IsMediaUrl(text) : Text.IsHttpUrl(text);
        if (!ok)
        {
            errors.Reject(FormErrors.Join(path, name), "URL_TYPE_INVALID_URL", $"Not a well formed http(s) URL{(allowAttachment ? " or attachment:// reference" : "")}: {value.GetRawText()}.");
        }
        else if (Text.Length(text) > MaxUrlLength)
        {
            // Not in the embed docs; Discord answers 50035 with this error for any embed URL longer than 2048.
            errors.Reject(FormErrors.Join(path, name), "BASE_TYPE_MAX_LENGTH", $"Must be {MaxUrlLength} or fewer in length (got {Text.Length(text)}).");
        }
    }
}
