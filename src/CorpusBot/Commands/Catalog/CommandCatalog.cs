using CorpusBot.Replies;
using CorpusBot.Search.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Commands.Catalog;

/// <summary>
/// Every command CorpusBot has, each declared once. Discord's registration (<c>Bot/SlashCommands</c>), the command line
/// (<c>Cli/CliApp</c>) and the interaction handler (<c>Bot/CorpusInteractionHandler</c>) are made from these entries:
/// adding an option here adds it everywhere.
/// </summary>
public static class CommandCatalog
{
    private const string Dates = "(2021, 2021-05 or 2021-05-25)";

    /// <summary>ask: the passages that best answer a question.</summary>
    public static CommandSpec Ask { get; } = new(
        AskCommand.Name,
        "Ask a question; get the passages that answer it, with sources",
        [new ParameterSpec("question", "What you want to know", Required: true) { MaxLength = 500 }],
        (services, args, _) => Task.FromResult(services.GetRequiredService<AskCommand>().Execute(args.Text("question"))));

    /// <summary>search: keyword search, one result per article, paged.</summary>
    public static CommandSpec Search { get; } = new(
        SearchCommand.Name,
        "Keyword search over the articles, one result per article",
        [
            new ParameterSpec("query", "Words to look for; \"quote\" a phrase, -word to exclude", Required: true) { MaxLength = 500 },
            new ParameterSpec("page", "Page of results", ParameterKind.Integer) { Min = 1, Max = 100, Default = "1" },
            new ParameterSpec("page-size", $"Results per page (1-{CorpusSearcher.MaxPageSize})", ParameterKind.Integer)
            {
                Min = 1, Max = CorpusSearcher.MaxPageSize, Default = SearchCommand.DefaultPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),

                // One Discord message shows one page of the default size.
                Surfaces = Surfaces.CommandLine,
            },
            new ParameterSpec("from", $"Published on or after {Dates}") { MaxLength = 10 },
            new ParameterSpec("to", $"Published on or before {Dates}") { MaxLength = 10 },
            new ParameterSpec("sort", "Best match first, or newest first") { Choices = ["relevance", "newest"], Default = "relevance" },
        ],
        (services, args, _) => Task.FromResult(services.GetRequiredService<SearchCommand>().Execute(
            args.Text("query"),
            args.Integer("page"),
            args.Integer("page-size"),
            new SearchFilter(args.OptionalText("from"), args.OptionalText("to"), args.Text("sort") == "newest"))));

    /// <summary>quote: where a quotation comes from.</summary>
    public static CommandSpec Quote { get; } = new(
        QuoteCommand.Name,
        "Find where a quotation comes from",
        [new ParameterSpec("text", "The quotation, as well as you remember it", Required: true) { MaxLength = 1000 }],
        (services, args, _) => Task.FromResult(services.GetRequiredService<QuoteCommand>().Execute(args.Text("text"))));

    /// <summary>article: one article by id or title.</summary>
    public static CommandSpec Article { get; } = new(
        ArticleCommand.Name,
        "Show an article by title or id",
        [new ParameterSpec("title", "Start typing a title", Required: true) { MaxLength = 200, Autocomplete = true }],
        (services, args, _) => Task.FromResult(services.GetRequiredService<ArticleCommand>().Execute(args.Text("title"))));

    /// <summary>about: the size of the collection and when it last changed.</summary>
    public static CommandSpec About { get; } = new(
        AboutCommand.Name,
        "How many articles CorpusBot knows and when its index was last updated",
        [],
        (services, _, _) => Task.FromResult(services.GetRequiredService<AboutCommand>().Execute()));

    /// <summary>index (Discord: /reindex): re-reads the articles folder; operators only on Discord.</summary>
    public static CommandSpec Index { get; } = new(
        IndexCommand.Name,
        "Re-read the article folder and update the index",
        [],
        // The command line embeds what is missing in the foreground; the bot leaves that to its background service.
        (services, args, ct) => services.GetRequiredService<IndexCommand>().ExecuteAsync(embed: args.Surface == Surfaces.CommandLine, ct))
    {
        DiscordName = "reindex",
        Audience = Audience.Operators,
        AnswersPrivately = true,
        NeedsCurrentIndex = false,
    };

    /// <summary>Find sources: a message's text looked up as a search (Discord's message menu only).</summary>
    public static CommandSpec FindSources { get; } = new(
        "find-sources",
        "Look up where a message's text comes from",
        [new ParameterSpec("text", "The message's text", Required: true)],
        (services, args, _) => Task.FromResult(services.GetRequiredService<SearchCommand>().Execute(args.Text("text"))))
    {
        DiscordName = "Find sources",
        Shape = CommandShape.OnMessage,
        Surfaces = Surfaces.Discord,
    };

    /// <summary>register: bulk-overwrites the Discord commands (for the HTTP transport, which has no READY to wait for).</summary>
    public static CommandSpec Register { get; } = new(
        RegisterCommand.Name,
        "Register the Discord commands (needs Discord__Token and Discord__ApplicationId), then exit",
        [],
        (services, _, ct) => services.GetRequiredService<RegisterCommand>().ExecuteAsync(ct))
    {
        Surfaces = Surfaces.CommandLine,
        NeedsCurrentIndex = false,
    };

    /// <summary>All of them, in the order help lists them.</summary>
    public static IReadOnlyList<CommandSpec> All { get; } = [Ask, Search, Quote, Article, About, Index, FindSources, Register];

    /// <summary>The commands offered on <paramref name="surface"/>.</summary>
    public static IEnumerable<CommandSpec> On(Surfaces surface) => All.Where(c => c.Surfaces.HasFlag(surface));

    /// <summary>The Discord command called <paramref name="name"/>, or null.</summary>
    public static CommandSpec? ForDiscord(string? name) => On(Surfaces.Discord).FirstOrDefault(c => c.SlashName == name);
}
