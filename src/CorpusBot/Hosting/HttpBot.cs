using CorpusBot.Bot;
using CorpusBot.Cli;
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
    public static Task<int> RunAsync(CliContext context, string? urls, CancellationToken cancellationToken) =>
        HostRunner.RunAsync(Build(context, urls), context, cancellationToken);

    public static WebApplication Build(CliContext context, string? urls) =>
        BuildWeb(context, urls, (services, configuration) => services.AddDiscordHttp(configuration), app => app.MapInteractions());

    /// <summary>Where to listen: <c>--urls</c>, else ASPNETCORE_URLS, else the <c>Urls</c> setting; null when none is set.</summary>
    public static string? ListenAddress(string? urls, IConfiguration configuration) =>
        new[] { urls, Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), configuration["Urls"] }.FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));

    /// <summary>A Kestrel app with the corpus services, <paramref name="addServices"/> and the endpoints <paramref name="map"/> adds.</summary>
    public static WebApplication BuildWeb(CliContext context, string? urls, Action<IServiceCollection, IConfiguration> addServices, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = AppHost.EnvironmentName,
        });
        AppHost.Configure(builder, context);
        builder.WebHost.UseKestrelCore();
        if (ListenAddress(urls, builder.Configuration) is { } listen)
        {
            builder.WebHost.UseUrls(listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        builder.Services.AddRoutingCore();
        addServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        app.UseRouting();
        map(app);
        return app;
    }
}
