using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary><c>POST /interactions/{id}/{token}/callback</c>: the initial response to an interaction.</summary>
internal sealed class CallbackEndpoint
{
    private readonly FakeDiscordOptions _options;
    private readonly InteractionStore _store;
    private readonly InteractionViolations _violations;

    public CallbackEndpoint(FakeDiscordOptions options, InteractionStore store, InteractionViolations violations)
    {
        _options = options;
        _store = store;
        _violations = violations;
    }

    public RestResult Handle(RestExchange x, Match m)
    {
        var state = _store.ById(m.Groups["id"].Value);
        if (state is null || state.Token != m.Groups["token"].Value)
        {
            _violations.Add($"{x.Line}: callback for an unknown interaction id/token pair; answered 404 (10062).");
            return RestResult.UnknownInteraction();
        }

        var parsed = x.TryParseBody(out var body);
        RestResult result;
        lock (state.Gate)
        {
            var latency = state.Age(x.ReceivedAt);
            result = parsed ? Decide(x, state, body, latency) : InvalidJson(x, state);
            var type = parsed ? (int)(Json.Integer(body, "type") ?? 0) : 0;
            JsonElement? data = parsed && Json.Has(body, "data", out var d) ? d : null;
            state.AddCallback(new RecordedCallback(type, data, x.ReceivedAt, latency, result.Status, x.Record(result.Status)));
        }

        state.Signal.Pulse();
        return result;
    }

    private RestResult InvalidJson(RestExchange x, InteractionState state)
    {
        _violations.Add(state, x.Line, "the callback body is not valid JSON; answered 400 (50109).");
        return RestResult.InvalidJson();
    }

    private RestResult Decide(RestExchange x, InteractionState state, JsonElement body, TimeSpan latency)
    {
        var type = (int)(Json.Integer(body, "type") ?? 0);
        Json.Has(body, "data", out var data);
        if (type is 4 or 7 && data.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            _violations.CheckMentionsRule(state, x.Line + $" (callback type {type})", data);
        }
        else if (type == 4)
        {
            _violations.CheckMentionsRule(state, x.Line + " (callback type 4)", Json.Parse("{}"));
        }

        if (state.AcceptedType is { } previous)
        {
            _violations.Add(state, x.Line, $"responded twice: a type {previous} callback was already accepted; answered 400 (40060).");
            return RestResult.Error(400, 40060, "Interaction has already been acknowledged.");
        }

        if (state.TokenInvalidated || latency > _options.InteractionResponseDeadline)
        {
            state.TokenInvalidated = true;
            _violations.Add(state, x.Line, $"initial response arrived {latency.TotalMilliseconds:0} ms after the interaction was delivered (limit {_options.InteractionResponseDeadline.TotalMilliseconds:0} ms); answered 404 (10062).");
            return RestResult.UnknownInteraction();
        }

        var errors = new FormErrors();
        CallbackValidator.Validate(body, state.Type, state.HasComponentMessage, state.ComponentMessageSnapshot(), errors);
        _violations.Report(state, x.Line, errors);
        if (errors.Problems.Any(p => p.Code == MessageValidator.EmptyMessageCode))
        {
            return RestResult.Error(400, 50006, "Cannot send an empty message");
        }

        if (errors.Rejects)
        {
            return RestResult.InvalidForm(errors);
        }

        Accept(state, type, data, x.ReceivedAt);
        return x.QueryFlag("with_response") ? RestResult.Ok(CallbackResponse(state, type)) : RestResult.NoContent();
    }

    private void Accept(InteractionState state, int type, JsonElement data, DateTimeOffset now)
    {
        state.AcceptedType = type;
        Json.Has(state.Payload, "message", out var componentMessage);
        switch (type)
        {
            case 4:
                state.Original = new MessageState(Snowflakes.Next(), state.ChannelId, state.ResponseMessageType(), now);
                state.Original.Apply(data, now, isEdit: false);
                break;
            case 5:
                state.Original = new MessageState(Snowflakes.Next(), state.ChannelId, state.ResponseMessageType(), now)
                {
                    Flags = MessageFlags.Loading | ((Json.Integer(data, "flags") ?? 0) & MessageFlags.Ephemeral),
                };
                break;
            case 6 when state.HasComponentMessage:
                state.Original = MessageState.FromExisting(componentMessage, state.ChannelId, now);
                break;
            case 7 when state.HasComponentMessage:
                state.Original = MessageState.FromExisting(componentMessage, state.ChannelId, now);
                if (data.ValueKind == JsonValueKind.Object)
                {
                    state.Original.Apply(data, now, isEdit: true);
                }

                break;
        }
    }

    private JsonObject CallbackResponse(InteractionState state, int type)
    {
        var original = state.Original;
        var interaction = new JsonObject
        {
            ["id"] = state.Id,
            ["type"] = state.Type,
        };
        if (original is not null)
        {
            interaction["response_message_id"] = original.Id;
            interaction["response_message_loading"] = (original.Flags & MessageFlags.Loading) != 0;
            interaction["response_message_ephemeral"] = (original.Flags & MessageFlags.Ephemeral) != 0;
        }

        var resource = new JsonObject { ["type"] = type };
        if (type is 4 or 7 && original is not null)
        {
            resource["message"] = original.ToJson(_options, state.Id);
        }

        return new JsonObject { ["interaction"] = interaction, ["resource"] = resource };
    }
}
