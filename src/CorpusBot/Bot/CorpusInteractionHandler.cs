using CorpusBot.Commands;
using CorpusBot.Discord.Interactions;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Text;
using CorpusBot.Replies;
using CorpusBot.Search.Engine;

namespace CorpusBot.Bot;

/// <summary>Maps Discord interactions to the commands and renders their replies. Knows commands; knows no sockets.</summary>
internal sealed class CorpusInteractionHandler(
    CommandRunner runner,
    AskCommand ask,
    SearchCommand search,
    QuoteCommand quote,
    ArticleCommand article,
    AboutCommand about,
    IndexCommand index,
    CorpusSearcher searcher) : IInteractionHandler
{
    public bool IsPrivate(Interaction interaction) => interaction.Data?.Name == SlashCommands.Reindex;

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

    private Task<Reply> RunCommandAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var data = interaction.Data!;
        switch (data.Name)
        {
            case AskCommand.Name:
                var question = data.StringOption("question") ?? string.Empty;
                return runner.Run(AskCommand.Name, question, () => ask.Execute(question), cancellationToken);
            case SearchCommand.Name:
                var query = data.StringOption("query") ?? string.Empty;
                var page = (int)Math.Clamp(data.IntegerOption("page") ?? 1, 1, 10_000);
                var filter = new SearchFilter(data.StringOption("from"), data.StringOption("to"), data.StringOption("sort") == "newest");
                return runner.Run(SearchCommand.Name, query, () => search.Execute(query, page, filter: filter), cancellationToken);
            case QuoteCommand.Name:
                var text = data.StringOption("text") ?? string.Empty;
                return runner.Run(QuoteCommand.Name, text, () => quote.Execute(text), cancellationToken);
            case ArticleCommand.Name:
                var title = data.StringOption("title") ?? string.Empty;
                return runner.Run(ArticleCommand.Name, title, () => article.Execute(title), cancellationToken);
            case AboutCommand.Name:
                return runner.Run(AboutCommand.Name, null, about.Execute, cancellationToken);
            case SlashCommands.Reindex when interaction.Member?.Has(SlashCommands.ManageGuild) != true:
                return Task.FromResult(new Reply(SlashCommands.Reindex, null, ReplyKind.Invalid, "Only members with the Manage Server permission can re-index.", []));
            case SlashCommands.Reindex:
                return runner.RunAsync(SlashCommands.Reindex, null, index.ExecuteAsync, cancellationToken);
            case SlashCommands.FindSources:
                var message = data.TargetId is { } target && data.Resolved?.Messages?.GetValueOrDefault(target) is { } m ? m.Content : null;
                if (string.IsNullOrWhiteSpace(message))
                {
                    return Task.FromResult(new Reply(SearchCommand.Name, null, ReplyKind.Invalid, "That message has no text to look up.", []));
                }

                return runner.Run(SearchCommand.Name, message, () => search.Execute(message), cancellationToken);
            default:
                return Task.FromResult(new Reply(data.Name ?? "?", null, ReplyKind.Invalid, "CorpusBot does not know that command. Its commands are /ask, /search, /quote, /article and /about.", []));
        }
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
