using System.Text.Json;
using System.Text.Json.Serialization;
using CorpusBot.Discord.Gateway;
using CorpusBot.Search.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Hosting;

/// <summary>What GET /healthz reports: the index, and in gateway mode the connection to Discord.</summary>
/// <param name="Status"><c>ready</c> (HTTP 200), or <c>starting</c> / <c>disconnected</c> (HTTP 503).</param>
/// <param name="Index">Whether the first index pass is done, and the collection's size.</param>
/// <param name="Gateway">The gateway connection (null over the HTTP transport, which has none).</param>
internal sealed record HealthReport(string Status, IndexHealth Index, GatewayHealthReport? Gateway)
{
    [JsonIgnore]
    public bool Healthy => Status == "ready";
}

/// <summary>The index part of a health report.</summary>
internal sealed record IndexHealth(bool Ready, int Articles, int Passages);

/// <summary>The gateway part of a health report.</summary>
/// <param name="State"><c>connecting</c>, <c>ready</c> (every shard has READY or RESUMED) or <c>disconnected</c> (a shard lost its connection, or the gateway stopped).</param>
/// <param name="Since">When it entered that state (UTC).</param>
/// <param name="Shards">How many shards this process runs (0 before the count is known).</param>
/// <param name="ShardsReady">How many of them are ready.</param>
internal sealed record GatewayHealthReport(string State, DateTimeOffset Since, int Shards, int ShardsReady);

/// <summary>GET /healthz, for Docker's HEALTHCHECK, a load balancer or an orchestrator.</summary>
internal static class HealthEndpoint
{
    public const string Path = "/healthz";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet(Path, WriteAsync);
        return app;
    }

    /// <summary>The report from the app's services (the gateway part only when the gateway runs).</summary>
    public static HealthReport Report(IServiceProvider services)
    {
        var ready = services.GetRequiredService<IndexHostedService>().FirstPass.IsCompletedSuccessfully;
        var stats = ready ? services.GetRequiredService<CorpusSearcher>().Stats() : null;
        var index = new IndexHealth(ready, stats?.Articles ?? 0, stats?.Passages ?? 0);
        var gateway = services.GetService<GatewayHealth>()?.Report();
        var status = !ready ? "starting"
            : gateway is null || gateway.State == GatewayHealth.Ready ? "ready"
            : gateway.State;
        return new HealthReport(status, index, gateway);
    }

    private static Task WriteAsync(HttpContext http)
    {
        var report = Report(http.RequestServices);
        http.Response.StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(report, Json));
    }
}

/// <summary>The gateway connections' state as the bot sees it, for /healthz: one state per shard, one answer for all.</summary>
internal sealed class GatewayHealth(TimeProvider time)
{
    public const string Connecting = "connecting";
    public const string Ready = "ready";
    public const string Disconnected = "disconnected";

    private readonly Lock _gate = new();
    private readonly Dictionary<int, ShardState> _shards = [];
    private bool _stopped;
    private GatewayHealthReport _report = new(Connecting, time.GetUtcNow(), 0, 0);

    public GatewayHealthReport Report()
    {
        lock (_gate)
        {
            return _report;
        }
    }

    /// <summary>Records a shard's new state.</summary>
    public void Set(ShardStateChange change)
    {
        lock (_gate)
        {
            _shards[change.ShardId] = change.State;
            Update();
        }
    }

    /// <summary>The gateway stopped for good (a fatal close): disconnected until the process restarts.</summary>
    public void Stopped()
    {
        lock (_gate)
        {
            _stopped = true;
            Update();
        }
    }

    private void Update()
    {
        var ready = _shards.Values.Count(s => s == ShardState.Ready);
        var state = _stopped || _shards.ContainsValue(ShardState.Disconnected) ? Disconnected
            : _shards.Count > 0 && ready == _shards.Count ? Ready
            : Connecting;
        var since = state == _report.State ? _report.Since : time.GetUtcNow();
        _report = new GatewayHealthReport(state, since, _shards.Count, ready);
    }
}
