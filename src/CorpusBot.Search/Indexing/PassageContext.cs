using CorpusBot.Search.Text;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// The sentences on either side of a passage, stored with it so that an excerpt can take the sentence just
/// before or after the passage when that is where the answer is ("Davis received 1,119 votes" right after the
/// passage that names the election), without fetching the neighbouring passages at query time.
/// </summary>
internal static class PassageContext
{
    /// <summary>How much of a neighbouring passage is kept: whole sentences, up to about this many characters.</summary>
    public const int Length = 300;

    /// <summary>The last whole sentences of <paramref name="text"/>, at most about <see cref="Length"/> characters (at least one sentence, cut at a word if it is long).</summary>
    public static string Tail(string text)
    {
        var starts = Sentences.Starts(text);
        var start = starts[^1];
        for (var i = starts.Count - 2; i >= 0 && text.Length - starts[i] <= Length; i--)
        {
            start = starts[i];
        }

        var tail = text[start..].Trim();
        if (tail.Length <= Length * 3 / 2)
        {
            return tail;
        }

        var cut = tail.IndexOf(' ', tail.Length - Length);
        return cut < 0 ? tail[^Length..] : tail[(cut + 1)..];
    }

    /// <summary>The first whole sentences of <paramref name="text"/>, at most about <see cref="Length"/> characters (at least one sentence, cut at a word if it is long).</summary>
    public static string Head(string text)
    {
        var starts = Sentences.Starts(text);
        var end = starts.Count > 1 ? starts[1] : text.Length;
        for (var i = 2; i <= starts.Count; i++)
        {
            var next = i < starts.Count ? starts[i] : text.Length;
            if (next > Length)
            {
                break;
            }

            end = next;
        }

        var head = text[..end].Trim();
        if (head.Length <= Length * 3 / 2)
        {
            return head;
        }

        var cut = head.LastIndexOf(' ', Length);
        return cut < 0 ? head[..Length] : head[..cut];
    }
}
