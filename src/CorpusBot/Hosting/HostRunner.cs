using CorpusBot.Bot;
using CorpusBot.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CorpusBot.Hosting;

/// <summary>Runs the bot's host until stopped; a setting that fails validation at start is printed, once, as what to set.</summary>
internal static class HostRunner
{
    public static async Task<int> RunAsync(IHost host, CliContext context, CancellationToken cancellationToken)
    {
        var exit = host.Services.GetRequiredService<BotExit>(); // RunAsync disposes the host, even when it fails: take it first
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await context.Error.WriteLineAsync(failure);
            }

            return ExitCodes.Failure;
        }

        return exit.Code;
    }
}
