using CorpusBot.Semantic;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Hosting;

/// <summary>
/// Embeds passages in the background once the first index pass is done (so the first answers never wait for it),
/// then after every commit; saves what it has when the bot stops.
/// </summary>
internal sealed class SemanticHostedService(IndexHostedService index, SemanticIndex semantic) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await index.FirstPass.WaitAsync(stoppingToken);
        try
        {
            await semantic.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
