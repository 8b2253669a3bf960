using System.CommandLine;
using CorpusBot.Commands;
using CorpusBot.Hosting;
using CorpusBot.Replies;
using CorpusBot.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Cli;

/// <summary>The command line: the bot's commands without Discord, for trying it out and for scripts (--json).</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var json = new Option<bool>("--json") { Description = "Write one JSON object to stdout instead of text.", Recursive = true };
        var root = new RootCommand("CorpusBot answers questions about a collection of news articles, with cited excerpts and source links.\n"
            + "Without a command it runs the Discord bot (set Discord__Token).");
        root.Options.Add(json);
        root.Subcommands.Add(QueryCommand(AskCommand.Name, "Ask a question; get the passages that answer it, with sources.", "question", json, context,
            (services, text, _) => services.GetRequiredService<AskCommand>().Execute(text)));
        var page = new Option<int>("--page") { Description = "Page of results, from 1.", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = $"Results per page (1-{Search.Engine.CorpusSearcher.MaxPageSize}).", DefaultValueFactory = _ => SearchCommand.DefaultPageSize };
        var from = new Option<string?>("--from") { Description = "Only articles published on or after this date (2021, 2021-05 or 2021-05-25)." };
        var to = new Option<string?>("--to") { Description = "Only articles published on or before this date." };
        var sort = new Option<string>("--sort") { Description = "relevance (default) or newest.", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "newest");
        root.Subcommands.Add(QueryCommand(SearchCommand.Name, "Keyword search: one result per article. \"Quoted phrases\" must match; -word excludes.", "query", json, context,
            (services, text, result) => services.GetRequiredService<SearchCommand>().Execute(
                text, result.GetValue(page), result.GetValue(pageSize), new SearchFilter(result.GetValue(from), result.GetValue(to), result.GetValue(sort) == "newest")),
            page, pageSize, from, to, sort));
        root.Subcommands.Add(QueryCommand(QuoteCommand.Name, "Find where a quotation comes from: the whole quotation and its source.", "text", json, context,
            (services, text, _) => services.GetRequiredService<QuoteCommand>().Execute(text)));
        root.Subcommands.Add(QueryCommand(ArticleCommand.Name, "Show an article by id or title, with its source.", "title", json, context,
            (services, text, _) => services.GetRequiredService<ArticleCommand>().Execute(text)));
        root.Subcommands.Add(PlainCommand(IndexCommand.Name, "Build or update the index, then print what changed and the stats.", json, context,
            (services, ct) => services.GetRequiredService<IndexCommand>().ExecuteAsync(embed: true, ct), refreshFirst: false));
        root.Subcommands.Add(PlainCommand(AboutCommand.Name, "The size of the collection and when the index last changed.", json, context,
            (services, _) => Task.FromResult(services.GetRequiredService<AboutCommand>().Execute()), refreshFirst: true));
        var urls = new Option<string?>("--urls") { Description = "Where the HTTP interactions endpoint listens (Discord:Transport=Http), e.g. http://0.0.0.0:8080." };
        root.Options.Add(urls);
        root.SetAction((result, ct) => BotLauncher.RunAsync(context, result.GetValue(urls), ct));
        root.Subcommands.Add(PlainCommand(RegisterCommand.Name, "Register the Discord commands (needs Discord__Token and Discord__ApplicationId), then exit.", json, context,
            (services, ct) => RegisterCommand.ExecuteAsync(services, ct), refreshFirst: false));

        var parsed = root.Parse(args);
        var errors = parsed.Errors.Select(e => e.Message).Concat(UnknownOptions(args, parsed)).ToList();
        if (errors.Count > 0)
        {
            var message = string.Join(" ", errors) + " Run with --help for usage.";
            if (parsed.GetValue(json))
            {
                JsonReplyWriter.Write(new Reply(parsed.CommandResult.Command.Name, null, ReplyKind.Invalid, message, []), context.Out);
            }

            await context.Error.WriteLineAsync(message);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken);
    }

    // Free-text arguments would swallow a mistyped option ("--pgae 2") as query words; refuse it instead.
    // Anything after a bare "--" is text, so a query may still start with dashes.
    private static IEnumerable<string> UnknownOptions(string[] args, ParseResult parsed)
    {
        var known = parsed.CommandResult.Command.Options
            .Concat(parsed.RootCommandResult.Command.Options)
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .ToHashSet(StringComparer.Ordinal);
        var end = Array.IndexOf(args, "--");
        return args
            .Take(end < 0 ? args.Length : end)
            .Where(a => a.Length > 2 && a.StartsWith("--", StringComparison.Ordinal) && !known.Contains(a.Split('=')[0]))
            .Select(a => $"Unknown option {a}.");
    }

    private static Command QueryCommand(
        string name,
        string description,
        string argumentName,
        Option<bool> json,
        CliContext context,
        Func<IServiceProvider, string, ParseResult, Reply> execute,
        params Option[] options)
    {
        var argument = new Argument<string[]>(argumentName) { Description = "Words (quote them, or not).", Arity = ArgumentArity.OneOrMore };
        var command = new Command(name, description) { argument };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((result, ct) =>
        {
            var text = string.Join(' ', result.GetValue(argument) ?? []);
            return ExecuteAsync(context, name, text, result.GetValue(json), refreshFirst: true, (services, _) => Task.FromResult(execute(services, text, result)), ct);
        });
        return command;
    }

    private static Command PlainCommand(string name, string description, Option<bool> json, CliContext context, Func<IServiceProvider, CancellationToken, Task<Reply>> execute, bool refreshFirst)
    {
        var command = new Command(name, description);
        command.SetAction((result, ct) => ExecuteAsync(context, name, null, result.GetValue(json), refreshFirst, execute, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        CliContext context,
        string name,
        string? query,
        bool json,
        bool refreshFirst,
        Func<IServiceProvider, CancellationToken, Task<Reply>> execute,
        CancellationToken cancellationToken)
    {
        using var host = AppHost.CreateBuilder(context).Build();
        var runner = host.Services.GetRequiredService<CommandRunner>();
        var reply = await runner.RunAsync(name, query, async ct =>
        {
            if (refreshFirst)
            {
                // The command line has no background service: bring the index up to date (cheap when nothing changed).
                await host.Services.GetRequiredService<CorpusIndexer>().UpdateAsync(ct);
            }

            return await execute(host.Services, ct);
        }, cancellationToken);

        if (json)
        {
            JsonReplyWriter.Write(reply, context.Out);
        }
        else
        {
            TextReplyWriter.Write(reply, reply.Kind is ReplyKind.Invalid or ReplyKind.Failed ? context.Error : context.Out, context.Ansi);
        }

        if (host.Services.GetService<CorpusIndex>() is { } index)
        {
            index.Dispose();
        }

        return ExitCodes.For(reply);
    }
}
