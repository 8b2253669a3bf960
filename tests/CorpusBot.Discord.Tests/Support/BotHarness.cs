using System.Collections.Concurrent;
using CorpusBot.Discord.Gateway;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Rest;
using CorpusBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Discord.Tests.Support;

/// <summary>The Discord layer alone (gateway, REST, dispatcher) against a loopback fake Discord, with a scriptable handler.</summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Production timings, except a 300 ms identify window (the fake's <see cref="FakeDiscordOptions.IdentifyConcurrencyWindow"/> matches it).</summary>
    internal static readonly GatewayTimings Fast = GatewayTimings.Discord with { IdentifyWindow = TimeSpan.FromMilliseconds(300) };

    private BotHarness(FakeDiscordServer discord, DiscordOptions options, ScriptedHandler handler, GatewayTimings timings, Func<GatewayPresence?>? presence)
    {
        Discord = discord;
        Handler = handler;
        Rest = new DiscordRestClient(options, NullLogger<DiscordRestClient>.Instance);
        Gateway = new GatewayClient(options, Rest, NullLogger<GatewayClient>.Instance) { Timings = timings, Presence = presence };
        Dispatcher = new InteractionDispatcher(options, Rest, handler, NullLogger<InteractionDispatcher>.Instance);
        Gateway.Dispatch += e =>
        {
            if (e.Name == "INTERACTION_CREATE")
            {
                Dispatcher.Accept(e.Data);
            }
        };
        Run = Task.Run(() => Gateway.RunAsync(_stop.Token));
    }

    public FakeDiscordServer Discord { get; }

    public ScriptedHandler Handler { get; }

    public DiscordRestClient Rest { get; }

    public GatewayClient Gateway { get; }

    public InteractionDispatcher Dispatcher { get; }

    /// <summary>The gateway loop: completes when stopped, or faults with a fatal error.</summary>
    public Task Run { get; }

    internal static async Task<BotHarness> StartAsync(FakeDiscordOptions? fake = null, int deferAfterMs = 1500, string? token = null, GatewayTimings? timings = null, Action<DiscordOptions>? configure = null, Func<GatewayPresence?>? presence = null)
    {
        var discord = await FakeDiscordServer.StartAsync(fake ?? new FakeDiscordOptions { IdentifyConcurrencyWindow = Fast.IdentifyWindow });
        var options = new DiscordOptions
        {
            Token = token ?? discord.Options.Token,
            ApiBaseUrl = discord.ApiBaseUrl,
            DeferAfterMilliseconds = deferAfterMs,
        };
        configure?.Invoke(options);
        return new BotHarness(discord, options, new ScriptedHandler(), timings ?? Fast, presence);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAny(Run, Task.Delay(TimeSpan.FromSeconds(5)));
        await Dispatcher.DisposeAsync();
        Rest.Dispose();
        await Discord.DisposeAsync();
        _stop.Dispose();
    }
}

/// <summary>Answers every command with a message naming it, after an optional delay.</summary>
public sealed class ScriptedHandler : IInteractionHandler
{
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>When set, every command waits until the test completes it (deterministic "slow" commands).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public ConcurrentBag<string> Seen { get; } = [];

    /// <summary>When set, the answer to every command and component (instead of the message naming the command).</summary>
    public Func<Interaction, InteractionReply>? Reply { get; set; }

    public bool IsPrivate(Interaction interaction) => false;

    public async Task<InteractionReply> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        Seen.Add(interaction.Id);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            return InteractionReply.Suggest([new AutocompleteChoice("One", "1")]);
        }

        if (Reply is { } reply)
        {
            return reply(interaction);
        }

        return InteractionReply.NewMessage(new MessagePayload($"answer to {interaction.Data?.Name}", [new Embed("Title", "Body", "https://example.com/x")]));
    }
}
