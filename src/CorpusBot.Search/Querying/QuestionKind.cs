using System.Text.RegularExpressions;
using CorpusBot.Search.Text;

namespace CorpusBot.Search.Querying;

/// <summary>Recognises the kind of answer a question wants and whether a passage window offers one.</summary>
internal static partial class QuestionKind
{
    /// <summary>The kind of answer <paramref name="question"/> asks for.</summary>
    public static AnswerKind Of(string question)
    {
        var text = LeadingPreposition().Replace(question.Trim().ToLowerInvariant(), string.Empty);
        return text switch
        {
            _ when MoneyQuestion().IsMatch(text) => AnswerKind.Money,
            _ when AgeQuestion().IsMatch(text) => AnswerKind.Age,
            _ when NumberQuestion().IsMatch(text) => AnswerKind.Number,
            _ when TitleQuestion().IsMatch(text) => AnswerKind.Title,
            _ when Starts(text, "who", "whom", "whose", "which person", "what person", "which user", "whom") => AnswerKind.Person,
            _ when NameQuestion().IsMatch(text) => AnswerKind.Name,
            _ when Starts(text, "when", "what year", "which year", "what day", "which day", "what date", "what time", "what month", "which month", "since when") => AnswerKind.Date,
            _ when Starts(text, "where") || PlaceQuestion().IsMatch(text) => AnswerKind.Place,
            _ when Starts(text, "why", "for what reason", "what made", "what led", "what caused", "how come") || ReasonQuestion().IsMatch(text) => AnswerKind.Reason,
            _ => AnswerKind.Any,
        };
    }

    /// <summary>Whether <paramref name="window"/> holds something of the wanted kind.</summary>
    public static bool Offers(AnswerKind kind, string window) => Offers(kind, window, string.Empty);

    /// <summary>
    /// Whether <paramref name="window"/> holds something of the wanted kind that <paramref name="question"/> does not
    /// already say: the name asked about, or a number the question itself gives, is not an answer to it.
    /// </summary>
    public static bool Offers(AnswerKind kind, string window, string question) => Offers(kind, window, Words(question));

    /// <summary>
    /// The test of <see cref="Offers(AnswerKind, string, string)"/> for one question, its words read once (it runs
    /// on every window of every candidate); null when the question asks for anything.
    /// </summary>
    public static Func<string, bool>? Offering(AnswerKind kind, string question)
    {
        if (kind == AnswerKind.Any)
        {
            return null;
        }

        var asked = Words(question);
        return window => Offers(kind, window, asked);
    }

    private static bool Offers(AnswerKind kind, string window, HashSet<string> asked) =>
        kind switch
        {
            AnswerKind.Date => AnyNew(DatePattern(), window, asked),
            AnswerKind.Number => OffersQuantity(window, asked, agesCount: false),
            AnswerKind.Age => OffersQuantity(window, asked, agesCount: true),
            AnswerKind.Money => AnyNew(MoneyPattern(), window, asked),
            AnswerKind.Person => AnyNewPerson(window, asked),
            AnswerKind.Name => AnyNewPerson(window, asked) || AnyNewNameWord(window, asked),
            AnswerKind.Place => AnyNew(PlacePattern(), window, asked),
            AnswerKind.Reason => ReasonPattern().IsMatch(window),
            AnswerKind.Title => AnyNewTitle(window, asked),
            _ => false,
        };

    private static bool AnyNew(Regex pattern, string window, HashSet<string> asked)
    {
        foreach (Match match in pattern.Matches(window))
        {
            if (IsNew(match.Value, asked))
            {
                return true;
            }
        }

        return false;
    }

    // A title is quoted or in italics and written in title case ("Heaven Has No Favorites", *Lover Come Back*): most
    // of its words capitalised, unlike a quoted remark. One the question already names is not the answer.
    private static bool AnyNewTitle(string window, HashSet<string> asked)
    {
        foreach (Match match in QuotedTitle().Matches(window))
        {
            var title = match.Groups["title"].Value;
            var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length <= MaxTitleWords && words.Count(w => char.IsUpper(w[0])) * 2 > words.Length && IsNew(title, asked))
            {
                return true;
            }
        }

