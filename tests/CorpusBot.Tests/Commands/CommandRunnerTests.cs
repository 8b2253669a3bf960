using CorpusBot.Commands;
using CorpusBot.Replies;
using CorpusBot.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Tests.Commands;

public class CommandRunnerTests
{
    private readonly CommandRunner _runner = new(NullLogger<CommandRunner>.Instance);

    [Fact]
    public async Task An_unexpected_exception_becomes_a_private_failure_reply_without_its_details()
    {
        var reply = await _runner.Run("ask", "q", () => throw new InvalidOperationException("secret internals at /srv/x"), CancellationToken.None);

        Assert.Equal(ReplyKind.Failed, reply.Kind);
        Assert.True(reply.IsPrivate);
        Assert.DoesNotContain("secret", reply.Message);
    }

    [Fact]
    public async Task A_user_error_becomes_an_invalid_reply_with_its_message()
    {
        var reply = await _runner.Run("ask", "", () => throw new CorpusException("Type a few words to look for."), CancellationToken.None);

        Assert.Equal(ReplyKind.Invalid, reply.Kind);
        Assert.Equal("Type a few words to look for.", reply.Message);
    }

    [Fact]
    public async Task A_service_error_becomes_a_failed_reply_with_its_message()
    {
        var reply = await _runner.Run("index", null, () => throw new CorpusException("The index is busy.", isUserError: false), CancellationToken.None);

        Assert.Equal(ReplyKind.Failed, reply.Kind);
        Assert.Equal("The index is busy.", reply.Message);
    }
}
