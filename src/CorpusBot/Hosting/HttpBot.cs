using CorpusBot.Cli;
using CorpusBot.Bot;
using CorpusBot.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CorpusBot.Hosting;

/// <summary>Runs CorpusBot as an HTTP interactions endpoint: stateless, several instances may run behind a load balancer.</summary>
internal static class HttpBot
{
    public static async Task<int> RunAsync(CliContext context, string? urls, CancellationToken cancellationToken)
    {
        var app = Build(context, urls);
        await using (app)
        {
            var exit = app.Services.GetRequiredService<BotExit>();
            try
            {
                await HostingAbstractionsHostExtensions.RunAsync(app, cancellationToken);
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

    public static WebApplication Build(CliContext context, string? urls)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = AppHost.EnvironmentName,
        });
        AppHost.Configure(builder, context);
        builder.WebHost.UseKestrelCore();
        var listen = urls ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? builder.Configuration["Urls"];
        if (!string.IsNullOrWhiteSpace(listen))
        {
            builder.WebHost.UseUrls(listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        builder.Services.AddRoutingCore();
        builder.Services.AddDiscordHttp(builder.Configuration);
        var app = builder.Build();
        app.UseRouting();
        app.MapInteractions();
        return app;
    }
}
