using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>REST observation and fault injection.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>Every HTTP request (not the WebSocket upgrades), in order of arrival.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot();

    /// <summary>Body elements of the last accepted <c>PUT /applications/{app}/commands</c>.</summary>
    public IReadOnlyList<JsonElement> GlobalCommands => _commands.Global;

    /// <summary>Guild id → body elements of the last accepted <c>PUT /applications/{app}/guilds/{guild}/commands</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> GuildCommands => _commands.Guilds;

    /// <summary>Waits until at least one bulk overwrite (global or guild) has been accepted (returns at once if one already was).</summary>
    public Task WaitForCommandsRegisteredAsync(TimeSpan timeout) =>
        Waiter.UntilAsync(_commands.Signal, () => _commands.Overwrites > 0 ? "done" : null, timeout,
            () => "no bulk command overwrite was accepted. " + DescribeState());

    /// <summary>
    /// Fails the next <paramref name="count"/> requests whose method matches (<c>"*"</c> for any) and whose path after
    /// <c>/api/v10</c> matches <paramref name="pathRegex"/>. Status 429 answers Discord's rate-limit body and headers
    /// (<c>Retry-After</c>, <c>X-RateLimit-Scope</c>, and <c>X-RateLimit-Global</c> when <paramref name="global"/>);
    /// other statuses answer a JSON error. The failed request has no side effect and is not a violation, but retrying
    /// before <c>retry_after</c> elapsed is.
    /// </summary>
    public void FailNext(string method, string pathRegex, int status, int count = 1, double retryAfterSeconds = 0.2, bool global = false) =>
        _faults.Add(method, pathRegex, status, count, retryAfterSeconds, global);
}
