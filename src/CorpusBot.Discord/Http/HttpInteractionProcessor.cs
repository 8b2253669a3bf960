using System.Text.Json;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Discord.Http;

/// <summary>
/// Answers one HTTP interaction request, whatever web server carries it: verify the signature before anything
/// else (401 otherwise), PING → PONG, then the same dispatcher as the gateway, answering inline within the
/// deadline or with a deferral that is completed by editing the original response once the answer has gone.
/// </summary>
public sealed partial class HttpInteractionProcessor(InteractionSignature signature, InteractionDispatcher dispatcher, ILogger<HttpInteractionProcessor> logger)
{
    /// <summary>The largest body accepted; Discord's interaction payloads are far smaller.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly byte[] Pong = DiscordJson.Serialize(new InteractionResponse(InteractionCallbackType.Pong));

    /// <summary>Processes a request already read (at most <see cref="MaxBodyBytes"/>).</summary>
    public async Task<HttpInteractionResult> ProcessAsync(string? signatureHex, string? timestamp, ReadOnlyMemory<byte> body)
    {
        if (!signature.Verify(signatureHex, timestamp, body.Span))
        {
            LogRefused(logger);
            return HttpInteractionResult.Unauthorized;
        }

        Interaction? interaction;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == (int)InteractionType.Ping)
            {
                return new HttpInteractionResult(200, Pong, null);
            }

            interaction = dispatcher.Read(document.RootElement);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            return HttpInteractionResult.BadRequest("not an interaction");
        }

        var answer = await dispatcher.AnswerInlineAsync(interaction);
        return answer is null
            ? HttpInteractionResult.BadRequest("interaction already answered")
            : new HttpInteractionResult(200, DiscordJson.Serialize(answer.Response), answer.Complete);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused an interaction request with a missing, stale or invalid signature")]
    private static partial void LogRefused(ILogger logger);
}

/// <summary>The HTTP answer: status, JSON body, and work to start once it has been sent.</summary>
public sealed record HttpInteractionResult(int Status, byte[] Body, Func<Task>? AfterResponse)
{
    /// <summary>401 for a request whose signature does not check out.</summary>
    public static HttpInteractionResult Unauthorized { get; } = new(401, """{"message":"invalid request signature"}"""u8.ToArray(), null);

    /// <summary>400 with a short reason.</summary>
    public static HttpInteractionResult BadRequest(string reason) =>
        new(400, JsonSerializer.SerializeToUtf8Bytes(new { message = reason }), null);
}
