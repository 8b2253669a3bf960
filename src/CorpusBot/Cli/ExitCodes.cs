using CorpusBot.Replies;

namespace CorpusBot.Cli;

/// <summary>0 for an answer or no results, 2 for a usage error, 1 for a failure.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static int For(Reply reply) => reply.Kind switch
    {
        ReplyKind.Invalid => Usage,
        ReplyKind.Failed => Failure,
        _ => Success,
    };
}
