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
        var text = LeadingPreposition().Replace(question.Trim().ToLowerInvariant(), string.Empty);
        return text switch
        {
            _ when NumberQuestion().IsMatch(text) => AnswerKind.Number,
            _ when Starts(text, "who", "whom", "whose", "which person", "what person", "which user", "whom") || NameQuestion().IsMatch(text) => AnswerKind.Person,
            _ when Starts(text, "when", "what year", "which year", "what day", "which day", "what date", "what time", "what month", "which month", "since when") => AnswerKind.Date,
            _ when Starts(text, "where") || PlaceQuestion().IsMatch(text) => AnswerKind.Place,
            _ when Starts(text, "why", "for what reason", "what made", "what led", "what caused", "how come") || ReasonQuestion().IsMatch(text) => AnswerKind.Reason,
            _ => AnswerKind.Any,
        };
    }

    /// <summary>Whether <paramref name="window"/> holds something of the wanted kind.</summary>
    public static bool Offers(AnswerKind kind, string window) => kind switch
    {
        AnswerKind.Date => DatePattern().IsMatch(window),
        AnswerKind.Number => OffersQuantity(window),
        AnswerKind.Person => PersonPattern().IsMatch(window),
        AnswerKind.Place => PlacePattern().IsMatch(window),
        AnswerKind.Reason => ReasonPattern().IsMatch(window),
        _ => false,
    };

    // A quantity answers "how many/how much": a year ("in 1923") or a day of a month ("Sept. 13") does not.
    private static bool OffersQuantity(string window)
    {
        foreach (Match match in NumberPattern().Matches(window))
        {
            var value = match.Value;
            var isYear = value.Length == 4 && value.All(char.IsDigit) && value[0] is '1' or '2' && !CurrencyBefore(window, match.Index);
            if (!isYear && !DayOfMonth().IsMatch(window[..match.Index]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CurrencyBefore(string text, int index) => index > 0 && text[index - 1] is '$' or '\u00A3' or '\u20AC';

    private static bool Starts(string text, params string[] openings) =>
        openings.Any(o => text.StartsWith(o + " ", StringComparison.Ordinal) || text.StartsWith(o + "'", StringComparison.Ordinal) || text == o);

    [GeneratedRegex(@"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\.?\s*$")]
    private static partial Regex DayOfMonth();

    // "In which city…", "For how much…", "According to X, why…": the kind is read after the opening preposition.
    [GeneratedRegex(@"^(in|on|at|for|by|from|to|during|since|after|before|of|with|according to [^,]+,)\s+(?=(what|which|how|whom|when|where|why)\b)")]
    private static partial Regex LeadingPreposition();

    [GeneratedRegex(@"^(how (many|much|old|long|large|big|far|tall|high|heavy|wide|deep|often|fast)|what (number|age|percentage|percent|share|proportion|fraction|sum|price|amount)|what (is|was|were|are|will be) the (population|price|cost|score|total|number|amount|size|salary|budget|figure|rate|age|value|death toll|toll|margin|tally|count|fine)|what (hourly|annual|yearly|weekly|monthly) (pay|wage|salary|rate))\b")]
    private static partial Regex NumberQuestion();

    [GeneratedRegex(@"^(what|which) (is|was|were|are) the (name|title|names|titles)\b|^what('s| is) (his|her|their|its) name\b")]
    private static partial Regex NameQuestion();

    [GeneratedRegex(@"^(in |from )?(what|which) (country|city|town|state|county|province|region|part of|place|village|district|neighbou?rhood|island|capital|street|building)\b")]
    private static partial Regex PlaceQuestion();

    [GeneratedRegex(@"^what (is|was|were|are) the (reason|cause|motive)s?\b")]
    private static partial Regex ReasonQuestion();

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
