using System.Globalization;

namespace CorpusBot.Replies;

/// <summary>Counts written out with their noun, the same in every reply and on every front end.</summary>
public static class Plural
{
    /// <summary>A count with its noun: "1 article", "3 articles" (nouns that take a plain -s only).</summary>
    public static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
