using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>A message the fake keeps for an interaction (the original response or a followup). Guarded by the owning interaction's lock.</summary>
internal sealed class MessageState
{
    public MessageState(string id, string channelId, int messageType, DateTimeOffset createdAt)
    {
        Id = id;
        ChannelId = channelId;
        MessageType = messageType;
        CreatedAt = createdAt;
    }

    public string Id { get; }
    public string ChannelId { get; }
    public int MessageType { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? EditedAt { get; private set; }
    public string? Content { get; private set; }
    public JsonNode? Embeds { get; private set; }
    public JsonNode? Components { get; private set; }
    public long Flags { get; set; }
    public bool Deleted { get; set; }

    public MessageSnapshot Snapshot => new(Flags, !string.IsNullOrEmpty(Content) || (Embeds is JsonArray { Count: > 0 }));

    public static MessageState FromExisting(JsonElement message, string fallbackChannelId, DateTimeOffset now)
    {
        var state = new MessageState(
            Json.String(message, "id") ?? Snowflakes.Next(),
            Json.String(message, "channel_id") ?? fallbackChannelId,
            (int)(Json.Integer(message, "type") ?? 0),
            now);
        state.Apply(message, now, isEdit: false);
        return state;
    }

    /// <summary>Applies the message fields present in a create/edit body.</summary>
    public void Apply(JsonElement body, DateTimeOffset now, bool isEdit)
    {
        if (Json.Has(body, "content", out var content))
        {
            Content = content.ValueKind == JsonValueKind.String ? content.GetString() : null;
        }

        if (Json.Has(body, "embeds", out var embeds))
        {
            Embeds = Json.ToNode(embeds);
        }

        if (Json.Has(body, "components", out var components))
        {
            Components = Json.ToNode(components);
        }

        var newFlags = Json.Integer(body, "flags");
        if (isEdit)
        {
            EditedAt = now;
            var keep = Flags & (MessageFlags.Ephemeral | MessageFlags.IsComponentsV2);
            var settable = (newFlags ?? Flags) & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2);
            Flags = keep | settable; // an edit also ends the LOADING state of a deferred response
        }
        else if (newFlags is { } flags)
        {
            Flags = flags;
        }
    }

    public JsonObject ToJson(FakeDiscordOptions options, string? interactionId)
    {
        var message = new JsonObject
        {
            ["id"] = Id,
            ["type"] = MessageType,
            ["channel_id"] = ChannelId,
            ["author"] = new JsonObject
            {
                ["id"] = options.BotUserId,
                ["username"] = options.BotUsername,
                ["discriminator"] = "0",
                ["global_name"] = null,
                ["avatar"] = null,
                ["bot"] = true,
            },
            ["content"] = Content ?? "",
            ["timestamp"] = CreatedAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = EditedAt?.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = Embeds?.DeepClone() ?? new JsonArray(),
            ["components"] = Components?.DeepClone() ?? new JsonArray(),
            ["pinned"] = false,
            ["flags"] = Flags,
            ["webhook_id"] = options.ApplicationId,
            ["application_id"] = options.ApplicationId,
        };
        if (interactionId is not null)
        {
            message["interaction_metadata"] = new JsonObject { ["id"] = interactionId };
        }

        return message;
    }
}
