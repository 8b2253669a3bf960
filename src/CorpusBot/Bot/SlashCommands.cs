using CorpusBot.Commands;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Rest;
using CorpusBot.Discord;

namespace CorpusBot.Bot;

/// <summary>The commands registered with Discord: names and options as people see them.</summary>
internal static class SlashCommands
{
    public const string FindSources = "Find sources";
    public const string Reindex = "reindex";

    /// <summary>MANAGE_GUILD (1 &lt;&lt; 5): who sees /reindex by default, and who may run it.</summary>
    public const ulong ManageGuild = 1 << 5;

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        new(AskCommand.Name, "Ask a question; get the passages that answer it, with sources",
            Options: [Text("question", "What you want to know", 500)]),
        new(SearchCommand.Name, "Keyword search over the articles, one result per article",
            Options:
            [
                Text("query", "Words to look for; \"quote\" a phrase, -word to exclude", 500),
                new CommandOption(CommandOption.Integer, "page", "Page of results", Required: false, MinValue: 1, MaxValue: 100),
                new CommandOption(CommandOption.String, "from", "Published on or after (2021, 2021-05 or 2021-05-25)", Required: false, MaxLength: 10),
                new CommandOption(CommandOption.String, "to", "Published on or before (2021, 2021-05 or 2021-05-25)", Required: false, MaxLength: 10),
                new CommandOption(CommandOption.String, "sort", "Best match first, or newest first", Required: false, Choices: [new("relevance", "relevance"), new("newest", "newest")]),
            ]),
        new(QuoteCommand.Name, "Find where a quotation comes from",
            Options: [Text("text", "The quotation, as well as you remember it", 1000)]),
        new(ArticleCommand.Name, "Show an article by title",
            Options: [new CommandOption(CommandOption.String, "title", "Start typing a title", Required: true, Autocomplete: true, MaxLength: 200)]),
        new(AboutCommand.Name, "How many articles CorpusBot knows and when its index was last updated"),
        new(Reindex, "Re-read the article folder and update the index", DefaultMemberPermissions: ManageGuild.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(FindSources, null, ApplicationCommand.MessageCommand),
    ];

    /// <summary>
    /// Replaces the application's commands (in one server when Discord:GuildId is set, else globally) and says
    /// where, for a log line or a reply. One place for the gateway's READY, the HTTP mode's start and `register`.
    /// </summary>
    public static async Task<string> RegisterAsync(DiscordRestClient rest, string applicationId, DiscordOptions options, CancellationToken cancellationToken)
    {
        var guildId = string.IsNullOrWhiteSpace(options.GuildId) ? null : options.GuildId;
        await rest.BulkOverwriteCommandsAsync(applicationId, guildId, All, cancellationToken);
        return guildId is null ? "globally (new global commands may take a while to appear)" : $"in server {guildId}";
    }

    private static CommandOption Text(string name, string description, int maxLength) =>
        new(CommandOption.String, name, description, Required: true, MinLength: 1, MaxLength: maxLength);
}