        return false;
    }

    private const int MaxTitleWords = 10;

    // Capitalised words are a name only when they are not a sentence's first word before one ("The Orioles") and do
    // not end in the word of an institution, a work or a place ("Chicago Symphony Orchestra", "Orchestra Hall").
    private static bool AnyNewPerson(string window, HashSet<string> asked)
    {
        foreach (Match match in PersonPattern().Matches(window))
        {
            if (match.Groups["name"].Success ? IsPersonName(match.Value) && IsOtherPerson(match.Value, asked) : IsNew(match.Value, asked))
            {
                return true;
            }
        }

        return false;
    }

    // A capitalised word inside a sentence ("the Dreadnought", "named Sheila"): not a sentence's first word (as
    // Sentences finds them, so "Mr. Laughlin" is inside one), a function word, a day or a month, nor a word of the question.
    private static bool AnyNewNameWord(string window, HashSet<string> asked)
    {
        IReadOnlyList<int>? starts = null;
        foreach (Match match in CapitalisedWord().Matches(window))
        {
            var word = match.Value;
            if (!LeadingFunctionWords.Contains(word) && !DatePattern().IsMatch(word) && !asked.Contains(word.ToLowerInvariant())
                && !OpensSentence(window, match.Index, starts ??= Sentences.Starts(window)))
            {
                return true;
            }
        }

        return false;
    }

    // Only spaces, quote marks or opening punctuation between the sentence's start and the word.
    private static bool OpensSentence(string text, int index, IReadOnlyList<int> starts)
    {
        var sentenceStart = starts.LastOrDefault(s => s <= index);
        return !text[sentenceStart..index].Any(char.IsLetterOrDigit);
    }

    // "Nathan Milstein" is the person "Who conducted when Milstein played?" asks about, not an answer to it.
    private static bool IsOtherPerson(string name, HashSet<string> asked) => !Words(name).Any(asked.Contains);

    private static bool IsPersonName(string capitalised)
    {
        var words = capitalised.Split(' ');
        var first = LeadingFunctionWords.Contains(words[0]) ? 1 : 0;
        return words.Length - first >= 2 && !NotPersonEndings.Contains(words[^1]);
    }

    private static readonly HashSet<string> LeadingFunctionWords = new(
        ["The", "A", "An", "In", "On", "At", "Of", "For", "By", "To", "From", "With", "And", "But", "Or", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "My", "When", "If", "As", "After", "Before", "Since", "While", "Last", "Next", "Every", "Each", "Some", "Many", "Both", "Then", "Now", "Yesterday", "Today"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> NotPersonEndings = new(
        ["Hall", "Orchestra", "Symphony", "Concerto", "Sonata", "Opera", "Ballet", "Theater", "Theatre", "Museum", "Gallery", "Library", "University", "College", "School", "Academy", "Institute", "Street", "Avenue", "Road", "Boulevard", "Square", "Bridge", "Company", "Corporation", "Corp", "Inc", "Department", "Party", "Council", "Committee", "Commission", "Board", "Bureau", "Agency", "Administration", "Office", "Association", "Society", "League", "Federation", "Union", "House", "Senate", "Congress", "Assembly", "Legislature", "Court", "Church", "Cathedral", "Club", "Stadium", "Bowl", "Park", "Field", "Bank", "Hotel", "Hospital", "Airport", "Station", "Railroad", "Railway", "Center", "Centre", "County", "City", "State", "States", "Province", "River", "Lake", "Island", "Islands", "Mountains", "Valley", "Sea", "Ocean", "Act", "Law", "Bill", "Amendment", "Army", "Navy", "Corps", "Force", "Republic", "Kingdom", "Times", "Post", "News", "Press", "Journal", "Tribune", "Herald", "Review", "Magazine", "Day", "Week", "Christmas", "Easter"],
        StringComparer.Ordinal);

    // New unless every word of it is a word of the question ("in Atlanta" for "Where in Atlanta…" is not new; "in Seekonk" is).
    private static bool IsNew(string found, HashSet<string> asked)
    {
        if (asked.Count == 0)
        {
            return true;
        }

        foreach (var word in Words(found))
        {
            if (!asked.Contains(word) && !ConnectingWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    // The words of a pattern's match that name nothing by themselves.
    private static readonly HashSet<string> ConnectingWords = new(["in", "at", "from", "near", "to", "the", "of", "visiting", "across", "inside", "outside"], StringComparer.Ordinal);

    private static HashSet<string> Words(string text) =>
        new(WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()), StringComparer.Ordinal);

    // A quantity answers "how many/how much": a year ("in 1923"), a day of a month ("Sept. 13") or, unless the
    // question asks how old, the age news writing puts after a name ("Ierulli, 29, has…") does not.
    private static bool OffersQuantity(string window, HashSet<string> asked, bool agesCount)
    {
        foreach (Match match in NumberPattern().Matches(window))
        {
            var value = match.Value;
            var isYear = value.Length == 4 && value.All(char.IsDigit) && value[0] is '1' or '2' && !CurrencyBefore(window, match.Index);
            var isAge = !agesCount && IsAgeAfterName(window, match);
            if (!isYear && !isAge && !DayOfMonth().IsMatch(window[..match.Index]) && IsNew(value, asked))
            {
                return true;
            }
        }

        return false;
    }

    // "Name, 29," : a number of at most three characters between commas, the word before the first comma capitalised.
    private static bool IsAgeAfterName(string window, Match number)
    {
        var end = number.Index + number.Length;
        var start = number.Index;
        if (number.Length > 3 || end >= window.Length || window[end] != ',' || start < 3 || window[start - 1] != ' ' || window[start - 2] != ',')
        {
            return false;
        }

        var word = start - 2;
        while (word > 0 && (char.IsLetter(window[word - 1]) || window[word - 1] is '.' or '\'' or '-'))
        {
            word--;
        }

        return word < start - 2 && char.IsUpper(window[word]);
    }

    private static bool CurrencyBefore(string text, int index) => index > 0 && text[index - 1] is '$' or '\u00A3' or '\u20AC';

    private static bool Starts(string text, params string[] openings) =>
        openings.Any(o => text.StartsWith(o + " ", StringComparison.Ordinal) || text.StartsWith(o + "'", StringComparison.Ordinal) || text == o);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}{2,}\b")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\.?\s*$")]
    private static partial Regex DayOfMonth();

    // "In which city…", "For how much…", "According to X, why…": the kind is read after the opening preposition.
    [GeneratedRegex(@"^(in|on|at|for|by|from|to|during|since|after|before|of|with|according to [^,]+,)\s+(?=(what|which|how|whom|when|where|why)\b)")]
    private static partial Regex LeadingPreposition();

    [GeneratedRegex(@"^(how old|what age|(what|which) (is|was|were|are|will be) (the|his|her|their) age)\b")]
    private static partial Regex AgeQuestion();

    [GeneratedRegex(@"^(how (many|much|long|large|big|far|tall|high|heavy|wide|deep|often|fast)|what (number|percentage|percent|share|proportion|fraction|sum|price|amount)|what (is|was|were|are|will be) the (population|price|cost|score|total|number|amount|size|salary|budget|figure|rate|value|death toll|toll|margin|tally|count|fine)|what (hourly|annual|yearly|weekly|monthly) (pay|wage|salary|rate))\b")]
    private static partial Regex NumberQuestion();

    // "How much did it cost", "how much money", "what was the price": a number of years or votes does not answer these.
    [GeneratedRegex(@"^(how much\b(?=.*\b(money|cost|costs|costing|pay|pays|paid|spend|spends|spent|earn|earns|earned|bid|bids|worth|price|priced|fine|fined|charge|charged|budget|salary|wage|wages|raise|raised|tax|taxes|revenue|produce|save|saved|owe|owed|fund|funds|grant|loan|sell|sold|buy|bought|dollars?|pounds?|euros?)\b)|what (is|was|were|are|will be) the (price|cost|salary|budget|fine|bill)\b)")]
    private static partial Regex MoneyQuestion();

    // A sum of money: a currency sign before a number, or a number (in digits or words, with its scale) before a currency's name.
    [GeneratedRegex(@"[$\u00A3\u20AC\u00A5]\s?\d|\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|several|many|hundreds? of|thousands? of|millions? of|billions? of)(\s(hundred|thousand|million|billion|trillion))?\s(dollars?|cents?|pounds?|euros?|yen|francs?|marks?|rupees?|pesos?|rubles?|roubles?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyPattern();

    // "What is the title of…", "what is the name of the novel…", "which film…": the answer is a work's title.
    [GeneratedRegex(@"^(what|which) (is|was|were|are|will be) the (title|titles)\b|^(what|which) (is|was|were|are|will be) the names? of (the|his|her|their|its|a|an) (\w+ )?(book|novel|film|movie|play|musical|opera|song|album|show|series|programme|program|poem|painting|story|column|report)s?\b|^(what|which) (book|novel|film|movie|play|musical|opera|song|album|show|series|poem|painting)s?\b")]
    private static partial Regex TitleQuestion();

    [GeneratedRegex(@"[\u201C""](?<title>\p{Lu}[^\u201C\u201D""\n]{0,80}?)[,.!?]?[\u201D""]|(?<![*\w])\*(?<title>\p{Lu}[^*\n]{0,80}?)\*(?![*\w])")]
    private static partial Regex QuotedTitle();

    // (A title, "what is the title of…", is asked by TitleQuestion, tried first.)
    [GeneratedRegex(@"^(what|which) (is|was|were|are) the (name|names)\b|^what('s| is| was) (his|her|their|its) name\b")]
    private static partial Regex NameQuestion();

    [GeneratedRegex(@"^(in |from )?(what|which) (country|city|town|state|county|province|region|part of|place|village|district|neighbou?rhood|island|capital|street|building)\b")]
    private static partial Regex PlaceQuestion();

    [GeneratedRegex(@"^what (is|was|were|are) the (reason|cause|motive)s?\b")]
    private static partial Regex ReasonQuestion();

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|\b(1[89]|20)\d\d\b|\b\d{1,2}(st|nd|rd|th)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(yesterday|today|tomorrow|tonight|last (week|month|year)|(days?|weeks?|months?|years?) (earlier|later|ago))\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth) of\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b\d[\d,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    // Names are case-sensitive (with IgnoreCase, \p{Lu} would match any letter and every pair of words would be a name);
    // a title before a surname ("Mr. Hendl") is a name too; the words for people and speech are matched in any case.
    [GeneratedRegex(@"(?<name>\b\p{Lu}\p{Ll}+(\s\p{Lu}\.?)*(\s\p{Lu}\p{Ll}+)+\b)|\b(Mr|Mrs|Ms|Miss|Dr|Sen|Gov|Rep|Gen|Col|Capt|Judge|Prof|Rev|Sir|Lord|Lady)\.?\s\p{Lu}\p{Ll}+|(?i:\b(one|another|a|the|some|many) (user|person|fan|follower|critic|people|users|fans|followers|commenter)s?\b|\b(wrote|said|tweeted|commented|declared|called|blasting|slammed)\b)")]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\b(in|at|from|near|to|visiting|across|inside|outside)\s+(the\s+)?\p{Lu}\p{Ll}+|\b(district|city|country|region|territory|neighbou?rhood|village|town|capital)\b")]
    private static partial Regex PlacePattern();

    // "Since" and "after" give a reason, but not before a time ("since 1937", "after Jan. 1", "after two years").
    [GeneratedRegex(@"\b(because|(since|after)(?!\s+(\d|the (war|end|start|beginning|election)\b|(last|next|early|late|mid)\b|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|(one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many) (years?|months?|weeks?|days?|hours?|minutes?)\b|(then|that|midnight|noon|dawn|dark|dinner|lunch|breakfast|graduation)\b))|due (\w+ly )?to|owing to|as a result|so that|in order to|for (posts|his|her|their|saying|suggesting|\w+ing)|reason|necessitated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonPattern();
}
