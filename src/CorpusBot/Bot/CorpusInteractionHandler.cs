using CorpusBot.Commands;
using CorpusBot.Commands.Catalog;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Text;
using CorpusBot.Replies;
using CorpusBot.Search.Engine;

namespace CorpusBot.Bot;

/// <summary>
/// Maps Discord interactions to the commands of <see cref="CommandCatalog"/> and renders their replies. Knows commands;
/// knows no sockets. Interactions from servers, the bot's DMs and (user-installed) other DMs are answered alike.
/// </summary>
internal sealed class CorpusInteractionHandler(
    IServiceProvider services,
    CommandRunner runner,
    SearchCommand search,
    CorpusSearcher searcher,
    Operators operators) : IInteractionHandler
{
    public bool IsPrivate(Interaction interaction) => CommandCatalog.ForDiscord(interaction.Data?.Name)?.AnswersPrivately == true;

    public async Task<InteractionReply> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                var reply = await RunCommandAsync(interaction, cancellationToken);
                return InteractionReply.NewMessage(DiscordReplyRenderer.Render(reply));
            case InteractionType.ApplicationCommandAutocomplete:
                return InteractionReply.Suggest(Suggestions(interaction));
            case InteractionType.MessageComponent when SearchPaging.TryDecode(interaction.Data?.CustomId, out var page, out var query, out var filter):
                var pageReply = await runner.Run(SearchCommand.Name, query, () => search.Execute(query, page, filter: filter), cancellationToken);
                return pageReply.IsPrivate
                    ? InteractionReply.NewMessage(DiscordReplyRenderer.Render(pageReply))
                    : InteractionReply.Update(DiscordReplyRenderer.Render(pageReply, asUpdate: true));
            default:
                return InteractionReply.NewMessage(DiscordReplyRenderer.Render(
                    new Reply("interaction", null, ReplyKind.Invalid, "That button or command is not one CorpusBot knows. Try /search or /ask.", [])));
        }
    }

    private async Task<Reply> RunCommandAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var data = interaction.Data!;
        if (CommandCatalog.ForDiscord(data.Name) is not { } command)
        {
            var known = string.Join(", ", CommandCatalog.On(Surfaces.Discord).Where(c => c.Shape == CommandShape.Slash).Select(c => "/" + c.SlashName));
            return new Reply(data.Name ?? "?", null, ReplyKind.Invalid, $"CorpusBot does not know that command. Its commands are {known}.", []);
        }

        if (command.Audience == Audience.Operators && await RefusalAsync(interaction, command, cancellationToken) is { } refused)
        {
            return refused;
        }

        var values = Values(command, data);
        if (command.Shape == CommandShape.OnMessage && string.IsNullOrWhiteSpace(values.Values.FirstOrDefault()))
        {
            return new Reply(command.Name, null, ReplyKind.Invalid, "That message has no text to look up.", []);
        }

        var arguments = new CommandArguments(command, Surfaces.Discord, values);
        var query = command.Parameters.FirstOrDefault(p => p.Required) is { } main ? arguments.Text(main.Name) : null;
        var reply = await runner.RunAsync(command.Name, query, ct => command.Execute(services, arguments, ct), cancellationToken);
        return reply with { AlwaysPrivate = command.AnswersPrivately };
    }

    private async Task<Reply?> RefusalAsync(Interaction interaction, CommandSpec command, CancellationToken cancellationToken)
    {
        // Declared for servers only; a client that sends it from elsewhere is still refused.
        if (!interaction.FromInstalledGuild)
        {
            return new Reply(command.Name, null, ReplyKind.Invalid, $"/{command.SlashName} works only in a server CorpusBot is installed to.", []);
        }

        return await operators.IncludesAsync(interaction.Invoker?.Id, cancellationToken)
            ? null
            : new Reply(command.Name, null, ReplyKind.Invalid, $"Only the bot's owner and its operators can run /{command.SlashName}: the collection is shared by every server.", []);
    }

    // What the person gave, by parameter name: the options of a slash command, or the target message's text.
    private static Dictionary<string, string?> Values(CommandSpec command, InteractionData data)
    {
        if (command.Shape == CommandShape.OnMessage)
        {
            var message = data.TargetId is { } target && data.Resolved?.Messages?.GetValueOrDefault(target) is { } m ? m.Content : null;
            return command.Parameters.Take(1).ToDictionary(p => p.Name, _ => message, StringComparer.Ordinal);
        }

        return command.ParametersOn(Surfaces.Discord)
            .ToDictionary(p => p.Name, p => data.StringOption(p.Name), StringComparer.Ordinal);
    }

    private IReadOnlyList<AutocompleteChoice> Suggestions(Interaction interaction)
    {
        var typed = interaction.Data?.Focused?.ValueAsString() ?? string.Empty;
        return searcher.Titles(typed, DiscordLimits.AutocompleteChoices)
            .Select(t => new AutocompleteChoice(
                DiscordText.Truncate(t.Title, DiscordLimits.ChoiceText),
                t.Id.Length <= DiscordLimits.ChoiceText ? t.Id : DiscordText.Truncate(t.Title, DiscordLimits.ChoiceText)))
            .ToList();
    }
}
