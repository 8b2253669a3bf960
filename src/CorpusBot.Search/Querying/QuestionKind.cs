using System.Text.RegularExpressions;

namespace CorpusBot.Search.Querying;

/// <summary>What a question asks for, read from its opening words; it tells which excerpt windows to favour.</summary>
public enum AnswerKind
{
    /// <summary>Anything.</summary>
    Any,

    /// <summary>Who: names and people.</summary>
    Person,

    /// <summary>When: dates, days, years.</summary>
    Date,

    /// <summary>Where: places.</summary>
    Place,

    /// <summary>How many, how much, how old: numbers.</summary>
    Number,

    /// <summary>Why: reasons.</summary>
    Reason,
}

/// <summary>Recognises the kind of answer a question wants and whether a passage window offers one.</summary>
public static partial class QuestionKind
{
    /// <summary>The kind of answer <paramref name="question"/> asks for.</summary>
    public static AnswerKind Of(string question)
    {
        var text = question.Trim().ToLowerInvariant();
        return text switch
        {
            _ when Starts(text, "who", "whom", "whose", "which person", "what person", "which user", "by whom") => AnswerKind.Person,
            _ when Starts(text, "when", "what year", "which year", "what day", "which day", "what date", "on what day", "on which day", "on what date", "what time", "in what year", "in which year", "what month", "which month") => AnswerKind.Date,
            _ when Starts(text, "where", "in what country", "in which country", "which country", "which city", "what city", "in which city", "what place") => AnswerKind.Place,
            _ when Starts(text, "how many", "how much", "how old", "how long", "what number", "what age", "at what age") => AnswerKind.Number,
            _ when Starts(text, "why", "for what reason", "what made", "what led") => AnswerKind.Reason,
            _ => AnswerKind.Any,
        };
    }

    /// <summary>Whether <paramref name="window"/> holds something of the wanted kind.</summary>
    public static bool Offers(AnswerKind kind, string window) => kind switch
    {
        AnswerKind.Date => DatePattern().IsMatch(window),
        AnswerKind.Number => NumberPattern().IsMatch(window),
        AnswerKind.Person => PersonPattern().IsMatch(window),
        AnswerKind.Place => PlacePattern().IsMatch(window),
        AnswerKind.Reason => ReasonPattern().IsMatch(window),
        _ => false,
    };

    private static bool Starts(string text, params string[] openings) =>
        openings.Any(o => text.StartsWith(o + " ", StringComparison.Ordinal) || text.StartsWith(o + "'", StringComparison.Ordinal) || text == o);

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|\b(1[89]|20)\d\d\b|\b\d{1,2}(st|nd|rd|th)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(yesterday|today|tomorrow|tonight|last (week|month|year)|(days?|weeks?|months?|years?) (earlier|later|ago))\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth) of\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b\d[\d,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+(\s\p{Lu}\p{Ll}+)+\b|\b(one|another|a|the|some|many) (user|person|fan|follower|critic|people|users|fans|followers|commenter)s?\b|\b(wrote|said|tweeted|commented|declared|called|blasting|slammed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\b(in|at|from|near|to|visiting|across|inside|outside)\s+(the\s+)?\p{Lu}\p{Ll}+|\b(district|city|country|region|territory|neighbou?rhood|village|town|capital)\b")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"\b(because|since|after|due to|owing to|as a result|so that|in order to|for (posts|his|her|their|saying|suggesting|\w+ing)|reason)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonPattern();
}
