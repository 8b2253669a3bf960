using System.Text.RegularExpressions;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Indexing;

/// <summary>
/// Recognises page furniture that news pages leave in copied text: "Advertisement", "Most Read Stories",
/// "Topics: …", photo credits ("Instagram/@name", "…PA Images"), bylines, a title repeated with junk glued
/// on, and short label lines ("Film and TV"). Such lines are kept out of passages so they can neither be
/// chosen as answers nor dilute the paragraphs around them.
/// </summary>
internal static partial class Furniture
{
    /// <summary>A list of other stories ("Most Read", "Recommended", "More from…"): nothing after it belongs to the article.</summary>
    public static bool EndsArticle(string line) => line.Length <= MaxFurnitureLength && TailMarker().IsMatch(TextNormalizer.Normalize(line).Trim());

    private const int MaxFurnitureLength = 160;

    public static bool IsFurniture(string line, string? title)
    {
        var text = TextNormalizer.Normalize(line).Trim();
        if (text.Length == 0)
        {
            return true;
        }

        // Markers and credits are short lines; a long one is a paragraph (and the patterns need not scan it).
        if (text.Length <= MaxFurnitureLength && (Marker().IsMatch(text) || Credit().IsMatch(text) || Byline().IsMatch(text)))
        {
            return true;
        }

        if (title is not null && IsHeadlineAgain(text, TextNormalizer.Normalize(title)))
        {
            return true;
        }

        // A short label with no sentence in it: section names, captions, a lone author name.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 3 && !text.EndsWith(':') && !Sentence().IsMatch(text);
    }

    // The headline again, possibly with a photo credit glued on ("…ApologyPA Images"); not a paragraph that merely
    // opens with the words the title was taken from.
    private static bool IsHeadlineAgain(string text, string title)
    {
        if (title.Length == 0 || !text.StartsWith(title, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text[title.Length..].Trim();
        return rest.Length == 0 || (rest.Length <= MaxCreditLength && !Sentence().IsMatch(rest));
    }

    private const int MaxCreditLength = 40;

    [GeneratedRegex(@"^(most read|most popular|recommended( for you| stories)?|trending( now| stories)?|more (from|stories)|you (may|might) also like|related (stories|articles|coverage))\b", RegexOptions.IgnoreCase)]
    private static partial Regex TailMarker();

    [GeneratedRegex(@"^(advertisement|advertising|sponsored( content)?|most read( stories)?.*|read more\b.*|related( stories| articles)?:?.*|topics?:.*|tags?:.*|share (this|on)\b.*|sign up\b.*|subscribe\b.*|click here\b.*|follow us\b.*|(\d+\.\s*)?[\w .'-]+/(twitter|instagram|facebook|getty|shutterstock|youtube|tiktok)\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^((instagram|twitter|facebook|x|tiktok)/@?\w+|.*\b(pa images|getty images|shutterstock|alamy|reuters/\w+|ap photo.*|image credit:.*|photo:.*))$", RegexOptions.IgnoreCase)]
    private static partial Regex Credit();

    [GeneratedRegex(@"^by\s*:?\s+[\w .'-]{2,60}(\s+on\s*:?.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"[.!?]")]
    private static partial Regex Sentence();
}
