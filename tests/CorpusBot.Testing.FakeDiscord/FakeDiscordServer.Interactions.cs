using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Dispatching interactions and observing the responses.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>Every interaction dispatched so far, in dispatch order.</summary>
    public IReadOnlyList<InteractionRecord> Interactions => _interactions.All().Select(s => s.ToRecord()).ToArray();

    /// <summary>
    /// Sends INTERACTION_CREATE with the given interaction object (a copy; <c>id</c>, <c>token</c>, <c>application_id</c>,
    /// <c>version</c>, <c>type</c>, <c>data.id</c> and a component message's <c>author</c> are filled in when missing).
    /// It goes to the live session of the shard the Sharding Formula names (<c>(guild_id &gt;&gt; 22) % num_shards</c>; shard 0
    /// without <c>guild_id</c>; the most recently identified/resumed one if several match), gets that session's next sequence
    /// number and is kept for replay: while the session is disconnected it is replayed on a successful Resume. When no
    /// session it routes to is live (never identified, or invalidated) it is held and sent right after the next READY of a
    /// session it routes to. Returns the interaction id.
    /// </summary>
    public string DispatchInteraction(JsonObject interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var node = (JsonObject)interaction.DeepClone();
        var id = Json.StringOf(node["id"]) ?? Snowflakes.Next();
        var token = Json.StringOf(node["token"]) ?? Snowflakes.Token("fake-interaction-");
        node["id"] = id;
        node["token"] = token;
        node["application_id"] ??= Options.ApplicationId;
        node["version"] ??= 1;
        node["type"] ??= InferType(node);
        var type = (int)(Json.IntOf(node["type"]) ?? throw new ArgumentException("\"type\" must be an integer.", nameof(interaction)));
        FillCommandId(node, type);
        if (node["message"] is JsonObject message)
        {
            message["author"] ??= BotAuthor();
        }

        var state = new InteractionState(id, token, type, Json.ToElement(node), DateTimeOffset.UtcNow);
        _interactions.Add(state);
        _hub.Dispatch("INTERACTION_CREATE", node, state.MarkDelivered);
        return id;
    }

    public InteractionRecord? GetInteraction(string interactionId) => _interactions.ById(interactionId)?.ToRecord();

    /// <summary>Waits until the interaction's first callback request has arrived (accepted or not; see <see cref="RecordedCallback.Status"/>).</summary>
    public Task<InteractionRecord> WaitForResponseAsync(string interactionId, TimeSpan timeout)
    {
        var state = Known(interactionId);
        return Waiter.UntilAsync(state.Signal, () => Probe(state, s => s.HasCallback), timeout,
            () => $"{InteractionViolations.Label(state)} got no callback ({Summary(state)}). " + DescribeState());
    }

    /// <summary>
    /// Waits until the interaction's final message exists: an accepted callback of type 4/7/8, or (typically after a
    /// type 5/6 deferral) a successful PATCH of @original or a successful followup.
    /// </summary>
    public Task<InteractionRecord> WaitForFinalMessageAsync(string interactionId, TimeSpan timeout)
    {
        var state = Known(interactionId);
        return Waiter.UntilAsync(state.Signal, () => Probe(state, s => s.FinalArrived), timeout,
            () => $"{InteractionViolations.Label(state)} has no final message ({Summary(state)}). " + DescribeState());
    }

    private InteractionState Known(string interactionId) =>
        _interactions.ById(interactionId) ?? throw new ArgumentException($"No interaction with id {interactionId} was dispatched.", nameof(interactionId));

    private static InteractionRecord? Probe(InteractionState state, Func<InteractionState, bool> done)
    {
        lock (state.Gate)
        {
            if (!done(state))
            {
                return null;
            }
        }

        return state.ToRecord();
    }

    private static string Summary(InteractionState state)
    {
        var record = state.ToRecord();
        var callbacks = string.Join(", ", record.Callbacks.Select(c => $"type {c.Type} -> {c.Status}"));
        return $"delivered={(record.DeliveredAt is null ? "no" : "yes")}, callbacks=[{callbacks}], edits={record.Edits.Count}, followups={record.Followups.Count}";
    }

    private static int InferType(JsonObject node)
    {
        var data = node["data"] as JsonObject;
        if (data?["component_type"] is not null)
        {
            return 3;
        }

        if (data?["custom_id"] is not null)
        {
            return 5;
        }

        if (data?["options"] is JsonArray options && options.Any(o => Json.IsTrue(o?["focused"])))
        {
            return 4;
        }

        return data?["name"] is not null
            ? 2
            : throw new ArgumentException("Cannot infer the interaction type; set \"type\".", nameof(node));
    }

    private void FillCommandId(JsonObject node, int type)
    {
        if (type is not (2 or 4) || node["data"] is not JsonObject data || data["id"] is not null || data["name"] is null)
        {
            return;
        }

        var name = Json.StringOf(data["name"]) ?? "";
        var commandType = Json.IntOf(data["type"]) ?? 1;
        var guildId = Json.StringOf(node["guild_id"]);
        data["id"] = _commands.Find(guildId, commandType, name) ?? _commands.IdFor(guildId ?? "global", commandType, name);
    }

    private JsonObject BotAuthor() => new()
    {
        ["id"] = Options.BotUserId,
        ["username"] = Options.BotUsername,
        ["discriminator"] = "0",
        ["global_name"] = null,
        ["avatar"] = null,
        ["bot"] = true,
    };
}
