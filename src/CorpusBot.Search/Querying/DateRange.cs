using System.Globalization;

namespace CorpusBot.Search.Querying;

/// <summary>A range of publication dates given as 2021, 2021-05 or 2021-05-25 (inclusive at both ends).</summary>
/// <param name="From">First day, as yyyyMMdd, or null for no lower bound.</param>
/// <param name="To">Last day, as yyyyMMdd, or null for no upper bound.</param>
public sealed record DateRange(int? From, int? To)
{
    /// <summary>True when there is a bound.</summary>
    public bool IsBounded => From is not null || To is not null;

    /// <summary>Reads the bounds; throws <see cref="CorpusException"/> with a clear message when one is not a date.</summary>
    public static DateRange Parse(string? from, string? to)
    {
        var range = new DateRange(Bound(from, first: true), Bound(to, first: false));
        if (range is { From: { } a, To: { } b } && a > b)
        {
            throw new CorpusException("The \"from\" date is after the \"to\" date.");
        }

        return range;
    }

    private static int? Bound(string? text, bool first)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy-MM", "yyyy-M", "yyyy"];
        foreach (var format in formats)
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                var end = format.StartsWith("yyyy-M", StringComparison.Ordinal) && format.Length <= 7
                    ? date.AddMonths(1).AddDays(-1)
                    : format == "yyyy" ? date.AddYears(1).AddDays(-1) : date;
                var day = first ? date : end;
                return (day.Year * 10000) + (day.Month * 100) + day.Day;
            }
        }

        throw new CorpusException($"\"{(text.Length > 20 ? text[..20] + "\u2026" : text)}\" is not a date: write 2021, 2021-05 or 2021-05-25.");
    }
}
