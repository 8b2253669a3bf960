using CorpusBot.Discord.Gateway;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Rest;
using CorpusBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorpusBot.Discord;

internal static class DiscordServices
{
    /// <summary>The bot: index service, gateway, REST client, interaction dispatcher and the command handler.</summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DiscordOptions>>().Value);
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<GatewayClient>();
        services.AddSingleton<IInteractionHandler, CorpusInteractionHandler>();
        services.AddSingleton<InteractionDispatcher>();
        services.AddSingleton<BotExit>();
        services.AddSingleton<IndexHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexHostedService>());
        services.AddHostedService<DiscordBotService>();
        return services;
    }
}
