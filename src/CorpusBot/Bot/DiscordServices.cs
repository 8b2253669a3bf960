using CorpusBot.Discord;
using CorpusBot.Discord.Gateway;
using CorpusBot.Discord.Http;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Rest;
using CorpusBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CorpusBot.Bot;

internal static class DiscordServices
{
    /// <summary>The bot over the gateway: index service, gateway session, REST, dispatcher and the command handler.</summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInteractionAnswering(configuration);
        services.AddBackgroundIndexing();
        services.AddSingleton<GatewayClient>();
        services.AddSingleton<GatewayHealth>();
        services.AddSingleton<BotPresence>();
        services.AddHostedService<DiscordBotService>();
        return services;
    }

    /// <summary>The bot over HTTP: signed requests to /interactions, the same dispatcher and handler, commands registered at start.</summary>
    public static IServiceCollection AddDiscordHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInteractionAnswering(configuration);
        services.AddBackgroundIndexing();
        services.AddSingleton(sp => new InteractionSignature(sp.GetRequiredService<DiscordOptions>().PublicKey!));
        services.AddSingleton<HttpInteractionProcessor>();
        services.AddHostedService<CommandRegistrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReplyWarmUp>());
        return services;
    }

    /// <summary>
    /// What both transports answer interactions with: the Discord settings, REST, the dispatcher, the command handler
    /// and its warm-up, and the exit code a fatal stop leaves.
    /// </summary>
    private static void AddInteractionAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().BindSection(configuration.GetSection(DiscordOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DiscordOptions>>().Value);
        services.AddSingleton<DiscordRestClient>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Operators>();
        services.AddSingleton<IInteractionHandler, CorpusInteractionHandler>();
        services.AddSingleton<InteractionDispatcher>();
        services.AddSingleton<ReplyWarmUp>();
        services.AddSingleton<BotExit>();
    }
}
