using CorpusBot.Discord.Http;
using CorpusBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Bot;

/// <summary>POST /interactions (signed by Discord) and GET /healthz (for a load balancer).</summary>
internal static class HttpInteractionsEndpoint
{
    public static WebApplication MapInteractions(this WebApplication app)
    {
        app.MapPost("/interactions", HandleAsync);
        app.MapHealth();
        return app;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var limit = HttpInteractionProcessor.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var body = await ReadAsync(http.Request.Body, limit, http.RequestAborted);
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var processor = http.RequestServices.GetRequiredService<HttpInteractionProcessor>();
        var result = await processor.ProcessAsync(
            http.Request.Headers["X-Signature-Ed25519"].FirstOrDefault(),
            http.Request.Headers["X-Signature-Timestamp"].FirstOrDefault(),
            body);
        if (result.AfterResponse is { } complete)
        {
            // Editing the deferred response must wait until Discord has our deferral.
            http.Response.OnCompleted(() =>
            {
                _ = complete();
                return Task.CompletedTask;
            });
        }

        http.Response.StatusCode = result.Status;
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(result.Body, http.RequestAborted);
    }

    // Reads at most limit bytes; null when the body is longer (it is never read whole).
    private static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var total = 0;
        try
        {
            int read;
            while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (BadHttpRequestException)
        {
            return null; // over the server's own limit
        }

        return total > limit ? null : buffer[..total];
    }
}
