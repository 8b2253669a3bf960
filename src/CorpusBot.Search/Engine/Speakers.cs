using System.Text.RegularExpressions;

namespace CorpusBot.Search.Engine;

/// <summary>
/// Who said a quotation, when the text says: "…," wrote one user; "…," Ruffalo added; Ruffalo urged, '…';
/// a lead-in line "Another said:" before a block quote. "He" and "she" resolve to the nearest name before.
/// </summary>
internal static partial class Speakers
{
    public static string? Find(string passage, int start, int end, bool blockQuote)
    {
        var lineStart = passage.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (blockQuote && lineStart > 0)
        {
            var leadStart = passage.LastIndexOf('\n', Math.Max(0, lineStart - 2)) + 1;
            var lead = passage[leadStart..(lineStart - 1)];
            var fromLead = LeadIn().Match(lead) is { Success: true } m ? m.Groups["who"].Value : FirstName().Match(lead).Value;
            return Resolve(passage, leadStart, fromLead);
        }

        var lineEnd = passage.IndexOf('\n', end);
        var after = passage[end..(lineEnd < 0 ? passage.Length : lineEnd)];
        var match = After().Match(after);
        if (match.Success)
        {
            return Resolve(passage, start, match.Groups["who"].Success && match.Groups["who"].Length > 0 ? match.Groups["who"].Value : match.Groups["who2"].Value);
        }

        var before = passage[lineStart..start];
        match = Before().Match(before);
        return match.Success ? Resolve(passage, lineStart + match.Index, match.Groups["who"].Value) : null;
    }

    // "he"/"she"/"they" name nobody: take the last name mentioned before the quotation.
    private static string? Resolve(string passage, int before, string who)
    {
        who = who.Trim().TrimEnd(',', '.', ';', ':');
        if (who.Length == 0)
        {
            return null;
        }

        if (who is "he" or "He" or "she" or "She" or "they" or "They")
        {
            // The last name seen saying something, else the name the passage mentions most (first on a tie).
            var speaking = NamedSpeaker().Matches(passage[..before]);
            if (speaking.Count > 0)
            {
                return speaking[^1].Groups["name"].Value;
            }

            return FirstName().Matches(passage)
                .Select(m => m.Value.TrimEnd('\'', '\u2019'))
                .GroupBy(n => n, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .Select(g => g.Key)
                .FirstOrDefault();
        }

        return who;
    }

    private const string Verbs = "said|says|wrote|writes|added|adds|tweeted|tweets|declared|declares|commented|comments|explained|explains|told|asked|asks|replied|replies|noted|notes|urged|urges|stated|states|posted|posts|expressed|expresses|insisted|argued|claimed|continued|responded|warned|mentioned|announced|read|reads|shared|rebuked|called|calling|slammed|blasted|ending with|concluded";

    private const string Who = @"(?:(?i:yet|one|another|a|an|the|some|his|her|their)\s+)*(?:(?:\p{Ll}+\s+)?(?:user|person|fan|follower|critic|commenter|reader|reply|comment|people|users|fans|followers|critics)\b|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}|he|she|they|another|one)";

    [GeneratedRegex(@"^\s*[,.;:!?\u2026]*\s*[""'\u201D\u2019\u00BB]*\s*,?\s*(?:(?:" + Verbs + @")\s+(?<who>" + Who + @")|(?<who2>" + Who + @")\s+(?:" + Verbs + @"))\b")]
    private static partial Regex After();

    [GeneratedRegex(@"(?<who>" + Who + @")\s+(?:has\s+|had\s+|then\s+|also\s+)?(?:" + Verbs + @")(?:\s+[\p{Ll}]+){0,4}?\s*[,:]?\s*[""'\u201C\u2018\u00AB]?\s*$")]
    private static partial Regex Before();

    [GeneratedRegex(@"^(?<who>" + Who + @")\s+(?:has\s+|had\s+|then\s+|also\s+)?(?:" + Verbs + @")\b")]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"(?<![.!?]\s)(?<!^)\b\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*)*")]
    private static partial Regex FirstName();

    [GeneratedRegex(@"\b(?<name>\p{Lu}\p{Ll}[\p{L}-]*(?:\s+\p{Lu}\p{Ll}[\p{L}-]*)*)\s+(?:has\s+|had\s+|also\s+)?(?:" + Verbs + @")\b")]
    private static partial Regex NamedSpeaker();
}
