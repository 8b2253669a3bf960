using System.Diagnostics;
using System.Globalization;
using CorpusBot.Benchmarks.Quality;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Indexing;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Benchmarks.Highlighting;

/// <summary>
/// <c>highlighter [--set seeds|real] [--repeat N] [--real-set FILE] [--collection DIR]</c>: for each labelled question,
/// the passages <see cref="CorpusSearcher.Ask(string, int)"/> cites, excerpted by our highlighter (what Ask returned)
/// and by Lucene.Net.Highlighter over the same passage text; prints answer in excerpt, length, sentence boundaries,
/// marks on whole words and time per excerpt as a markdown table, then what term vectors or offsets would cost.
/// </summary>
internal static class HighlighterCommand
{
    private const int Target = ExcerptBuilder.TargetLength;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var setName = Value("--set") ?? "seeds";
        var repeat = int.Parse(Value("--repeat") ?? "50", CultureInfo.InvariantCulture);
        IReadOnlyList<HighlightQuestion> questions;
        string collection, setPath;
        try
        {
            (questions, collection, setPath) = setName switch
            {
                "seeds" => HighlightQuestions.Seeds(),
                "real" => HighlightQuestions.Real(Value("--real-set"), Value("--collection")),
                _ => throw new ArgumentException($"unknown set '{setName}': use --set seeds or --set real"),
            };
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException)
        {
            await Console.Error.WriteLineAsync("highlighter: " + e.Message);
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), "corpusbot-highlighter-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(work);
        try
        {
            return await RunAsync(questions, collection, setPath, work, repeat, output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RunAsync(IReadOnlyList<HighlightQuestion> questions, string collection, string setPath, string work, int repeat, TextWriter output)
    {
        var indexPath = Path.Combine(work, "lucene");
        var clock = Stopwatch.StartNew();
        using (var building = CorpusIndex.Open(indexPath, NullLogger.Instance))
        {
            await new CorpusIndexer(building, new ArticleReader(5 << 20), collection, NullLogger<CorpusIndexer>.Instance).UpdateAsync();
        }

        var ourBuild = clock.Elapsed.TotalSeconds;
        var ourBytes = SideIndex.FolderBytes(indexPath);
        using var index = CorpusIndex.Open(indexPath, NullLogger.Instance);
        var searcher = new CorpusSearcher(index);
        var passages = index.ReadPassages();
        var texts = passages.ToDictionary(p => (p.ArticleId, p.Ordinal), p => p.Text);
        var contexts = ReadContexts(index, texts);
        output.WriteLine($"Highlighters: {questions.Count} questions ({setPath}); collection {collection}: {passages.Count} passages, {texts.Values.Sum(t => (long)t.Length) / 1e6:F2} M characters");

        // The schema change the other two Lucene highlighters need, measured on the body field alone.
        var schema = new List<(SideIndex.Variant Variant, double Seconds, long Bytes)>();
        SideIndex.Measure(passages, SideIndex.Variant.Plain, Path.Combine(work, "side-warm-up"), repeat: 1); // JIT, not timed
        foreach (var variant in Enum.GetValues<SideIndex.Variant>())
        {
            var (seconds, bytes) = SideIndex.Measure(passages, variant, Path.Combine(work, "side-" + variant), repeat: 5);
            schema.Add((variant, seconds, bytes));
        }

        using var vectors = SideIndex.Open(Path.Combine(work, "side-" + SideIndex.Variant.TermVectors));
        using var lease = index.Acquire();
        var reader = lease.Searcher.IndexReader;

        // Every passage Ask cites, with what Ask made of it.
        var items = new List<Item>();
        foreach (var question in questions)
        {
            var answer = searcher.Ask(question.Q);
            var (query, terms) = LuceneExcerpts.QueryFor(question.Q);
            var perQuestion = new PerQuestion(question, query, terms, reader, vectors.Reader);
            for (var i = 0; i < answer.Citations.Count; i++)
            {
                var citation = answer.Citations[i];
                var key = (citation.ArticleId, citation.Passage);
                if (!texts.TryGetValue(key, out var text))
                {
                    output.WriteLine($"  (passage {key} cited but not read back; skipped)");
                    continue;
                }

                items.Add(new Item(perQuestion, i, citation.ArticleId, citation.Passage, citation.Excerpt, text, contexts.GetValueOrDefault(key) ?? new PassageWithContext(string.Empty, text, string.Empty)));
            }
        }

        var methods = new List<Method>
        {
            new("CorpusBot ExcerptBuilder (what Ask returned; time: FindMarks + Build)", Ours, OursTimed),
            new("Lucene Highlighter, QueryScorer + SimpleSpanFragmenter, 1 × 300", x => Lucene(x, x.Question.Span300, x.Text, 1), x => LuceneExcerpts.Fragments(x.Question.Span300, x.Text, 1)),
            new("Lucene Highlighter, QueryScorer + SimpleSpanFragmenter, best 2 × 150 joined", x => Lucene(x, x.Question.Span150, x.Text, 2), x => LuceneExcerpts.Fragments(x.Question.Span150, x.Text, 2)),
            new("Lucene Highlighter, QueryScorer + SimpleFragmenter, 1 × 300", x => Lucene(x, x.Question.Simple300, x.Text, 1), x => LuceneExcerpts.Fragments(x.Question.Simple300, x.Text, 1)),
            new("Lucene Highlighter, SimpleSpanFragmenter 1 × 300, over passage + stored context", x => Lucene(x, x.Question.Span300, x.Context.Text, 1), x => LuceneExcerpts.Fragments(x.Question.Span300, x.Context.Text, 1)),
            new("FastVectorHighlighter 1 × 300 (needs term vectors: side index)", x => Fvh(x, vectors), x => FvhFragment(x, vectors)),
        };

        var times = Time(methods, items, repeat);
        var rows = methods.Select((m, i) => Evaluate(m, items, times[i])).ToList();
        var asked = items.Count(x => x.Rank == 0);
        var topGold = items.Count(x => x.Rank == 0 && x.Question.Labelled.IsGold(x.ArticleId));
        var agree = items.Count(x => OursReplicated(x).Text == x.Ours.Text);
        var beyond = items.Count(x => !Ours(x).Pieces.All(p => p.Start >= x.Context.Start && p.End <= x.Context.End));

        output.WriteLine();
        output.WriteLine($"{questions.Count} questions, {asked} answered with a citation, top citation from a gold document in {topGold}; {items.Count} cited passages excerpted.");
        output.WriteLine($"Time per excerpt: median and 90th percentile of single calls over {repeat} timed passes (methods interleaved) after three warm-up passes. Ours re-run through the public ExcerptBuilder API gives Ask's excerpt exactly for {agree}/{items.Count} (Ask also weights terms by IDF and adds name phrases). Ours reaches past the passage into the stored neighbouring sentences in {beyond}/{items.Count}.");
        output.WriteLine();
        output.WriteLine("| excerpt | answer in top excerpt | mean length (max) | none | starts a sentence | ends a sentence | both | marks on whole words | marks / excerpt | µs p50 | µs p90 |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var n = Math.Max(1, row.NonEmpty);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Answers}/{topGold} | {row.MeanLength:F0} ({row.MaxLength}) | {row.Empty} | {row.Starts}/{row.NonEmpty} ({100.0 * row.Starts / n:F0} %) | {row.Ends}/{row.NonEmpty} ({100.0 * row.Ends / n:F0} %) | {row.Both}/{row.NonEmpty} ({100.0 * row.Both / n:F0} %) | {row.WholeMarks}/{row.Marks} | {(double)row.Marks / n:F1} | {row.P50:F1} | {row.P90:F1} |"));
        }

        output.WriteLine();
        output.WriteLine("Top excerpts (from a gold document) without the answer in ours or in Lucene 1 × 300 SimpleSpanFragmenter:");
        foreach (var x in items.Where(x => x.Rank == 0 && x.Question.Labelled.IsGold(x.ArticleId)))
        {
            var ours = GoldText.Contains(Ours(x).Text, x.Question.Labelled.Answer);
            var theirs = Lucene(x, x.Question.Span300, x.Text, 1);
            var lucene = GoldText.Contains(theirs.Text, x.Question.Labelled.Answer);
            if (!ours || !lucene)
            {
                output.WriteLine($"- \"{x.Question.Labelled.Q}\" (answer \"{x.Question.Labelled.Answer}\"): {(ours ? "only ours has it" : lucene ? "only Lucene's has it" : "neither has it")}");
                output.WriteLine($"  - ours: {Ours(x).Text}");
                output.WriteLine($"  - Lucene: {theirs.Text.Replace('\n', ' ')}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Schema change, body field of the {passages.Count} passages indexed alone (stored, stemmed; best of 5 builds after a warm-up build). Our whole index of this collection: {ourBytes / 1e6:F2} MB, built in {ourBuild:F2} s.");
        output.WriteLine();
        output.WriteLine("| body field | size (MB) | build (s) | size vs plain | size added to our index |");
        output.WriteLine("|---|---|---|---|---|");
        var plain = schema[0];
        foreach (var (variant, seconds, bytes) in schema)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variant} | {bytes / 1e6:F2} | {seconds:F2} | {100.0 * bytes / plain.Bytes:F0} % | +{100.0 * (bytes - plain.Bytes) / ourBytes:F0} % |"));
        }

        return 0;
    }

    private static Candidate Ours(Item x)
    {
        var text = x.Ours.Text;
        var body = text.StartsWith("\u2026 ", StringComparison.Ordinal) ? text[2..] : text;
        body = body.EndsWith(" \u2026", StringComparison.Ordinal) ? body[..^2] : body;
        var source = x.Context.Text;
        var at = source.Replace('\n', ' ').IndexOf(body, StringComparison.Ordinal);
        return new Candidate(text, x.Ours.Highlights, at >= 0 ? [(at, at + body.Length)] : [], source);
    }

    // Our highlighter's work for one excerpt, through its public API: mark the passage (with context), choose the window.
    private static Excerpt OursReplicated(Item x)
    {
        var question = x.Question;
        var marks = ExcerptBuilder.FindMarks(x.Context.Text, question.Terms, null, out _, x.Context.Start, x.Context.End);
        return ExcerptBuilder.Build(x.Context, marks, Target, question.Favour, question.Terms.Terms.Count * 0.2).Excerpt;
    }

    private static object? OursTimed(Item x) => OursReplicated(x);

    private static Candidate Lucene(Item x, Highlighter highlighter, string text, int fragments) =>
        LuceneExcerpts.Excerpt(highlighter, text, fragments);

    private static Candidate Fvh(Item x, SideIndex vectors) => Candidate.FromMarked([FvhFragment(x, vectors)], x.Text);

    private static string? FvhFragment(Item x, SideIndex vectors)
    {
        var doc = vectors.Doc(x.ArticleId, x.Ordinal);
        return doc < 0 ? null : x.Question.Fvh.GetBestFragment(x.Question.FieldQuery, vectors.Reader, doc, LuceneExcerpts.Field, Target);
    }

    /// <summary>
    /// Time per excerpt of each method: three warm-up passes of every method first (so no method pays for the JIT or
    /// tiering more than another), then <paramref name="repeat"/> passes, the methods interleaved within each pass.
    /// </summary>
    private static List<List<double>> Time(IReadOnlyList<Method> methods, IReadOnlyList<Item> items, int repeat)
    {
        var samples = methods.Select(_ => new List<double>(items.Count * repeat)).ToList();
        for (var pass = 0; pass < repeat + 3; pass++)
        {
            for (var m = 0; m < methods.Count; m++)
            {
                var timed = methods[m].Time ?? (x => methods[m].Make(x));
                foreach (var item in items)
                {
                    var start = Stopwatch.GetTimestamp();
                    timed(item);
                    if (pass >= 3)
                    {
                        samples[m].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                    }
                }
            }
        }

        return samples;
    }

    private static Row Evaluate(Method method, IReadOnlyList<Item> items, List<double> samples)
    {
        var candidates = items.Select(x => (Item: x, Candidate: method.Make(x))).ToList();
        var nonEmpty = candidates.Where(c => c.Candidate.Text.Length > 0).ToList();
        var answers = candidates.Count(c => c.Item.Rank == 0 && c.Item.Question.Labelled.IsGold(c.Item.ArticleId) && GoldText.Contains(c.Candidate.Text, c.Item.Question.Labelled.Answer));
        int starts = 0, ends = 0, both = 0, marks = 0, whole = 0;
        foreach (var (_, candidate) in nonEmpty)
        {
            var sentenceStarts = new HashSet<int>(Sentences.Starts(candidate.Source));
            var startOk = candidate.Pieces.Count > 0 && candidate.Pieces.All(p => StartsSentence(candidate.Source, sentenceStarts, p.Start));
            var endOk = candidate.Pieces.Count > 0 && candidate.Pieces.All(p => EndsSentence(candidate.Source, sentenceStarts, p.End));
            starts += startOk ? 1 : 0;
            ends += endOk ? 1 : 0;
            both += startOk && endOk ? 1 : 0;
            marks += candidate.Marks.Count;
            whole += candidate.Marks.Count(m => OnWholeWords(candidate.Text, m));
        }

        samples.Sort();
        double Percentile(double p) => samples.Count == 0 ? 0 : samples[Math.Min(samples.Count - 1, (int)(p * samples.Count))];
        return new Row(
            method.Name, answers, nonEmpty.Count == 0 ? 0 : nonEmpty.Average(c => c.Candidate.Text.Length), nonEmpty.Count == 0 ? 0 : nonEmpty.Max(c => c.Candidate.Text.Length),
            candidates.Count - nonEmpty.Count, nonEmpty.Count, starts, ends, both, marks, whole, Percentile(0.5), Percentile(0.9));
    }

    private static bool StartsSentence(string source, HashSet<int> starts, int at)
    {
        while (at < source.Length && char.IsWhiteSpace(source[at]))
        {
            at++;
        }

        return starts.Contains(at);
    }

    private static bool EndsSentence(string source, HashSet<int> starts, int at)
    {
        while (at > 0 && char.IsWhiteSpace(source[at - 1]))
        {
            at--;
        }

        var next = at;
        while (next < source.Length && char.IsWhiteSpace(source[next]))
        {
            next++;
        }

        return next >= source.Length || (next > at && starts.Contains(next));
    }

    private static bool OnWholeWords(string text, TextSpan mark) =>
        mark.Length > 0 && mark.End <= text.Length
        && char.IsLetterOrDigit(text[mark.Start]) && char.IsLetterOrDigit(text[mark.End - 1])
        && (mark.Start == 0 || !char.IsLetterOrDigit(text[mark.Start - 1]))
        && (mark.End == text.Length || !char.IsLetterOrDigit(text[mark.End]));

    // The stored sentences around each passage (fields "before"/"after"), which our excerpts may reach into.
    private static Dictionary<(string, int), PassageWithContext> ReadContexts(CorpusIndex index, Dictionary<(string, int), string> texts)
    {
        using var lease = index.Acquire();
        var reader = lease.Searcher.IndexReader;
        var live = MultiFields.GetLiveDocs(reader);
        var fields = new HashSet<string> { "type", "article", "ordinal", "before", "after" };
        var contexts = new Dictionary<(string, int), PassageWithContext>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
            {
                continue;
            }

            var stored = reader.Document(doc, fields);
            if (stored.Get("type") != "passage")
            {
                continue;
            }

            var key = (stored.Get("article"), stored.GetField("ordinal")?.GetInt32Value() ?? 0);
            if (texts.TryGetValue(key, out var text))
            {
                contexts[key] = new PassageWithContext(stored.Get("before") ?? string.Empty, text, stored.Get("after") ?? string.Empty);
            }
        }

        return contexts;
    }

