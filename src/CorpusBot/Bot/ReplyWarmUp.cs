using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Hosting;
using CorpusBot.Search.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Bot;

/// <summary>
/// Answers a sample <c>/search</c> and <c>/ask</c> on a word of the collection (as a word, a phrase, and beside an unknown word) through the whole reply path (handler,
/// limits, serialisation) and sends nothing, once there is an index: the first people after a restart would otherwise
/// wait a few hundred milliseconds for code run for the first time. The gateway bot awaits it before connecting; over
/// HTTP it runs as the instance starts.
/// </summary>
internal sealed partial class ReplyWarmUp(InteractionDispatcher dispatcher, CorpusSearcher searcher, IndexHostedService index, ILogger<ReplyWarmUp> logger) : BackgroundService
{
    /// <summary>Runs the warm-up; with an existing index it does not wait for the first pass over the folder.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (searcher.Stats().Articles == 0)
        {
            await index.FirstPass.WaitAsync(cancellationToken); // nothing to warm on yet
        }

        var clock = Stopwatch.StartNew();
        var word = searcher.Titles(string.Empty, 1).FirstOrDefault().Title?.Split(' ').FirstOrDefault(w => w.Length > 3) ?? "news";
        try
        {
            // The word alone finds articles (their excerpts, citations and page buttons are rendered); with a quoted
            // phrase and a word no collection has, the phrase and spelling-suggestion code runs too.
            foreach (var (command, option) in new[] { ("search", "query"), ("ask", "question") })
            {
                foreach (var text in new[] { word, $"{word} \"{word} {word}\" {UnknownWord}" })
                {
                    using var sample = JsonDocument.Parse(Sample(command, option, text).ToJsonString());
                    await dispatcher.WarmAsync(sample.RootElement, cancellationToken);
                }
            }

            LogWarmed(logger, clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWarmUpFailed(logger, ex.Message); // only the first answers are slower; nothing else depends on it
        }
    }

    // Long enough for both of the speller's steps (one edit, then two), letters only, in no language.
    private const string UnknownWord = "qxzvwkjtpm";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    private static JsonObject Sample(string command, string option, string value) => new()
    {
        ["id"] = "0",
        ["application_id"] = "0",
        ["type"] = (int)InteractionType.ApplicationCommand,
        ["token"] = "warm-up",
        ["version"] = 1,
        ["data"] = new JsonObject
        {
            ["id"] = "0",
            ["name"] = command,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = value }),
        },
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a sample /search and /ask in {Milliseconds:F0} ms, so the first people do not wait for code run for the first time")]
    private static partial void LogWarmed(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up answer failed ({Problem}); the first answers may be slower")]
    private static partial void LogWarmUpFailed(ILogger logger, string problem);
}
