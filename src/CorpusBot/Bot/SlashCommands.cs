using System.Globalization;
using CorpusBot.Commands.Catalog;
using CorpusBot.Discord;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Rest;

namespace CorpusBot.Bot;

/// <summary>The commands registered with Discord, made from <see cref="CommandCatalog"/>.</summary>
internal static class SlashCommands
{
    /// <summary>MANAGE_GUILD (1 &lt;&lt; 5): who sees an operators' command by default (who may run it is checked apart).</summary>
    public const ulong ManageGuild = 1 << 5;

    // User-installed, the bot answers in servers, its DMs and other DMs and group DMs; operators' commands stay in servers
    // that installed it.
    private static readonly ApplicationIntegrationType[] EveryInstall = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall];
    private static readonly InteractionContextType[] EveryContext = [InteractionContextType.Guild, InteractionContextType.BotDm, InteractionContextType.PrivateChannel];
    private static readonly ApplicationIntegrationType[] ServerInstall = [ApplicationIntegrationType.GuildInstall];
    private static readonly InteractionContextType[] ServersOnly = [InteractionContextType.Guild];

    /// <summary>The global commands as registered (with where they may be installed and used).</summary>
    public static IReadOnlyList<ApplicationCommand> All { get; } = Build(global: true);

    /// <summary>
    /// Replaces the application's commands (in one server when Discord:GuildId is set, else globally) and says
    /// where, for a log line or a reply. One place for the gateway's READY, the HTTP mode's start and `register`.
    /// </summary>
    public static async Task<string> RegisterAsync(DiscordRestClient rest, string applicationId, DiscordOptions options, CancellationToken cancellationToken)
    {
        var guildId = string.IsNullOrWhiteSpace(options.GuildId) ? null : options.GuildId;
        await rest.BulkOverwriteCommandsAsync(applicationId, guildId, guildId is null ? All : Build(global: false), cancellationToken);
        return guildId is null ? "globally (new global commands may take a while to appear)" : $"in server {guildId}";
    }

    // integration_types and contexts are for global commands only (application-commands.md), so a server's set has none.
    private static List<ApplicationCommand> Build(bool global) =>
        CommandCatalog.On(Surfaces.Discord).Select(command => ToDiscord(command, global)).ToList();

    private static ApplicationCommand ToDiscord(CommandSpec command, bool global)
    {
        var operators = command.Audience == Audience.Operators;
        var shaped = command.Shape == CommandShape.OnMessage
            ? new ApplicationCommand(command.SlashName, null, ApplicationCommand.MessageCommand)
            : new ApplicationCommand(
                command.SlashName,
                command.Description,
                Options: command.ParametersOn(Surfaces.Discord).Select(ToOption).ToList() is { Count: > 0 } options ? options : null,
                DefaultMemberPermissions: operators ? ManageGuild.ToString(CultureInfo.InvariantCulture) : null);
        return global
            ? shaped with { IntegrationTypes = operators ? ServerInstall : EveryInstall, Contexts = operators ? ServersOnly : EveryContext }
            : shaped;
    }

    private static CommandOption ToOption(ParameterSpec parameter) => parameter.Kind switch
    {
        ParameterKind.Integer => new CommandOption(CommandOption.Integer, parameter.Name, parameter.Description, parameter.Required, MinValue: parameter.Min, MaxValue: parameter.Max),
        _ => new CommandOption(
            CommandOption.String,
            parameter.Name,
            parameter.Description,
            parameter.Required,
            Autocomplete: parameter.Autocomplete ? true : null,
            MinLength: parameter.Required && parameter.Choices is null ? 1 : null,
            MaxLength: parameter.Choices is null ? parameter.MaxLength : null,
            Choices: parameter.Choices?.Select(c => new CommandChoice(c, c)).ToList()),
    };
}
