using CorpusBot.Discord;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Bot;

/// <summary>
/// Who may run operators' commands: the application's owner or team (GET /applications/@me, re-read every few
/// minutes) and <c>Discord:OperatorIds</c>. A Manage Server permission in some server is not enough: the collection is
/// shared by every server. When Discord cannot be asked, only the configured ids are trusted.
/// </summary>
internal sealed partial class Operators(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<Operators> logger, TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly IReadOnlySet<string> _configured = Parse(options.Value.OperatorIds);
    private (IReadOnlySet<string> Ids, DateTimeOffset ReadAt)? _owners;

    /// <summary>True when <paramref name="userId"/> may run operators' commands.</summary>
    public async Task<bool> IncludesAsync(string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return false;
        }

        return _configured.Contains(userId) || (await OwnersAsync(cancellationToken)).Contains(userId);
    }

    /// <summary>The ids in a comma- or space-separated list.</summary>
    public static IReadOnlySet<string> Parse(string? list) =>
        (list ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    private async Task<IReadOnlySet<string>> OwnersAsync(CancellationToken cancellationToken)
    {
        if (_owners is { } known && time.GetUtcNow() - known.ReadAt < Refresh)
        {
            return known.Ids;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_owners is { } fresh && time.GetUtcNow() - fresh.ReadAt < Refresh)
            {
                return fresh.Ids;
            }

            var application = await rest.GetCurrentApplicationAsync(cancellationToken);
            _owners = (application.OwnerIds(), time.GetUtcNow());
            return _owners.Value.Ids;
        }
        catch (Exception ex) when (ex is DiscordHttpException or HttpRequestException or InvalidDataException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogOwnersUnknown(logger, ex.Message);
            return _owners?.Ids ?? new HashSet<string>();
        }
        finally
        {
            _reading.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the application's owner from Discord ({Reason}); only Discord:OperatorIds may run operators' commands until it can be read")]
    private static partial void LogOwnersUnknown(ILogger logger, string reason);
}
