using System.Text.Json;
using System.Text.RegularExpressions;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Interaction webhooks: <c>/webhooks/{application.id}/{interaction.token}</c> (@original, followups).</summary>
internal sealed class WebhookEndpoints
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);
    private readonly FakeDiscordOptions _options;
    private readonly InteractionStore _store;
    private readonly InteractionViolations _violations;

    public WebhookEndpoints(FakeDiscordOptions options, InteractionStore store, InteractionViolations violations)
    {
        _options = options;
        _store = store;
        _violations = violations;
    }

    public RestResult GetOriginal(RestExchange x, Match m) =>
        WithInteraction(x, m, null, state => Original(x, state) is { } message ? RestResult.Ok(message.ToJson(_options, state.Id)) : RestResult.UnknownMessage());

    public RestResult EditOriginal(RestExchange x, Match m) =>
        WithInteraction(x, m, (state, r) => state.AddEdit(r), state =>
            Original(x, state) is { } message ? Edit(x, state, message, MessageKind.EditOriginal) : RestResult.UnknownMessage());

    public RestResult DeleteOriginal(RestExchange x, Match m) =>
        WithInteraction(x, m, (state, r) => state.AddDelete(r), state => Delete(Original(x, state)));

    public RestResult GetMessage(RestExchange x, Match m) =>
        WithInteraction(x, m, null, state => ById(x, state, m.Groups["message"].Value) is { } message
            ? RestResult.Ok(message.ToJson(_options, state.Id))
            : RestResult.UnknownMessage());

    public RestResult EditMessage(RestExchange x, Match m)
    {
        var id = m.Groups["message"].Value;
        return WithInteraction(
            x,
            m,
            (state, r) =>
            {
                if (state.Original?.Id == id)
                {
                    state.AddEdit(r);
                }
                else
                {
                    state.AddFollowupEdit(r);
                }
            },
            state =>
            {
                var message = ById(x, state, id);
                var kind = message is not null && message == state.Original ? MessageKind.EditOriginal : MessageKind.EditFollowup;
                return message is null ? RestResult.UnknownMessage() : Edit(x, state, message, kind);
            });
    }

    public RestResult DeleteMessage(RestExchange x, Match m) =>
        WithInteraction(x, m, (state, r) => state.AddDelete(r), state => Delete(ById(x, state, m.Groups["message"].Value)));

    public RestResult CreateFollowup(RestExchange x, Match m) =>
        WithInteraction(x, m, (state, r) => state.AddFollowup(r), state => Followup(x, state));

    private static RestResult Delete(MessageState? message)
    {
        if (message is null)
        {
            return RestResult.UnknownMessage();
        }

        message.Deleted = true;
        return RestResult.NoContent();
    }

    /// <summary>
    /// Checks the application id, the token and the token's state, then runs the handler under the interaction lock;
    /// <paramref name="addTo"/> files the recorded request (also refused ones) on the interaction.
    /// </summary>
    private RestResult WithInteraction(RestExchange x, Match m, Action<InteractionState, RecordedRequest>? addTo, Func<InteractionState, RestResult> handler)
    {
        var app = m.Groups["app"].Value;
        if (app != _options.ApplicationId)
        {
            var hint = _store.IsInteractionId(app) ? " (that is an interaction id)" : app == _options.BotUserId ? " (that is the bot user id)" : "";
            _violations.Add($"{x.Line}: interaction webhooks take the application id {_options.ApplicationId}, got {app}{hint}; answered 404 (10015).");
            return RestResult.UnknownWebhook();
        }

        var state = _store.ByToken(m.Groups["token"].Value);
        if (state is null)
        {
            _violations.Add($"{x.Line}: unknown interaction token; answered 404 (10015).");
            return RestResult.UnknownWebhook();
        }

        RestResult result;
        lock (state.Gate)
        {
            result = TokenProblem(x, state) ?? handler(state);
            addTo?.Invoke(state, x.Record(result.Status));
        }

        state.Signal.Pulse();
        return result;
    }

    private RestResult? TokenProblem(RestExchange x, InteractionState state)
    {
        if (state.Age(x.ReceivedAt) > TokenLifetime)
        {
            _violations.Add(state, x.Line, "the interaction token is older than 15 minutes; answered 401 (50027).");
            return RestResult.Error(401, 50027, "Invalid Webhook Token");
        }

        if (state.TokenInvalidated)
        {
            _violations.Add(state, x.Line, "the token was invalidated because no initial response arrived within the deadline; answered 404 (10062).");
            return RestResult.UnknownInteraction();
        }

        if (state.AcceptedType is null)
        {
            _violations.Add(state, x.Line, "used the interaction webhook before the initial callback was accepted; answered 404 (10062).");
            return RestResult.UnknownInteraction();
        }

        return null;
    }

    private MessageState? Original(RestExchange x, InteractionState state)
    {
        if (state.Original is { Deleted: false } original)
        {
            return original;
        }

        var why = state.Original is null ? $"a type {state.AcceptedType} callback creates no message" : "the original response was deleted";
        _violations.Add(state, x.Line, $"there is no @original message ({why}); answered 404 (10008).");
        return null;
    }

    private MessageState? ById(RestExchange x, InteractionState state, string id)
    {
        var message = state.Original is { } original && original.Id == id ? original : state.FollowupMessages.GetValueOrDefault(id);
        if (message is { Deleted: false })
        {
            return message;
        }

        _violations.Add(state, x.Line, $"message {id} is not a live message of this interaction; answered 404 (10008).");
        return null;
    }

    private RestResult Edit(RestExchange x, InteractionState state, MessageState message, MessageKind kind)
    {
        if (!x.TryParseBody(out var body))
        {
            _violations.Add(state, x.Line, "the body is not valid JSON; answered 400 (50109).");
            return RestResult.InvalidJson();
        }

        _violations.CheckMentionsRule(state, x.Line, body);
        var errors = new FormErrors();
        MessageValidator.Validate(body, kind, "", message.Snapshot, errors);
        _violations.Report(state, x.Line, errors);
        if (errors.Rejects)
        {
            return RestResult.InvalidForm(errors);
        }

        message.Apply(body, x.ReceivedAt, isEdit: true);
        return RestResult.Ok(message.ToJson(_options, state.Id));
    }

    private RestResult Followup(RestExchange x, InteractionState state)
    {
        if (!x.TryParseBody(out var body))
        {
            _violations.Add(state, x.Line, "the body is not valid JSON; answered 400 (50109).");
            return RestResult.InvalidJson();
        }

        _violations.CheckMentionsRule(state, x.Line, body);
        var errors = new FormErrors();
        MessageValidator.Validate(body, MessageKind.Followup, "", null, errors);
        _violations.Report(state, x.Line, errors);
        if (errors.Problems.Any(p => p.Code == MessageValidator.EmptyMessageCode))
        {
            return RestResult.Error(400, 50006, "Cannot send an empty message");
        }

        if (errors.Rejects)
        {
            return RestResult.InvalidForm(errors);
        }

        if (state.AcceptedType == 5 && state.Original is { Deleted: false } loading && (loading.Flags & MessageFlags.Loading) != 0)
        {
            _violations.Add(state, x.Line, "a followup was used to complete a deferred (type 5) response; that behaviour is deprecated, edit @original instead. The loading message was edited.");
            loading.Apply(body, x.ReceivedAt, isEdit: true);
            return RestResult.Ok(loading.ToJson(_options, state.Id));
        }

        var message = new MessageState(Snowflakes.Next(), state.ChannelId, state.ResponseMessageType(), x.ReceivedAt);
        message.Apply(body, x.ReceivedAt, isEdit: false);
        state.FollowupMessages[message.Id] = message;
        return RestResult.Ok(message.ToJson(_options, state.Id));
    }
}
