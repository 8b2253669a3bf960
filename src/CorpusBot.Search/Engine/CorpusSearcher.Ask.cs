using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Results;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Engine;

public sealed partial class CorpusSearcher
{
    private const int AskCandidates = 100;

    /// <summary>Answers a question with the passages that best answer it, from up to <paramref name="maxSources"/> articles.</summary>
    public AskResult Ask(string question, int maxSources = 3)
    {
        var parsed = UserQuery.Parse(question);
        var terms = QueryTerms.From(parsed, QuestionWords.Ignored);
        if (terms.IsEmpty)
        {
            terms = QueryTerms.From(parsed);
        }

        var notes = NotesFor(parsed);
        if (terms.IsEmpty)
        {
            notes.Add(NothingSearchable);
            return new AskResult([], false, notes);
        }

        terms = terms with { Excluded = [] };
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var weights = TermWeights(searcher, terms.Terms);
        var hits = Run(searcher, LuceneQueries.Passages(terms, titleBoost: 0.5f), AskCandidates).ScoreDocs;
        var ranked = new List<(Lucene.Net.Documents.Document Document, IReadOnlyList<Mark> Marks, double Score)>();
        foreach (var hit in hits)
        {
            var document = searcher.Doc(hit.Doc);
            var marks = ExcerptBuilder.FindMarks(document.Get(Body), terms);
            var coverage = Coverage(marks, weights);
            ranked.Add((document, marks, hit.Score * (0.25 + coverage)));
        }

        var citations = ranked
            .OrderByDescending(r => r.Score)
            .DistinctBy(r => r.Document.Get(ArticleId))
            .Take(Math.Clamp(maxSources, 1, 10))
            .Select(r => Cite(r.Document, ExcerptBuilder.Build(r.Document.Get(Body), r.Marks), (float)r.Score))
            .ToList();
        return new AskResult(citations, citations.Count > 0, notes);
    }

    /// <summary>How much each query term says: its inverse document frequency among passages.</summary>
    private static Dictionary<string, double> TermWeights(IndexSearcher searcher, IReadOnlyList<string> terms)
    {
        var reader = searcher.IndexReader;
        var total = Math.Max(1, reader.NumDocs);
        return terms.ToDictionary(
            t => t,
            t => Math.Log(1 + ((total - reader.DocFreq(new Term(Body, t)) + 0.5) / (reader.DocFreq(new Term(Body, t)) + 0.5))),
            StringComparer.Ordinal);
    }

    private static double Coverage(IReadOnlyList<Mark> marks, Dictionary<string, double> weights)
    {
        var total = weights.Values.Sum();
        if (total <= 0)
        {
            return 0;
        }

        var found = marks.Select(m => m.Term).Distinct(StringComparer.Ordinal).Sum(t => weights.GetValueOrDefault(t));
        return found / total;
    }
}
