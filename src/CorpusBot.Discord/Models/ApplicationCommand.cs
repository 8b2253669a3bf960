namespace CorpusBot.Discord.Models;

/// <summary>A command to register (slash command, or a user/message context-menu command).</summary>
/// <param name="Name">1–32 characters; lower case for slash commands.</param>
/// <param name="Description">1–100 characters for slash commands; null for context-menu commands (Discord refuses one).</param>
/// <param name="Type">1 slash (CHAT_INPUT), 2 user, 3 message.</param>
/// <param name="Options">Parameters, required ones first.</param>
/// <param name="DefaultMemberPermissions">Permission bits (as a decimal string) a member needs to see the command by default.</param>
/// <param name="IntegrationTypes">The installations (server, user) the command is available in; global commands only.</param>
/// <param name="Contexts">Where the command can be used (server, the bot's DM, other DMs); global commands only.</param>
public sealed record ApplicationCommand(
    string Name,
    string? Description,
    int Type = ApplicationCommand.ChatInput,
    IReadOnlyList<CommandOption>? Options = null,
    string? DefaultMemberPermissions = null,
    IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes = null,
    IReadOnlyList<InteractionContextType>? Contexts = null)
{
    /// <summary>A slash command.</summary>
    public const int ChatInput = 1;

    /// <summary>A message context-menu command.</summary>
    public const int MessageCommand = 3;
}

/// <summary>A parameter of a slash command.</summary>
public sealed record CommandOption(
    int Type,
    string Name,
    string Description,
    bool? Required = null,
    bool? Autocomplete = null,
    int? MinValue = null,
    int? MaxValue = null,
    int? MinLength = null,
    int? MaxLength = null,
    IReadOnlyList<CommandChoice>? Choices = null)
{
    /// <summary>A string option.</summary>
    public const int String = 3;

    /// <summary>An integer option.</summary>
    public const int Integer = 4;
}

/// <summary>A fixed choice for an option (at most 25; an option with choices cannot autocomplete).</summary>
public sealed record CommandChoice(string Name, string Value);
