namespace CorpusBot.Search.Querying;

/// <summary>What a question asks for, read from its opening words; it tells which excerpt windows to favour.</summary>
internal enum AnswerKind
{
    /// <summary>Anything.</summary>
    Any,

    /// <summary>Who: names and people.</summary>
    Person,

    /// <summary>When: dates, days, years.</summary>
    Date,

    /// <summary>Where: places.</summary>
    Place,

    /// <summary>How many, how much (of something other than money): numbers, not a year, a day of a month or a person's age.</summary>
    Number,

    /// <summary>How old: an age ("Ierulli, 29,") or any other number.</summary>
    Age,

    /// <summary>How much money: what something cost, paid, earned or was worth: a sum of money.</summary>
    Money,

    /// <summary>Why: reasons.</summary>
    Reason,

    /// <summary>
    /// "What is the name of…": a person's name, or the one-word name of anything else (a ship, a child, a company),
    /// written with a capital inside a sentence.
    /// </summary>
    Name,

    /// <summary>The title of a work (a book, a film, a show): a quoted or italic title.</summary>
    Title,
}
