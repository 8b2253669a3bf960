using CorpusBot.Bot;
using CorpusBot.Cli;
using CorpusBot.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CorpusBot.Hosting;

/// <summary>Runs the Discord bot when a token is configured; otherwise explains how to configure it and how to use the command line.</summary>
internal static class BotLauncher
{
    public static async Task<int> RunAsync(CliContext context, string? urls, CancellationToken cancellationToken)
    {
        var builder = AppHost.CreateBuilder(context);

        // Only the two settings that choose what to run: the whole section is bound, and validated, when the bot's host
        // starts, where a bad value is reported as what to set.
        var discord = new DiscordOptions { Token = builder.Configuration["Discord:Token"] };
        if (builder.Configuration["Discord:Transport"] is { } transport)
        {
            discord.Transport = transport;
        }

        if (discord.UsesHttp)
        {
            return await HttpBot.RunAsync(context, urls, cancellationToken);
        }

        if (!discord.HasToken)
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

        // /healthz in gateway mode too, when an address to listen on is given (Docker's HEALTHCHECK sets one).
        if (HttpBot.ListenAddress(urls, builder.Configuration) is { } listen)
        {
            var web = HttpBot.BuildWeb(context, listen, (services, configuration) => services.AddDiscordBot(configuration), app => app.MapHealth());
            return await HostRunner.RunAsync(web, context, cancellationToken);
        }

        builder.Services.AddDiscordBot(builder.Configuration);
        return await HostRunner.RunAsync(builder.Build(), context, cancellationToken);
    }
}
