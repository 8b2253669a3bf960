using System.Text.Json;

namespace CorpusBot.Discord.Models;

/// <summary>An interaction as Discord sends it (the fields this bot reads).</summary>
public sealed record Interaction(
    string Id,
    string? ApplicationId,
    InteractionType Type,
    string Token,
    InteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    GuildMember? Member = null,
    DiscordUser? User = null,
    MessageReference? Message = null,
    InteractionContextType? Context = null,
    IReadOnlyDictionary<string, string>? AuthorizingIntegrationOwners = null)
{
    /// <summary>The person who triggered it: <c>member.user</c> in a server, <c>user</c> in DMs.</summary>
    public DiscordUser? Invoker => Member?.User ?? User;

    /// <summary>
    /// True when it came from a server the app is installed to (not a DM, group DM, or a server where only a member
    /// installed the app to their account): Discord then lists the server's id under the guild-install key.
    /// </summary>
    public bool FromInstalledGuild => GuildId is not null
        && (AuthorizingIntegrationOwners is null
            || (AuthorizingIntegrationOwners.TryGetValue(GuildInstallKey, out var owner) && owner == GuildId));

    // authorizing_integration_owners is keyed by the integration type's number, as a string.
    private const string GuildInstallKey = "0";
}

/// <summary>The command or component data of an interaction.</summary>
public sealed record InteractionData(
    string? Id = null,
    string? Name = null,
    int? Type = null,
    IReadOnlyList<InteractionOption>? Options = null,
    string? TargetId = null,
    ResolvedData? Resolved = null,
    string? CustomId = null,
    ComponentType? ComponentType = null)
{
    /// <summary>The value of a top-level option, as text, or null when absent.</summary>
    public string? StringOption(string name) => Options?.FirstOrDefault(o => o.Name == name)?.ValueAsString();

    /// <summary>The option being typed in an autocomplete request.</summary>
    public InteractionOption? Focused => Options?.FirstOrDefault(o => o.Focused == true);
}

/// <summary>An option value the person supplied.</summary>
public sealed record InteractionOption(string Name, int Type, JsonElement? Value = null, IReadOnlyList<InteractionOption>? Options = null, bool? Focused = null)
{
    /// <summary>The value as text, whatever its JSON type.</summary>
    public string? ValueAsString() => Value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } v => v.GetRawText(),
    };
}

/// <summary>Objects referenced by the interaction (for message commands: the target message).</summary>
public sealed record ResolvedData(IReadOnlyDictionary<string, ResolvedMessage>? Messages = null);

/// <summary>A message referenced by an interaction.</summary>
public sealed record ResolvedMessage(string Id, string? Content = null);

/// <summary>The message a component belongs to.</summary>
public sealed record MessageReference(string Id, int? Flags = null);

/// <summary>A guild member: who invoked the interaction, in a server (who may run operators' commands is decided by id).</summary>
public sealed record GuildMember(DiscordUser? User = null);

/// <summary>A Discord user.</summary>
public sealed record DiscordUser(string Id, string? Username = null);
