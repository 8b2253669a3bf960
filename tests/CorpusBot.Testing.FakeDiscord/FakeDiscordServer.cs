using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>
/// A loopback stand-in for Discord's REST API (under <see cref="ApiBaseUrl"/>) and Gateway (<see cref="GatewayUrl"/>),
/// written from Discord's documentation. It records everything the client does and collects every protocol or limit
/// violation it detects in <see cref="Violations"/>.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    internal const string GatewayPath = "/gateway";
    internal const string ResumeGatewayPath = "/resume-gateway";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(1.5);
    private readonly ViolationLog _violations = new();
    private readonly RequestLog _requests = new();
    private readonly FaultInjector _faults = new();
    private readonly CommandRegistry _commands = new();
    private readonly InteractionStore _interactions = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly GatewayHub _hub;
    private readonly RestApi _rest;
    private readonly GatewayEndpoint _gateway;
    private WebApplication? _app;
    private int _disposed;

    private FakeDiscordServer(FakeDiscordOptions options)
    {
        Options = options;
        _hub = new GatewayHub(options, _violations);
        var interactionViolations = new InteractionViolations(_violations);
        var routes = new RouteTable(
            new MiscEndpoints(options, _hub, () => GatewayUrl),
            new CommandEndpoints(options, _commands, _violations),
            new CallbackEndpoint(options, _interactions, interactionViolations),
            new WebhookEndpoints(options, _interactions, interactionViolations));
        _rest = new RestApi(options, _violations, _requests, _faults, routes);
        _gateway = new GatewayEndpoint(_hub, _violations, _stopping.Token);
    }

    /// <summary>Starts a server on 127.0.0.1 with a random free port.</summary>
    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeDiscordServer(options ?? new FakeDiscordOptions());
        try
        {
            await server.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public FakeDiscordOptions Options { get; }

    /// <summary>e.g. <c>http://127.0.0.1:5123/api/v10</c> (no trailing slash).</summary>
    public string ApiBaseUrl { get; private set; } = "";

    /// <summary>e.g. <c>ws://127.0.0.1:5123/gateway</c>; returned by <c>GET /gateway/bot</c>.</summary>
    public string GatewayUrl { get; private set; } = "";

    /// <summary>e.g. <c>ws://127.0.0.1:5123/resume-gateway</c>; sent in READY as <c>resume_gateway_url</c>.</summary>
    public string ResumeGatewayUrl { get; private set; } = "";

    /// <summary>Every protocol or limit violation detected so far, as readable sentences prefixed with a category.</summary>
    public IReadOnlyList<string> Violations => _violations.Snapshot();

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLogging();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = StopTimeout);
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(HandleAsync);
        _app = app;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        await app.StartAsync(timeout.Token).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report a listening address.");
        var port = new Uri(address).Port;
        ApiBaseUrl = $"http://127.0.0.1:{port}{RestApi.Prefix}";
        GatewayUrl = $"ws://127.0.0.1:{port}{GatewayPath}";
        ResumeGatewayUrl = $"ws://127.0.0.1:{port}{ResumeGatewayPath}";
        _hub.ResumeGatewayUrl = ResumeGatewayUrl;
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/');
        return path is GatewayPath or ResumeGatewayPath ? _gateway.HandleAsync(context, path) : _rest.HandleAsync(context);
    }

    /// <summary>Forgets the violations recorded so far (for tests that provoke some on purpose).</summary>
    public void ClearViolations() => _violations.Clear();

    /// <summary>Stops Kestrel and drops every socket; bounded to about 2 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _hub.DisposeAll();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutdown is best effort within the bound.
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private string DescribeState() =>
        $"{_hub.Describe()}; REST: {_requests.Count} request(s); {_violations.Summary()}";
}
