using System.Collections.Concurrent;
using System.Text.Json;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Rest;
using CorpusBot.Discord.Text;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Discord.Interactions;

/// <summary>
/// Answers every interaction exactly once and within Discord's 3 seconds, counted from the interaction's
/// creation (<see cref="InteractionWindow"/>). The receive loop only hands interactions over; each runs on its
/// own with its own cancellation, at most N at a time. An answer not ready in time is deferred (type 5, or 6
/// for components) and completed by editing the original response. One that arrives already late is deferred
/// at once; one whose window has passed is dropped without any work. Replayed duplicates are ignored. A failure
/// in one interaction never affects another.
/// </summary>
public sealed partial class InteractionDispatcher : IAsyncDisposable
{
    private static readonly TimeSpan RememberAnswered = TimeSpan.FromMinutes(20);

    private readonly DiscordRestClient _rest;
    private readonly IInteractionHandler _handler;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly WorkerScheduler _workers;
    private readonly TimeSpan _deferAfter;
    private readonly CancellationTokenSource _stopping = new();
    private readonly RecentIds _answered;
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _disposed;

    /// <summary>Creates the dispatcher.</summary>
    public InteractionDispatcher(DiscordOptions options, DiscordRestClient rest, IInteractionHandler handler, ILogger<InteractionDispatcher> logger, TimeProvider? time = null)
    {
        _rest = rest;
        _handler = handler;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _answered = new RecentIds(_time, RememberAnswered);
        _workers = new WorkerScheduler(options.MaxConcurrentInteractions > 0 ? options.MaxConcurrentInteractions : Math.Max(2, Environment.ProcessorCount));
        _deferAfter = TimeSpan.FromMilliseconds(Math.Clamp(options.DeferAfterMilliseconds, 100, 2500));
        ApplicationId = string.IsNullOrWhiteSpace(options.ApplicationId) ? null : options.ApplicationId;
    }

    /// <summary>The application id to use when an interaction does not carry one (from configuration or READY).</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Takes an INTERACTION_CREATE payload and returns at once; the answer is sent in the background.</summary>
    public void Accept(JsonElement payload)
    {
        if (Read(payload) is not { } interaction || !IsFirstDelivery(interaction) || Window(interaction) is not { } window)
        {
            return;
        }

        Track(Task.Run(() => AnswerAsync(interaction, window)));
    }

    /// <summary>
    /// For an interaction that arrived over HTTP: the response to put in the HTTP answer (the reply itself when
    /// ready in time, else a deferral) and, when deferred, the work that completes it by editing the original
    /// response, to start once the HTTP answer has gone out. Null when the interaction was already answered.
    /// </summary>
    public async Task<InlineAnswer?> AnswerInlineAsync(Interaction interaction)
    {
        if (!IsFirstDelivery(interaction))
        {
            return null;
        }

        var window = InteractionWindow.ForHttpRequest(interaction, _time.GetUtcNow());
        var cancellation = Cancellation(window);
        var (initial, pending) = await DecideAsync(interaction, window, cancellation.Token);
        if (pending is null)
        {
            cancellation.Dispose();
            return new InlineAnswer(initial, null);
        }

        return new InlineAnswer(initial, () => Track(CompleteAfterHttpAsync(interaction, initial, pending, window, cancellation)));
    }

    /// <summary>
    /// Answers <paramref name="payload"/> as a real interaction would be (read, decided on the workers, limits enforced,
    /// callback serialised) and sends nothing. The first interactions of a process paid a few hundred milliseconds for code run
    /// for the first time; a host calls this with sample commands before it connects, so that nobody waits for it.
    /// </summary>
    public async Task WarmAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (Read(payload) is not { } interaction)
        {
            return;
        }

