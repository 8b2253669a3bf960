using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Validates a message body (callback data of types 4/7, edits, followups) against the documented limits.</summary>
internal static class MessageValidator
{
    public const string EmptyMessageCode = "EMPTY_MESSAGE";
    private const int MaxContent = 2000;
    private static readonly string[] MentionTypes = ["users", "roles", "everyone"];

    /// <param name="existing">Flags of the message being edited (for edits), used for the IS_COMPONENTS_V2 rules.</param>
    public static void Validate(JsonElement message, MessageKind kind, string prefix, MessageSnapshot? existing, FormErrors errors)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Reject(prefix, "MODEL_TYPE_CONVERT", "Message body must be a JSON object.");
            return;
        }

        var componentsV2 = ValidateFlags(message, kind, prefix, existing, errors);
        ValidateContent(message, prefix, componentsV2, existing, errors);
        if (Json.HasValue(message, "embeds", out var embeds))
        {
            EmbedValidator.Validate(embeds, FormErrors.Join(prefix, "embeds"), errors);
        }

        if (Json.HasValue(message, "components", out var components))
        {
            ComponentValidator.Validate(components, FormErrors.Join(prefix, "components"), componentsV2, errors);
        }

        if (Json.HasValue(message, "allowed_mentions", out var mentions))
        {
            ValidateAllowedMentions(mentions, FormErrors.Join(prefix, "allowed_mentions"), errors);
        }

        if (kind.CreatesMessage() && IsEmpty(message))
        {
            errors.Reject(prefix, EmptyMessageCode, "Cannot send an empty message: provide content, embeds, components, attachments or a poll.");
        }
    }

    private static bool ValidateFlags(JsonElement message, MessageKind kind, string prefix, MessageSnapshot? existing, FormErrors errors)
    {
        var path = FormErrors.Join(prefix, "flags");
        var existingV2 = existing is not null && (existing.Flags & MessageFlags.IsComponentsV2) != 0;
        if (!Json.HasValue(message, "flags", out var flagsElement))
        {
            return existingV2;
        }

        if (Json.AsInteger(flagsElement) is not { } flags || flags < 0)
        {
            errors.Reject(path, "NUMBER_TYPE_COERCE", "flags must be a non-negative integer.");
            return existingV2;
        }

        var disallowed = flags & ~kind.AllowedFlags();
        if (kind.IsEdit() && existing is not null)
        {
            // Re-sending flags the message already has (e.g. EPHEMERAL) is not a change.
            disallowed &= ~existing.Flags;
        }

        if (kind.IsEdit() && existing is not null && ((flags ^ existing.Flags) & MessageFlags.Ephemeral) != 0)
        {
            // Discord ignores it: who can see a message is fixed when it is created (a public message stays public).
            errors.Note(path, "EPHEMERAL_CANNOT_CHANGE", "an edit cannot change whether a message is ephemeral; the flag was ignored.");
            disallowed &= ~MessageFlags.Ephemeral;
        }

        if (disallowed != 0)
        {
            errors.Note(path, "FLAGS_NOT_ALLOWED", $"flags {flags} contain bits 0x{disallowed:X} that the docs do not allow for a {kind.Describe()} (allowed: 0x{kind.AllowedFlags():X}).");
        }

        var v2 = (flags & MessageFlags.IsComponentsV2) != 0;
        if (existingV2 && !v2)
        {
            errors.Reject(path, "MESSAGE_CANNOT_REMOVE_COMPONENTS_V2", "IS_COMPONENTS_V2 cannot be removed from a message once set.");
        }

        return v2 || existingV2;
    }

    private static void ValidateContent(JsonElement message, string prefix, bool componentsV2, MessageSnapshot? existing, FormErrors errors)
    {
        var path = FormErrors.Join(prefix, "content");
        var hasContent = Json.HasValue(message, "content", out var content);
        if (hasContent && content.ValueKind != JsonValueKind.String)
        {
            errors.Reject(path, "BASE_TYPE_STRING", "content must be a string.");
            return;
        }

        var text = hasContent ? content.GetString() : null;
        if (Text.Length(text) > MaxContent)
        {
            errors.Reject(path, "BASE_TYPE_MAX_LENGTH", $"Must be {MaxContent} or fewer in length (got {Text.Length(text)}).");
        }

        if (!componentsV2)
        {
            return;
        }

        if (!string.IsNullOrEmpty(text))
        {
            errors.Reject(path, "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "content cannot be used when IS_COMPONENTS_V2 is set.");
        }

        if (Json.HasValue(message, "embeds", out var embeds) && Json.ArrayLength(embeds) > 0)
        {
            errors.Reject(FormErrors.Join(prefix, "embeds"), "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "embeds cannot be used when IS_COMPONENTS_V2 is set.");
        }

        if (existing is { HasLegacyContent: true } && (existing.Flags & MessageFlags.IsComponentsV2) == 0 && !ClearsLegacyFields(message))
        {
            errors.Reject(prefix, "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "Setting IS_COMPONENTS_V2 on an edit requires content and embeds to be set to null.");
        }
    }

    private static bool ClearsLegacyFields(JsonElement message) =>
        Json.Has(message, "content", out var c) && (c.ValueKind == JsonValueKind.Null || (c.ValueKind == JsonValueKind.String && c.GetString()!.Length == 0))
        && Json.Has(message, "embeds", out var e) && (e.ValueKind == JsonValueKind.Null || Json.ArrayLength(e) == 0);

    private static void ValidateAllowedMentions(JsonElement mentions, string path, FormErrors errors)
    {
        if (mentions.ValueKind != JsonValueKind.Object)
        {
            errors.Reject(path, "MODEL_TYPE_CONVERT", "allowed_mentions must be an object.");
            return;
        }

        var parsed = new HashSet<string>(StringComparer.Ordinal);
        if (Json.HasValue(mentions, "parse", out var parse))
        {
            if (parse.ValueKind != JsonValueKind.Array)
            {
                errors.Reject(FormErrors.Join(path, "parse"), "BASE_TYPE_LIST", "parse must be an array.");
            }
            else
            {
                foreach (var item in parse.EnumerateArray())
                {
                    var value = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                    if (!MentionTypes.Contains(value, StringComparer.Ordinal))
                    {
                        errors.Reject(FormErrors.Join(path, "parse"), "BASE_TYPE_CHOICES", $"Value must be one of ('users', 'roles', 'everyone'), got {value}.");
                    }

                    parsed.Add(value);
                }
            }
        }

        foreach (var list in new[] { "users", "roles" })
        {
            if (!Json.HasValue(mentions, list, out var ids))
            {
                continue;
            }

            if (ids.ValueKind != JsonValueKind.Array)
            {
                errors.Reject(FormErrors.Join(path, list), "BASE_TYPE_LIST", $"{list} must be an array of ids.");
                continue;
            }

            if (ids.GetArrayLength() > 100)
            {
                errors.Reject(FormErrors.Join(path, list), "BASE_TYPE_MAX_LENGTH", $"{list} may hold at most 100 ids.");
            }

            if (ids.GetArrayLength() > 0 && parsed.Contains(list))
            {
                errors.Reject(path, "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", $"parse contains \"{list}\" and {list} is also given; they are mutually exclusive.");
            }
        }
    }

    private static bool IsEmpty(JsonElement message)
    {
        var content = Json.String(message, "content");
        if (!string.IsNullOrWhiteSpace(content))
        {
            return false;
        }

        foreach (var list in new[] { "embeds", "components", "attachments", "sticker_ids" })
        {
            if (Json.Has(message, list, out var value) && Json.ArrayLength(value) > 0)
            {
                return false;
            }
        }

        return !Json.HasValue(message, "poll", out _);
    }
}

/// <summary>The parts of an existing message the validators need when an edit arrives.</summary>
internal sealed record MessageSnapshot(long Flags, bool HasLegacyContent);
