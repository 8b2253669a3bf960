using System.Globalization;
using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Buttons, select menus and custom_id rules.</summary>
internal sealed partial class ComponentValidator
{
    private void ButtonComponent(JsonElement button, string path)
    {
        _count++;
        var style = Json.Integer(button, "style");
        if (style is null or < 1 or > 6)
        {
            _errors.Reject(FormErrors.Join(path, "style"), "BASE_TYPE_CHOICES", "Button style must be 1 to 6.");
            return;
        }

        MaxLength(button, "label", 80, path);
        var hasCustomId = Json.HasValue(button, "custom_id", out _);
        var hasUrl = Json.HasValue(button, "url", out var url);
        if (style == LinkStyle)
        {
            if (!hasUrl)
            {
                _errors.Reject(FormErrors.Join(path, "url"), "BASE_TYPE_REQUIRED", "Link buttons (style 5) must have a url.");
            }
            else if (url.ValueKind != JsonValueKind.String || !Text.IsHttpUrl(url.GetString()) || Text.Length(url.GetString()) > 512)
            {
                _errors.Reject(FormErrors.Join(path, "url"), "URL_TYPE_INVALID_URL", $"Button url must be an http(s) URL of at most 512 characters: {url.GetRawText()}.");
            }

            if (hasCustomId)
            {
                _errors.Reject(FormErrors.Join(path, "custom_id"), "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "Link buttons cannot have a custom_id.");
            }

            return;
        }

        if (style == PremiumStyle)
        {
            if (!Json.HasValue(button, "sku_id", out _))
            {
                _errors.Reject(FormErrors.Join(path, "sku_id"), "BASE_TYPE_REQUIRED", "Premium buttons (style 6) must have a sku_id.");
            }

            foreach (var forbidden in new[] { "custom_id", "label", "url", "emoji" })
            {
                if (Json.HasValue(button, forbidden, out _))
                {
                    _errors.Reject(FormErrors.Join(path, forbidden), "BUTTON_COMPONENT_INVALID", $"Premium buttons cannot have {forbidden}.");
                }
            }

            return;
        }

        if (hasUrl)
        {
            _errors.Reject(FormErrors.Join(path, "url"), "BUTTON_COMPONENT_URL_NOT_ALLOWED", "Only link buttons (style 5) can have a url.");
        }

        CustomId(button, path);
    }

    private void Select(JsonElement select, int type, string path)
    {
        _count++;
        CustomId(select, path);
        MaxLength(select, "placeholder", 150, path);
        var min = Json.Integer(select, "min_values");
        var max = Json.Integer(select, "max_values");
        if (min is < 0 or > 25)
        {
            _errors.Reject(FormErrors.Join(path, "min_values"), "NUMBER_TYPE_MAX", "min_values must be between 0 and 25.");
        }

        if (max is < 1 or > 25)
        {
            _errors.Reject(FormErrors.Join(path, "max_values"), "NUMBER_TYPE_MAX", "max_values must be between 1 and 25.");
        }

        if (min is { } lo && max is { } hi && lo > hi)
        {
            _errors.Reject(FormErrors.Join(path, "min_values"), "SELECT_COMPONENT_MIN_MAX", "min_values cannot exceed max_values.");
        }

        if (type != 3)
        {
            return;
        }

        var optionsPath = FormErrors.Join(path, "options");
        if (!Json.HasValue(select, "options", out var options) || options.ValueKind != JsonValueKind.Array || options.GetArrayLength() is 0 or > 25)
        {
            _errors.Reject(optionsPath, "BASE_TYPE_BAD_LENGTH", "A string select needs 1 to 25 options.");
            return;
        }

        var index = 0;
        foreach (var option in options.EnumerateArray())
        {
            var optionPath = FormErrors.Join(optionsPath, index.ToString(CultureInfo.InvariantCulture));
            index++;
            foreach (var name in new[] { "label", "value" })
            {
                if (Json.String(option, name) is not { Length: > 0 })
                {
                    _errors.Reject(FormErrors.Join(optionPath, name), "BASE_TYPE_REQUIRED", "This field is required.");
                }
            }

            MaxLength(option, "label", 100, optionPath);
            MaxLength(option, "value", 100, optionPath);
            MaxLength(option, "description", 100, optionPath);
        }
    }

    private void CustomId(JsonElement component, string path)
    {
        var idPath = FormErrors.Join(path, "custom_id");
        var id = Json.String(component, "custom_id");
        if (id is null)
        {
            _errors.Reject(idPath, "BASE_TYPE_REQUIRED", "Interactive components need a custom_id (1-100 characters).");
            return;
        }

        var length = Text.Length(id);
        if (length is < 1 or > 100)
        {
            _errors.Reject(idPath, "BASE_TYPE_BAD_LENGTH", $"custom_id must be 1 to 100 characters (got {length}).");
        }

        if (!_customIds.Add(id))
        {
            _errors.Reject(idPath, "COMPONENT_CUSTOM_ID_DUPLICATED", $"custom_id \"{id}\" is used more than once in this message.");
        }
    }

    private void MaxLength(JsonElement obj, string name, int max, string path)
    {
        if (!Json.HasValue(obj, name, out var value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _errors.Reject(FormErrors.Join(path, name), "BASE_TYPE_STRING", "Must be a string.");
        }
        else if (Text.Length(value.GetString()) > max)
        {
            _errors.Reject(FormErrors.Join(path, name), "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length (got {Text.Length(value.GetString())}).");
        }
    }
}
