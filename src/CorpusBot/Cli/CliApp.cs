using System.CommandLine;
using CorpusBot.Commands;
using CorpusBot.Commands.Catalog;
using CorpusBot.Hosting;
using CorpusBot.Replies;
using CorpusBot.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        foreach (var command in CommandCatalog.On(Surfaces.CommandLine))
        {
            root.Subcommands.Add(ToCommand(command, json, context));
        }

        var urls = new Option<string?>("--urls") { Description = "Where the HTTP interactions endpoint listens (Discord:Transport=Http), e.g. http://0.0.0.0:8080." };
        root.Options.Add(urls);
        root.SetAction((result, ct) => BotLauncher.RunAsync(context, result.GetValue(urls), ct));

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

    // The first required text parameter is the words after the command; the others are --options.
    private static Command ToCommand(CommandSpec spec, Option<bool> json, CliContext context)
    {
        var command = new Command(spec.Name, spec.Description + ".");
        var parameters = spec.ParametersOn(Surfaces.CommandLine).ToList();
        var words = parameters.FirstOrDefault(p => p is { Kind: ParameterKind.Text, Required: true });
        Argument<string[]>? argument = null;
        if (words is not null)
        {
            argument = new Argument<string[]>(words.Name) { Description = words.Description + " (quote the words, or not).", Arity = ArgumentArity.OneOrMore };
            command.Arguments.Add(argument);
        }

        var options = parameters.Where(p => p != words).Select(p => (p.Name, Option: ToOption(p))).ToList();
        foreach (var (_, option) in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((result, ct) =>
        {
            var values = options.ToDictionary(o => o.Name, o => result.GetResult(o.Option)?.Tokens.FirstOrDefault()?.Value, StringComparer.Ordinal);
            string? text = null;
            if (words is not null)
            {
                text = string.Join(' ', result.GetValue(argument!) ?? []);
                values[words.Name] = text;
            }

            var arguments = new CommandArguments(spec, Surfaces.CommandLine, values);
            return ExecuteAsync(context, spec.Name, text, result.GetValue(json), spec.NeedsCurrentIndex, (services, token) => spec.Execute(services, arguments, token), ct);
        });
        return command;
    }

    private static Option ToOption(ParameterSpec parameter)
    {
        var description = parameter.Description + (parameter.Default is { } fallback ? $" (default {fallback})." : ".");
        var option = new Option<string?>("--" + parameter.Name) { Description = description };
        if (parameter.Choices is { } choices)
        {
            option.AcceptOnlyFromAmong([.. choices]);
        }

        if (parameter.Kind == ParameterKind.Integer)
        {
            option.Validators.Add(result =>
            {
                var value = result.Tokens.FirstOrDefault()?.Value;
                if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    || n < (parameter.Min ?? int.MinValue) || n > (parameter.Max ?? int.MaxValue))
                {
                    result.AddError($"--{parameter.Name} must be a whole number from {parameter.Min} to {parameter.Max}.");
                }
            });
        }

        return option;
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
        // Disposing the host disposes the index it opened; nothing is resolved again after a failed start.
        var builder = AppHost.CreateBuilder(context);

        // On the command line the reply itself tells the person why a command was refused; the runner's log line
        // (kept for the bot's operators) would only say it a second time on the same stderr.
        builder.Logging.AddFilter(typeof(CommandRunner).FullName, LogLevel.Warning);
        using var host = builder.Build();
        var runner = host.Services.GetRequiredService<CommandRunner>();
        var reply = await runner.RunAsync(name, query, async ct =>
        {
            if (refreshFirst)
            {
                // The command line has no background service: bring the index up to date (cheap when nothing changed).
                var indexer = host.Services.GetRequiredService<CorpusIndexer>();
                await indexer.UpdateAsync(ct);
                await indexer.MergeIfDueAsync(ct);
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

        return ExitCodes.For(reply);
    }
}
