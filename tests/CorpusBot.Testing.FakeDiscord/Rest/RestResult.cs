using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>What a REST handler answers: a status, an optional JSON body and extra headers.</summary>
internal sealed record RestResult(int Status, JsonNode? Body)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static RestResult NoContent() => new(204, null);

    public static RestResult Ok(JsonNode body) => new(200, body);

    /// <summary>An error in Discord's format: <c>{"message": ..., "code": ...}</c> plus <c>errors</c> for form errors.</summary>
    public static RestResult Error(int status, int code, string message, JsonObject? errors = null)
    {
        var body = new JsonObject { ["message"] = message, ["code"] = code };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return new RestResult(status, body);
    }

    public static RestResult NotFound() => Error(404, 0, "404: Not Found");

    public static RestResult InvalidJson() => Error(400, 50109, "The request body contains invalid JSON.");

    public static RestResult InvalidForm(FormErrors errors) => Error(400, 50035, "Invalid Form Body", errors.ToErrorsObject());

    public static RestResult UnknownInteraction() => Error(404, 10062, "Unknown interaction");

    public static RestResult UnknownWebhook() => Error(404, 10015, "Unknown Webhook");

    public static RestResult UnknownMessage() => Error(404, 10008, "Unknown Message");
}