        // Through the same decision as a live interaction (the workers, the deferral timer), as if it had just arrived.
        var window = InteractionWindow.ForHttpRequest(interaction, _time.GetUtcNow());
        var (initial, pending) = await DecideAsync(interaction, window, cancellationToken);
        _ = DiscordJson.Serialize(pending is null ? initial : Callback(await pending, interaction));
    }

    /// <summary>Reads an interaction payload; null (and a log line) when it is not one.</summary>
    public Interaction? Read(JsonElement payload)
    {
        try
        {
            var interaction = DiscordJson.Deserialize<Interaction>(payload);
            return interaction is null || string.IsNullOrEmpty(interaction.Id) || string.IsNullOrEmpty(interaction.Token) ? null : interaction;
        }
        catch (JsonException ex)
        {
            LogUnreadable(_logger, ex.Message);
            return null;
        }
    }

    private bool IsFirstDelivery(Interaction interaction)
    {
        if (!_answered.TryAdd(interaction.Id))
        {
            LogDuplicate(_logger, interaction.Id);
            return false;
        }

        return true;
    }

    // The interaction's deadlines; null (logged once) when its 3 seconds or its token are already over.
    private InteractionWindow? Window(Interaction interaction)
    {
        var now = _time.GetUtcNow();
        var window = InteractionWindow.For(interaction, now);
        if (window.InitialResponsePassed(now))
        {
            LogTooLate(_logger, interaction.Id, window.Age(now).TotalMilliseconds);
            return null;
        }

        return window;
    }

    private CancellationTokenSource Cancellation(InteractionWindow window)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        cancellation.CancelAfter(window.TokenLeft(_time.GetUtcNow()));
        return cancellation;
    }

    private Task Track(Task task)
    {
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }

    /// <summary>Cancels work in progress and waits (briefly) for it to finish. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Task.WhenAny(Task.WhenAll(_running.Keys), Task.Delay(TimeSpan.FromSeconds(5)));
        _workers.Dispose();
        _stopping.Dispose();
    }

    private async Task AnswerAsync(Interaction interaction, InteractionWindow window)
    {
        using var cancellation = Cancellation(window);
        var token = cancellation.Token;
        try
        {
            var (initial, pending) = await DecideAsync(interaction, window, token);
            await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, initial, token);
            if (pending is not null)
            {
                await CompleteDeferredAsync(interaction, initial, await pending, token);
            }

            LogAnswered(_logger, interaction.Id, window.Age(_time.GetUtcNow()).TotalMilliseconds, pending is not null);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            LogCancelled(_logger, interaction.Id);
        }
        catch (DiscordHttpException ex)
        {
            LogNotDelivered(_logger, interaction.Id, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            LogNotDelivered(_logger, interaction.Id, ex.Message);
        }
    }

    // The answer if it is ready within the deferral time (since creation); otherwise a deferral, and the answer
    // still to come. Already past the deferral time: defer at once, and an autocomplete (which cannot be
    // completed later) gets its empty answer without any search.
    private async Task<(InteractionResponse Initial, Task<InteractionReply>? Pending)> DecideAsync(Interaction interaction, InteractionWindow window, CancellationToken cancellationToken)
    {
        var remaining = window.UntilDeferral(_time.GetUtcNow(), _deferAfter);
        if (remaining <= TimeSpan.Zero && interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            return (Deferral(interaction), null);
        }

        var work = ProduceAsync(interaction, cancellationToken);
        if (remaining > TimeSpan.Zero)
        {
            await Task.WhenAny(work, Task.Delay(remaining, _time, cancellationToken));
        }

        if (work.IsCompleted)
        {
            return (Callback(await work, interaction), null);
        }

        LogDeferred(_logger, interaction.Id);
        return (Deferral(interaction), work);
    }

    private async Task CompleteAfterHttpAsync(Interaction interaction, InteractionResponse deferral, Task<InteractionReply> pending, InteractionWindow window, CancellationTokenSource cancellation)
    {
        using (cancellation)
        {
            try
            {
                await CompleteDeferredAsync(interaction, deferral, await pending, cancellation.Token);
                LogAnswered(_logger, interaction.Id, window.Age(_time.GetUtcNow()).TotalMilliseconds, true);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                LogCancelled(_logger, interaction.Id);
            }
            catch (Exception ex) when (ex is DiscordHttpException or HttpRequestException)
            {
                LogNotDelivered(_logger, interaction.Id, ex.Message);
            }
        }
    }

    // Runs on the dedicated workers, at most as many at once as there are workers; the rest wait their turn.
    private async Task<InteractionReply> ProduceAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await _workers.Run(() => _handler.HandleAsync(interaction, cancellationToken), cancellationToken);
            return MessageLimits.Enforce(reply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(_logger, ex, interaction.Id);
            return interaction.Type == InteractionType.ApplicationCommandAutocomplete
                ? InteractionReply.Suggest([])
                : InteractionReply.NewMessage(new MessagePayload("Something went wrong while answering. Please try again.", Flags: MessagePayload.Ephemeral));
        }
    }

    private static InteractionResponse Callback(InteractionReply reply, Interaction interaction) => reply.Kind switch
    {
        InteractionReplyKind.Autocomplete => new InteractionResponse(InteractionCallbackType.ApplicationCommandAutocompleteResult, new AutocompleteResult(reply.Choices ?? [])),
        InteractionReplyKind.Update when interaction.Type == InteractionType.MessageComponent => new InteractionResponse(InteractionCallbackType.UpdateMessage, reply.Message),
        _ => new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, reply.Message),
    };

    private InteractionResponse Deferral(Interaction interaction) => interaction.Type switch
    {
        InteractionType.ApplicationCommandAutocomplete => new InteractionResponse(InteractionCallbackType.ApplicationCommandAutocompleteResult, new AutocompleteResult([])),
        InteractionType.MessageComponent => new InteractionResponse(InteractionCallbackType.DeferredUpdateMessage),
        _ => new InteractionResponse(
            InteractionCallbackType.DeferredChannelMessageWithSource,
            _handler.IsPrivate(interaction) ? new MessagePayload(Flags: MessagePayload.Ephemeral) : null),
    };

    private async Task CompleteDeferredAsync(Interaction interaction, InteractionResponse deferral, InteractionReply reply, CancellationToken cancellationToken)
    {
        if (interaction.Type == InteractionType.ApplicationCommandAutocomplete || reply.Message is null)
        {
            return; // autocomplete cannot be deferred: the empty answer already went out
        }

        // After a type 6 deferral @original is the component's message: an update edits it; a new message is a followup.
        var applicationId = interaction.ApplicationId is { Length: > 0 } own ? own
            : ApplicationId ?? throw new InvalidOperationException("No application id is known to complete a deferred interaction");
        if (interaction.Type == InteractionType.MessageComponent && reply.Kind == InteractionReplyKind.Message)
        {
            await _rest.CreateFollowupAsync(applicationId, interaction.Token, reply.Message, cancellationToken);
            return;
        }

        // An edit cannot change who sees a message: a private answer to a public "thinking…" replaces it with a
        // private followup, deleting the public one first (a followup to a message still loading would edit it).
        if (IsEphemeral(reply.Message) && !IsEphemeral(deferral.Data as MessagePayload) && interaction.Type != InteractionType.MessageComponent)
        {
            await DeleteOriginalAsync(applicationId, interaction, cancellationToken);
            await _rest.CreateFollowupAsync(applicationId, interaction.Token, reply.Message, cancellationToken);
            return;
        }

        await _rest.EditOriginalResponseAsync(applicationId, interaction.Token, reply.Message, cancellationToken);
    }

    private async Task DeleteOriginalAsync(string applicationId, Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            await _rest.DeleteOriginalResponseAsync(applicationId, interaction.Token, cancellationToken);
        }
        catch (DiscordHttpException ex) when (ex.Code == 10008)
        {
            // Unknown message: someone already removed it; the private followup still goes out.
        }
    }

    private static bool IsEphemeral(MessagePayload? message) => message?.Flags is { } flags && flags.HasFlag(MessageFlags.Ephemeral);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId} answered {ElapsedMs:F0} ms after its creation (deferred: {Deferred})")]
    private static partial void LogAnswered(ILogger logger, string interactionId, double elapsedMs, bool deferred);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} reached us {AgeMs:F0} ms after its creation, past the 3-second window; dropped unanswered")]
    private static partial void LogTooLate(ILogger logger, string interactionId, double ageMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} is taking long; deferred")]
    private static partial void LogDeferred(ILogger logger, string interactionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId} was already answered (replayed); ignored")]
    private static partial void LogDuplicate(ILogger logger, string interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read an interaction: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to interaction {InteractionId} could not be delivered: {Problem}")]
    private static partial void LogNotDelivered(ILogger logger, string interactionId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} was cancelled")]
    private static partial void LogCancelled(ILogger logger, string interactionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering interaction {InteractionId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string interactionId);
}

/// <summary>What to answer an HTTP interaction request with, and what (if anything) to run after the answer has gone.</summary>
/// <param name="Response">The interaction response for the HTTP body.</param>
/// <param name="Complete">When the response is a deferral: starts completing it (call after the HTTP answer is sent).</param>
public sealed record InlineAnswer(InteractionResponse Response, Func<Task>? Complete);
