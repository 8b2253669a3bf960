using CorpusBot.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CorpusBot.Hosting;

/// <summary>Builds the host: configuration (defaults, appsettings.json, user secrets, environment), stderr logging, services.</summary>
internal static class AppHost
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:System.Net.Http"] = "Warning",
    };

    public static HostApplicationBuilder CreateBuilder(CliContext context)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = EnvironmentName,
        });
        Configure(builder, context);
        return builder;
    }

    public static string EnvironmentName => Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production;

    /// <summary>Configuration sources, stderr logging and the corpus services, for a plain host or a web host alike.</summary>
    public static void Configure(IHostApplicationBuilder builder, CliContext context)
    {
        builder.Configuration
            .AddInMemoryCollection(Defaults)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{EnvironmentName}.json", optional: true, reloadOnChange: false)
            .AddUserSecrets(typeof(AppHost).Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(context.Settings);

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.ColorBehavior = context.ColorLogs ? LoggerColorBehavior.Default : LoggerColorBehavior.Disabled;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddCorpus(builder.Configuration);
    }
}
