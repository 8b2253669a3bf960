using System.Globalization;

namespace CorpusBot.Benchmarks.Quality;

/// <summary>
/// Checks the labelled set against the documents as the product reads them: every gold answer occurs verbatim in
/// each of its documents and is not just words of the question, every quote and its quotation occur in their
/// documents, every document named exists, and the set has the size and spread it promises.
/// </summary>
internal static class RealSetCheck
{
    public sealed record Minimums(int PerHalf, int Unanswerable, int Searches, int Quotes)
    {
        public static Minimums Committed { get; } = new(40, 8, 10, 10);

        public static Minimums None { get; } = new(0, 0, 0, 0);
    }

    /// <summary>What is wrong with the set (empty when nothing is); <paramref name="documents"/> maps ids to body text.</summary>
    public static IReadOnlyList<string> Problems(RealSet set, IReadOnlyDictionary<string, string> documents, Minimums minimums)
    {
        var problems = new List<string>();
        var folded = documents.ToDictionary(d => d.Key, d => GoldText.Fold(d.Value), StringComparer.Ordinal);
        var words = documents.ToDictionary(d => d.Key, d => " " + string.Join(' ', GoldText.Words(d.Value)) + " ", StringComparer.Ordinal);

        foreach (var question in set.Questions)
        {
            if (!RealSet.Halves.Contains(question.Half))
            {
                problems.Add($"question \"{question.Q}\": half \"{question.Half}\" is not one of {string.Join('/', RealSet.Halves)}");
            }

            if (!RealSet.Kinds.Contains(question.Kind))
            {
                problems.Add($"question \"{question.Q}\": kind \"{question.Kind}\" is not one of {string.Join('/', RealSet.Kinds)}");
            }

            if (question.Documents.Count == 0 || string.IsNullOrWhiteSpace(question.Answer))
            {
                problems.Add($"question \"{question.Q}\": no documents or no answer");
            }

            foreach (var id in question.Documents)
            {
                if (!folded.TryGetValue(id, out var text))
                {
                    problems.Add($"question \"{question.Q}\": document {id} is not in the collection");
                }
                else if (!text.Contains(GoldText.Fold(question.Answer), StringComparison.Ordinal))
                {
                    problems.Add($"question \"{question.Q}\": the answer \"{question.Answer}\" is not in {id}");
                }
            }

            // The answer must tell the reader something: at least one of its words is not a word of the question.
            var asked = GoldText.Words(question.Q).ToHashSet(StringComparer.Ordinal);
            if (GoldText.Words(question.Answer).All(w => asked.Contains(w) || asked.Any(a => a.Length > 3 && w.StartsWith(a, StringComparison.Ordinal))))
            {
                problems.Add($"question \"{question.Q}\": the answer \"{question.Answer}\" only repeats words of the question");
            }
        }

        foreach (var duplicate in set.Questions.GroupBy(q => q.Q, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"question \"{duplicate.Key}\" is in the set {duplicate.Count()} times");
        }

        foreach (var search in set.Searches)
        {
            problems.AddRange(search.Documents.Where(id => !documents.ContainsKey(id)).Select(id => $"search \"{search.Q}\": document {id} is not in the collection"));
        }

        foreach (var quote in set.Quotes)
        {
            var count = GoldText.Words(quote.Text).Count;
            if (count is < 5 or > 12)
            {
                problems.Add($"quote \"{quote.Text}\": {count} words, not 5 to 12");
            }

            var phrase = " " + string.Join(' ', GoldText.Words(quote.Text)) + " ";
            foreach (var id in quote.Documents)
            {
                if (!words.TryGetValue(id, out var text))
                {
                    problems.Add($"quote \"{quote.Text}\": document {id} is not in the collection");
                    continue;
                }

                if (!text.Contains(phrase, StringComparison.Ordinal))
                {
                    problems.Add($"quote \"{quote.Text}\": its words are not in {id}");
                }

                if (!folded[id].Contains(GoldText.Fold(quote.Quotation), StringComparison.Ordinal))
                {
                    problems.Add($"quote \"{quote.Text}\": the quotation part \"{quote.Quotation}\" is not in {id}");
                }
            }

            // "Every source": no document outside the list may carry the words too.
            foreach (var (id, text) in words)
            {
                if (!quote.Documents.Contains(id) && text.Contains(phrase, StringComparison.Ordinal))
                {
                    problems.Add($"quote \"{quote.Text}\": {id} carries it too but is not listed");
                }
            }
        }

        foreach (var half in RealSet.Halves)
        {
            var n = set.Questions.Count(q => q.Half == half);
            if (n < minimums.PerHalf)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"only {n} questions in the half \"{half}\" (at least {minimums.PerHalf})"));
            }
        }

        Minimum(set.Unanswerable.Count, minimums.Unanswerable, "unanswerable questions");
        Minimum(set.Searches.Count, minimums.Searches, "searches");
        Minimum(set.Quotes.Count, minimums.Quotes, "quotes");
        return problems;

        void Minimum(int n, int least, string what)
        {
            if (n < least)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"only {n} {what} (at least {least})"));
            }
        }
    }
}
