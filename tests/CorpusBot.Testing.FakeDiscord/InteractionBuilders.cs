using System.Globalization;
using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>
/// Builders for interaction objects shaped like the examples in Discord's docs (guild member with user, guild_id,
/// channel_id, locale, app_permissions, data). Pass the result to <see cref="DispatchInteraction"/>, which fills in
/// id, token, application_id, version and data.id.
/// </summary>
public sealed partial class FakeDiscordServer
{
    public const string TestGuildId = "200000000000000001";
    public const string TestChannelId = "300000000000000001";
    public const string TestUserId = "400000000000000001";
    public const string TestUsername = "tester";

    /// <summary>
    /// An interaction id created at <paramref name="createdAt"/> (Discord's deadlines run from the time in the id):
    /// set it as <c>"id"</c> to dispatch an interaction that has already spent time on its way.
    /// </summary>
    public static string InteractionIdCreatedAt(DateTimeOffset createdAt) => Snowflakes.At(createdAt);

    /// <summary>A CHAT_INPUT command (interaction type 2, data.type 1). Option types: string 3, int/long 4, bool 5, double/float/decimal 10; a <see cref="JsonObject"/> value is used as the option object itself (e.g. a subcommand).</summary>
    public static JsonObject SlashCommand(string name, params (string Name, object Value)[] options)
    {
        var data = new JsonObject { ["name"] = name, ["type"] = 1 };
        if (options.Length > 0)
        {
            data["options"] = new JsonArray(options.Select(o => (JsonNode)Option(o.Name, o.Value)).ToArray());
        }

        return Interaction(2, data);
    }

    /// <summary>An autocomplete request (interaction type 4) with <paramref name="focusedOption"/> holding the partial text and <c>focused: true</c>.</summary>
    public static JsonObject Autocomplete(string name, string focusedOption, string partialValue, params (string Name, object Value)[] otherOptions)
    {
        var list = otherOptions.Select(o => (JsonNode)Option(o.Name, o.Value)).ToList();
        list.Add(new JsonObject { ["type"] = 3, ["name"] = focusedOption, ["value"] = partialValue, ["focused"] = true });
        var data = new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(list.ToArray()) };
        return Interaction(4, data);
    }

    /// <summary>A MESSAGE command (interaction type 2, data.type 3) targeting a message with the given content.</summary>
    public static JsonObject MessageCommand(string name, string targetMessageId, string targetContent)
    {
        var target = Message(targetMessageId, targetContent, TestUser(), new JsonArray());
        var data = new JsonObject
        {
            ["name"] = name,
            ["type"] = 3,
            ["target_id"] = targetMessageId,
            ["resolved"] = new JsonObject { ["messages"] = new JsonObject { [targetMessageId] = target } },
        };
        return Interaction(2, data);
    }

    /// <summary>A button click (interaction type 3, component_type 2) on <paramref name="message"/>, or on a minimal bot message holding that button.</summary>
    public static JsonObject ButtonClick(string customId, JsonObject? message = null)
    {
        message ??= Message(Snowflakes.Next(), "", null, new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "Button", ["custom_id"] = customId }),
        }));
        var interaction = Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });
        interaction["message"] = message;
        return interaction;
    }

    private static JsonObject Interaction(int type, JsonObject data) => new()
    {
        ["type"] = type,
        ["guild_id"] = TestGuildId,
        ["channel_id"] = TestChannelId,
        ["channel"] = new JsonObject { ["id"] = TestChannelId, ["type"] = 0, ["name"] = "general", ["guild_id"] = TestGuildId },
        ["member"] = new JsonObject
        {
            ["user"] = TestUser(),
            ["roles"] = new JsonArray(),
            ["premium_since"] = null,
            ["permissions"] = "2147483647",
            ["pending"] = false,
            ["nick"] = null,
            ["mute"] = false,
            ["deaf"] = false,
            ["joined_at"] = "2021-01-01T00:00:00.000000+00:00",
            ["flags"] = 0,
        },
        ["app_permissions"] = "442368",
        ["locale"] = "en-US",
        ["guild_locale"] = "en-US",
        ["entitlements"] = new JsonArray(),
        ["authorizing_integration_owners"] = new JsonObject { ["0"] = TestGuildId },
        ["context"] = 0,
        ["attachment_size_limit"] = 10485760,
        ["data"] = data,
    };

    private static JsonObject TestUser() => new()
    {
        ["id"] = TestUserId,
        ["username"] = TestUsername,
        ["discriminator"] = "0",
        ["global_name"] = "Tester",
        ["avatar"] = null,
        ["public_flags"] = 0,
    };

    private static JsonObject Message(string id, string content, JsonObject? author, JsonArray components)
    {
        var message = new JsonObject
        {
            ["id"] = id,
            ["type"] = 0,
            ["channel_id"] = TestChannelId,
            ["content"] = content,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = new JsonArray(),
            ["components"] = components,
            ["pinned"] = false,
            ["flags"] = 0,
        };
        if (author is not null)
        {
            message["author"] = author;
        }

        return message;
    }

    private static JsonObject Option(string name, object value) => value switch
    {
        JsonObject raw => (JsonObject)raw.DeepClone(),
        string s => new JsonObject { ["type"] = 3, ["name"] = name, ["value"] = s },
        int or long or short or byte or uint or ushort or sbyte => new JsonObject { ["type"] = 4, ["name"] = name, ["value"] = Convert.ToInt64(value, CultureInfo.InvariantCulture) },
        bool b => new JsonObject { ["type"] = 5, ["name"] = name, ["value"] = b },
        double or float or decimal => new JsonObject { ["type"] = 10, ["name"] = name, ["value"] = Convert.ToDouble(value, CultureInfo.InvariantCulture) },
        _ => throw new ArgumentException($"Option \"{name}\": unsupported value type {value?.GetType().Name ?? "null"}.", nameof(value)),
    };
}
