using CorpusBot.Cli;
using Microsoft.Extensions.Configuration;

namespace CorpusBot.Hosting;

/// <summary>Runs the Discord bot when a token is configured; otherwise explains how to configure it and how to use the command line.</summary>
internal static class BotLauncher
{
    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var builder = AppHost.CreateBuilder(context);
        var token = builder.Configuration["Discord:Token"];
        if (string.IsNullOrWhiteSpace(token))
        {
            await context.Error.WriteLineAsync("""
                No Discord bot token is configured, so the bot cannot connect to Discord.
                  To run the bot: set the environment variable Discord__Token (or: dotnet user-secrets set Discord:Token <token> --project src/CorpusBot).
                  To use it without Discord, run a command, for example:
                    dotnet run --project src/CorpusBot -- ask "Why did Mark Ruffalo apologize?"
                    dotnet run --project src/CorpusBot -- search ceasefire --json
                  See --help for every command.
                """);
            return ExitCodes.Usage;
        }

        await context.Error.WriteLineAsync("A Discord token is set, but this build has no Discord front end yet; use the command line (see --help).");
        cancellationToken.ThrowIfCancellationRequested();
        return ExitCodes.Failure;
    }
}
