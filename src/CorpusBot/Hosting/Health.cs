using System.Text.Json;
using System.Text.Json.Serialization;
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
/// <param name="State"><c>connecting</c>, <c>ready</c> (READY or RESUMED received) or <c>disconnected</c>.</param>
/// <param name="Since">When it entered that state (UTC).</param>
internal sealed record GatewayHealthReport(string State, DateTimeOffset Since);

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

/// <summary>The gateway connection's state as the bot sees it, for /healthz.</summary>
internal sealed class GatewayHealth(TimeProvider time)
{
    public const string Connecting = "connecting";
    public const string Ready = "ready";
    public const string Disconnected = "disconnected";

    private volatile GatewayHealthReport _report = new(Connecting, time.GetUtcNow());

    public GatewayHealthReport Report() => _report;

    /// <summary>Records a new state (READY or RESUMED: ready; the socket closed: disconnected).</summary>
    public void Set(string state)
    {
        if (_report.State != state)
        {
            _report = new GatewayHealthReport(state, time.GetUtcNow());
        }
    }
}
