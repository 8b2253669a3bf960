using CorpusBot.Search.Analysis;
using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Results;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Engine;

public sealed partial class CorpusSearcher
{
    /// <summary>Finds where a quotation comes from: exact matches first, else the closest passages, labelled so.</summary>
    public QuoteResult Quote(string text, int maxSources = 5) =>
        Remembered(new AnswerKey(nameof(Quote), text, maxSources, 0, null, false), byMeaning: false, () => FindQuote(text, maxSources));

    private QuoteResult FindQuote(string text, int maxSources)
    {
        var parsed = UserQuery.Parse(text, allowOperators: false);
        var notes = NotesFor(parsed);
        // "it's not accurate ... disrespectful": the parts either side of an ellipsis must all match, in order.
        var fragments = Ellipsis().Split(parsed.Loose)
            .Select(part => (IReadOnlyList<string>)[.. TokenReader.Read(CorpusAnalyzers.Exact, part).Select(t => t.Term).Take(QueryTerms.MaxTerms)])
            .Where(part => part.Count > 0)
            .ToList();
        var tokens = fragments.SelectMany(f => f).Take(QueryTerms.MaxTerms).ToList();
        if (tokens.Count == 0)
        {
            notes.Add(NothingSearchable);
            return new QuoteResult([], false, notes);
        }

        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var matches = new List<QuoteMatch>();
        foreach (var hit in RunOnPassages(searcher, LuceneQueries.ExactPhrases(fragments), MaxCandidates).ScoreDocs)
        {
            var document = searcher.Doc(hit.Doc);
            if (matches.Any(m => m.Citation.ArticleId == document.Get(ArticleId)))
            {
                continue;
            }

            var passage = document.Get(Body);
            var found = Locate(TokenReader.Read(CorpusAnalyzers.Exact, passage), fragments);
            if (found.Start < 0)
            {
                continue;
            }

            var span = Quotations.Enclosing(passage, found.Start, found.End);
            var quotation = passage[span.Start..span.End].Replace('\n', ' ').TrimEnd(',', ';', ':', ' ');
            var marks = new List<Mark> { new(found.Start - span.Start, found.End - span.Start, "quote", 1) };
            var excerpt = ExcerptBuilder.Build(quotation, marks, Math.Max(ExcerptBuilder.TargetLength, quotation.Length));
            matches.Add(new QuoteMatch(Cite(document, excerpt, hit.Score), excerpt.Text, Speakers.Find(passage, span.Start, span.End, span.Block)));
            if (matches.Count >= maxSources)
            {
                break;
            }
        }

        if (matches.Count > 0)
        {
            return new QuoteResult(matches, true, notes);
        }

        var stemmed = QueryTerms.From(parsed);
        foreach (var hit in RunOnPassages(searcher, LuceneQueries.NearPhrase(tokens), 1).ScoreDocs)
        {
            var document = searcher.Doc(hit.Doc);
            var excerpt = ExcerptBuilder.Build(document.Get(Body), stemmed);
            matches.Add(new QuoteMatch(Cite(document, excerpt, hit.Score), excerpt.Text, null));
        }

        return new QuoteResult(matches, false, notes);
    }

    // From the start of the first fragment to the end of the last, each found after the one before.
    private static (int Start, int End) Locate(IReadOnlyList<AnalyzedToken> passage, IReadOnlyList<IReadOnlyList<string>> fragments)
    {
        foreach (var (start, end) in PhraseMatcher.Find(passage, fragments[0]))
        {
            var last = end;
            var complete = true;
            foreach (var fragment in fragments.Skip(1))
            {
                var next = PhraseMatcher.Find(passage, fragment).Where(m => m.Start >= last).Select(m => m.End).DefaultIfEmpty(-1).First();
                if (next < 0)
                {
                    complete = false;
                    break;
                }

                last = next;
            }

            if (complete)
            {
                return (start, last);
            }
        }

        return (-1, -1);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\.{3,}|\u2026|\[\s*\.{3}\s*\]")]
    private static partial System.Text.RegularExpressions.Regex Ellipsis();
}