    private sealed record Method(string Name, Func<Item, Candidate> Make, Func<Item, object?>? Time = null);

    private sealed record Row(
        string Name, int Answers, double MeanLength, int MaxLength, int Empty, int NonEmpty, int Starts, int Ends, int Both,
        int Marks, int WholeMarks, double P50, double P90);

    private sealed record Item(PerQuestion Question, int Rank, string ArticleId, int Ordinal, Excerpt Ours, string Text, PassageWithContext Context);

    /// <summary>What is made once per question: the query, its analysed terms, and a highlighter of each kind.</summary>
    private sealed class PerQuestion
    {
        public PerQuestion(HighlightQuestion labelled, Query query, QueryTerms terms, IndexReader reader, IndexReader vectors)
        {
            Labelled = labelled;
            Terms = terms;
            var question = UserQuery.Parse(labelled.Q).Text;
            Favour = QuestionKind.Offering(QuestionKind.Of(question), question);
            Span300 = LuceneExcerpts.Create(query, reader, s => new SimpleSpanFragmenter(s, Target));
            Span150 = LuceneExcerpts.Create(query, reader, s => new SimpleSpanFragmenter(s, Target / 2));
            Simple300 = LuceneExcerpts.Create(query, reader, _ => new SimpleFragmenter(Target));
            Fvh = new FastVectorHighlighter(true, true, new SimpleFragListBuilder(), new SimpleFragmentsBuilder([Candidate.Open], [Candidate.Close]));
            FieldQuery = Fvh.GetFieldQuery(query, vectors);
        }

        public HighlightQuestion Labelled { get; }

        public QueryTerms Terms { get; }

        public Func<string, bool>? Favour { get; }

        public Highlighter Span300 { get; }

        public Highlighter Span150 { get; }

        public Highlighter Simple300 { get; }

        public FastVectorHighlighter Fvh { get; }

        public FieldQuery FieldQuery { get; }
    }
}
