using CorpusBot.Bot;
using CorpusBot.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CorpusBot.Hosting;

/// <summary>Runs the bot's host until stopped; settings that fail validation at start are printed, once, as what to set.</summary>
internal static class HostRunner
{
    public static async Task<int> RunAsync(IHost host, CliContext context, CancellationToken cancellationToken)
    {
        var exit = host.Services.GetRequiredService<BotExit>(); // RunAsync disposes the host, even when it fails: take it first
        if (InvalidSettings(host.Services) is { Count: > 0 } failures)
        {
            foreach (var failure in failures)
            {
                await context.Error.WriteLineAsync(failure);
            }

            await DisposeAsync(host);
            return ExitCodes.Failure;
        }

        await host.RunAsync(cancellationToken);
        return exit.Code;
    }

    // What ValidateOnStart would find, checked before the host starts: a host that fails to start logs the failure
    // itself, with a stack trace, beside what is printed here; and this way every section's failures are printed at once.
    private static IReadOnlyList<string> InvalidSettings(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return [.. ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }

    private static async ValueTask DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
