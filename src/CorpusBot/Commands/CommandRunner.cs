using CorpusBot.Replies;
using CorpusBot.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Commands;

/// <summary>
/// The one place where a failing command becomes a reply: a short private message for the person and
/// one log line for the operator. Nothing that goes wrong in one command escapes to take the host down.
/// </summary>
public sealed partial class CommandRunner(ILogger<CommandRunner> logger)
{
    public async Task<Reply> RunAsync(string command, string? query, Func<CancellationToken, Task<Reply>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action(cancellationToken);
        }
        catch (CorpusException ex)
        {
            LogRefused(logger, command, ex.Message);
            return new Reply(command, query, ex.IsUserError ? ReplyKind.Invalid : ReplyKind.Failed, ex.Message, []);
        }
        catch (OptionsValidationException ex)
        {
            LogRefused(logger, command, ex.Message);
            return new Reply(command, query, ReplyKind.Failed, string.Join(" ", ex.Failures), []);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new Reply(command, query, ReplyKind.Failed, "Cancelled before an answer was ready.", []);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, command);
            return new Reply(command, query, ReplyKind.Failed, "Something went wrong while answering. It has been logged; please try again.", []);
        }
    }

    public Task<Reply> Run(string command, string? query, Func<Reply> action, CancellationToken cancellationToken) =>
        RunAsync(command, query, _ => Task.FromResult(action()), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string command, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string command);
}
