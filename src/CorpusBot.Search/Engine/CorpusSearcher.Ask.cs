using System.Text.RegularExpressions;
using CorpusBot.Search.Analysis;
using CorpusBot.Search.Excerpts;
using CorpusBot.Search.Querying;
using CorpusBot.Search.Results;
using Lucene.Net.Index;
using Lucene.Net.Search;
using static CorpusBot.Search.Indexing.IndexFields;

namespace CorpusBot.Search.Engine;

public sealed partial class CorpusSearcher
{
    private const int AskCandidates = 200;

    /// <summary>Passages asked of semantic recall for a question.</summary>
    private const int SemanticCandidates = 40;

    /// <summary>Below this share of the question's weight found in the best passage (and title), the collection "doesn't say".</summary>
    public const double AnswerThreshold = 0.55;

    /// <summary>Below this share of the question's weight inside the best excerpt window, the collection "doesn't say".</summary>
    public const double WindowThreshold = 0.35;

    /// <summary>
    /// A passage that answers in other words: at least this cosine similarity to the question (the model's scale),
    /// and at least <see cref="SemanticMinCoverage"/> of the question's weight in its own words. Nearness alone is no
    /// answer: every question has a nearest passage.
    /// </summary>
    public const double SemanticAnswerSimilarity = 0.62;

    /// <summary>The share of the question's words a passage found by meaning must still hold to count as an answer.</summary>
    public const double SemanticMinCoverage = 0.2;

    // A candidate's score: how it was retrieved (BM25 against the best hit, fused with similarity when semantic recall
    // is on), how much of the question it and its title cover, and how much its best window holds. Coverage and window
    // share are at most 1, so a candidate can add at most MostBeyondRetrieval to its retrieval part: early stops rest on that.
    private const double RetrievalWeight = 0.35;
    private const double CoverageWeight = 0.3;
    private const double WindowWeight = 0.35;
    private const double MostBeyondRetrieval = CoverageWeight + WindowWeight;

    // With semantic recall, the share of the retrieval part that BM25 keeps (the rest is similarity).
    private const double LexicalShare = 0.3;


    /// <summary>
    /// Answers a question with the passages that best answer it, from up to <paramref name="maxSources"/> articles:
    /// question words dropped, names kept as phrases, unknown words corrected from the collection's vocabulary,
    /// rare terms weighted up; passages ranked by BM25 (fused with the nearest passages by meaning when semantic
    /// recall is available), coverage of the question and the best sentence window (favouring windows that hold a
    /// date for "when", a number for "how many", a name for "who"…).
    /// </summary>
    public AskResult Ask(string question, int maxSources = 3) =>
        Remembered(new AnswerKey(nameof(Ask), question, maxSources, 0, null, false), byMeaning: true, () => Ask(question, maxSources, exhaustive: false));

    // exhaustive: rank every candidate, without stopping early (tests compare the two).
    internal AskResult Ask(string question, int maxSources, bool exhaustive)
    {
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var coverageNow = semantic?.Coverage;
        var (parsed, notes) = Understand(searcher, question, "Answering that.");

        var terms = QueryTerms.From(parsed, QuestionWords.Ignored);
        if (terms.IsEmpty)
        {
            terms = QueryTerms.From(parsed);
        }

        if (terms.IsEmpty)
        {
            notes.Add(NothingSearchable);
            return new AskResult([], false, notes) { Semantic = coverageNow };
        }

        // Words inside quoted phrases count as terms too: "Who said 'have a spine'?" is about the spine.
        var phraseWords = parsed.Phrases
            .SelectMany(p => TokenReader.Read(CorpusAnalyzers.Stemmed, p).Select(t => t.Term))
            .Where(t => !terms.Terms.Contains(t));
        var names = NamePhrases(parsed.Text);
        terms = terms with { Terms = [.. terms.Terms, .. phraseWords.Distinct(StringComparer.Ordinal)], Excluded = [], Phrases = [.. terms.Phrases, .. names] };
        var kind = QuestionKind.Of(parsed.Text);
        var favour = QuestionKind.Offering(kind, parsed.Text);
        var weights = TermWeights(searcher.IndexReader, terms.Terms, parsed.Text, out var unknownName);
        var total = weights.Values.Sum();

        var query = LuceneQueries.Passages(terms with { Phrases = [] }, titleBoost: 0.3f, searcher.IndexReader);
        foreach (var phrase in terms.Phrases)
        {
            var boosted = LuceneQueries.Phrase(Exact, phrase, slop: 1);
            boosted.Boost = 1.5f;
            query.Add(boosted, Occur.SHOULD);
        }

        var hits = RunOnPassages(searcher, query, AskCandidates).ScoreDocs;
        var nearest = NearestPassages(searcher, parsed.Text);
        if (hits.Length == 0 && nearest.Similarity.Count == 0)
        {
            notes.Add("The collection doesn't say.");
            return new AskResult([], false, notes) { Semantic = coverageNow };
        }

        var top = hits.Length > 0 ? hits[0].Score : 1f;
        var sources = Math.Clamp(maxSources, 1, 10);
        var titleTerms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var ranked = new List<Candidate>(hits.Length + nearest.Similarity.Count);
        var bestByArticle = new Dictionary<string, double>(StringComparer.Ordinal);
        var lexical = new HashSet<int>(hits.Select(h => h.Doc));

        // Passages found by meaning alone first (they are few), then the lexical hits, best first, until none can
        // reach the sources already chosen: a later hit has a lower BM25 part, and at most full similarity.
        foreach (var doc in nearest.Similarity.Keys.Where(d => !lexical.Contains(d)))
        {
            Rank(doc, 0f);
        }

        foreach (var hit in hits)
        {
            if (!exhaustive && bestByArticle.Count >= sources
                && bestByArticle.Values.OrderDescending().ElementAt(sources - 1) > (RetrievalWeight * Retrieval(hit.Score, 1)) + MostBeyondRetrieval)
            {
                break;
            }

            Rank(hit.Doc, hit.Score);
        }

        var best = ranked
            .OrderByDescending(r => r.Score)
            .DistinctBy(r => r.Document.Get(ArticleId))
            .Take(sources)
            .ToList();
        var first = best[0];
        var shown = AnswerWindow(first);

        // A question that asks for a number, a date, a name or a place is not answered by an excerpt without one,
        // however well it matches the question's words ("How many votes did Allen get?" over a passage about Allen).
        // When the best passage holds none, the article's next passages may: the answer is often a sentence or two on.
        if (SeeksKind(kind) && !favour!(shown.Excerpt.Text))
        {
            var article = first.Document.Get(ArticleId);
            shown = ranked
                .Where(r => r != first && r.Document.Get(ArticleId) == article)
                .OrderByDescending(r => r.Score)
                .Take(KindFallbackPassages)
                .Select(AnswerWindow)
                .FirstOrDefault(r => favour(r.Excerpt.Text)) ?? shown;
        }

        best[0] = shown;
        var offersKind = !NeedsKind(kind) || favour!(shown.Excerpt.Text);
        var answered = offersKind
            && ((first.Coverage >= AnswerThreshold && first.Window >= WindowThreshold)
                || (!unknownName && first.Similarity >= SemanticAnswerSimilarity && first.Coverage >= SemanticMinCoverage));
        var citations = best.Select(r => Cite(r.Document, r.Excerpt, (float)r.Score)).ToList();
        return new AskResult(citations, answered, notes) { Semantic = coverageNow };

        Candidate AnswerWindow(Candidate candidate) =>
            nearest.Similarity.Count > 0 ? WindowByMeaning(candidate, parsed.Text, favour, SeeksKind(kind)) : candidate;

        double Retrieval(float bm25, double similarity) =>
            nearest.Similarity.Count == 0 ? bm25 / top : (LexicalShare * bm25 / top) + ((1 - LexicalShare) * similarity);

        void Rank(int doc, float bm25)
        {
            var document = searcher.Doc(doc);
            var passage = new PassageWithContext(document.Get(Before) ?? string.Empty, document.Get(Body), document.Get(After) ?? string.Empty);
            var marks = ExcerptBuilder.FindMarks(passage.Text, terms, weights, out var found, passage.Start, passage.End);
            var headingOnly = TitleTerms(titleTerms, document).Where(t => weights.ContainsKey(t) && !found.Contains(t)).Sum(t => weights[t]);
            var coverage = (found.Where(weights.ContainsKey).Sum(t => weights[t]) + headingOnly) / total;
            var (excerpt, window) = ExcerptBuilder.Build(passage, marks, ExcerptBuilder.TargetLength, favour, total * 0.2);

            // What the title, outlet or author already says holds for every window of the article.
            var windowShare = Math.Min(1, (window + headingOnly) / total);
            var similarity = nearest.Similarity.GetValueOrDefault(doc, float.NaN);
            var retrieval = Retrieval(bm25, float.IsNaN(similarity) ? 0 : nearest.Relative(similarity));
            var score = (RetrievalWeight * retrieval) + (CoverageWeight * coverage) + (WindowWeight * windowShare);
            ranked.Add(new Candidate(document, passage, marks, excerpt, coverage, windowShare, float.IsNaN(similarity) ? 0 : similarity, score));
            var article = document.Get(ArticleId);
            bestByArticle[article] = Math.Max(score, bestByArticle.GetValueOrDefault(article, double.MinValue));
        }
    }

    /// <summary>The article's passages after its best that may give the kind of answer asked for when the best gives none.</summary>
    private const int KindFallbackPassages = 2;

    // A reason can be given in any words; the other kinds of answer are recognisable in the text.
    private static bool SeeksKind(AnswerKind kind) => kind is not (AnswerKind.Any or AnswerKind.Reason);

    // Only an excerpt holding one answers: a title may be written without quotes or italics, so it is sought, not required.
    private static bool NeedsKind(AnswerKind kind) => SeeksKind(kind) && kind != AnswerKind.Title;

    private sealed record Candidate(
        Lucene.Net.Documents.Document Document, PassageWithContext Passage, IReadOnlyList<Mark> Marks, Excerpt Excerpt, double Coverage, double Window, float Similarity, double Score);

    // Windows of the answer passage asked of the model: the best by the question's words, and those offering the kind wanted.
    private const int WindowsByWords = 3;
    private const int WindowsByKind = 2;


    // The model's similarity decides between windows; the question's words and the kind asked for tip close calls.
    private const double WordsCredit = 0.2;
    private const double KindCredit = 0.03;

    // A window of one short sentence that names the subject looks near to the model but says little: fuller windows gain a little.
    private const double LengthCredit = 0.03;

    /// <summary>
    /// Re-chooses the excerpt of the answer by meaning: of its best windows by the question's words (and those that
    /// hold what the question asks for), the one the model finds nearest to the question. A question in other words
    /// marks few words, so the window it would get by marks alone is often the one that merely shares a name.
    /// </summary>
    // (Choosing among the article's best three passages was measured too: one more right article on the real-text
    // set, two fewer answers in the excerpt, three times the model work.)
    private Candidate WindowByMeaning(Candidate answer, string question, Func<string, bool>? favour, bool needsKind)
    {
        var text = answer.Passage.Text;
        var windows = ExcerptBuilder.Windows(answer.Passage, answer.Marks, ExcerptBuilder.TargetLength, favour, bonus: 0);
        var chosen = windows.OrderByDescending(w => w.Score).Take(WindowsByWords)
            .Concat(windows.Where(w => w.Offers).OrderByDescending(w => w.Score).Take(WindowsByKind))
            .Distinct()
            .ToList();

        // Each also with the sentence after it, up to the longest excerpt: the answer is often the next sentence.
        var starts = Text.Sentences.Starts(text);
        var longer = chosen
            .Select(w => starts.FirstOrDefault(st => st > w.End, text.Length) is var next && next - w.Start <= ExcerptBuilder.MaxLength && next > w.End
                ? w with { End = next, Offers = favour?.Invoke(text[w.Start..next]) ?? false }
                : null)
            .OfType<ScoredWindow>()
            .Where(w => !chosen.Any(c => c.Start == w.Start && c.End == w.End));
        var pool = chosen.Concat(longer).ToList();
        if (pool.Count < 2)
        {
            return answer;
        }

        var similarities = semantic!.Similarities(question, [.. pool.Select(w => text[w.Start..w.End])]);
        if (similarities.Count != pool.Count)
        {
            return answer; // the model is busy or not loaded: the window chosen by words stands
        }

        // The more of the question's words the best window holds, the more they count against the model's choice.
        var most = Math.Max(pool.Max(w => w.Score), 1e-9);
        var wordsCredit = WordsCredit * answer.Window;
        // A question that needs a number, a date, a name or a place is only answered by a window holding one (see Ask):
        // when some window offers it, the model chooses among those.
        var onlyOffering = needsKind && pool.Any(w => w.Offers);
        var eligible = Enumerable.Range(0, pool.Count).Where(i => !onlyOffering || pool[i].Offers);

        var best = eligible
            .MaxBy(i => similarities[i] + (wordsCredit * Math.Max(0, pool[i].Score) / most) + (pool[i].Offers ? KindCredit : 0)
                + (LengthCredit * Math.Min(1, (double)(pool[i].End - pool[i].Start) / ExcerptBuilder.TargetLength)));
        return answer with { Excerpt = ExcerptBuilder.Cut(answer.Passage, answer.Marks, pool[best]) };
    }

    /// <summary>The passages nearest to the question by meaning, as documents of this searcher's state, with their similarity.</summary>
    private NearestPassages NearestPassages(IndexSearcher searcher, string question)
    {
        if (semantic is null)
        {
            return Engine.NearestPassages.None;
        }

        var similarity = new Dictionary<int, float>();
        foreach (var hit in semantic.Nearest(question, SemanticCandidates))
        {
            // The semantic index may lag a commit behind: a passage that is gone (or renumbered) is simply not found.
            var found = searcher.Search(new TermQuery(new Term(PassageKey, Indexing.ArticleDocuments.PassageKeyOf(hit.ArticleId, hit.Ordinal))), 1).ScoreDocs;
            if (found.Length == 1)
            {
                similarity.TryAdd(found[0].Doc, hit.Similarity);
            }
        }

        return new NearestPassages(similarity);
    }

    /// <summary>
    /// How much each term of the question says: its inverse document frequency among passages. A word found
    /// nowhere still counts (the collection cannot answer a question about it), fully when it was written as a
    /// name, half when it was an ordinary word that the articles may simply phrase differently.
    /// </summary>
    private static Dictionary<string, double> TermWeights(IndexReader reader, IReadOnlyList<string> terms, string question) =>
        TermWeights(reader, terms, question, out _);

    // unknownName: a word of the question written as a name appears nowhere in the collection.
    private static Dictionary<string, double> TermWeights(IndexReader reader, IReadOnlyList<string> terms, string question, out bool unknownName)
    {
        unknownName = false;
        var passages = Math.Max(1, reader.DocFreq(new Term(DocType, PassageType)));
        var capitalised = new HashSet<string>(
            NameWord().Matches(question).Select(m => m.Value).SelectMany(w => TokenReader.Read(CorpusAnalyzers.Stemmed, w).Select(t => t.Term)),
            StringComparer.Ordinal);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var inBody = reader.DocFreq(new Term(Body, term));
            var elsewhere = reader.DocFreq(new Term(Title, term)) + reader.DocFreq(new Term(Source, term));
            var frequency = Math.Min(passages, inBody > 0 ? inBody : Math.Min(1, elsewhere));
            var idf = Math.Log(1 + ((passages - frequency + 0.5) / (frequency + 0.5)));
            weights[term] = frequency > 0 ? idf : idf * (capitalised.Contains(term) ? 1.0 : 0.5);
            unknownName |= frequency == 0 && capitalised.Contains(term);
        }

        return weights;
    }

    /// <summary>Runs of two or more capitalised words ("Mark Ruffalo", "Sheikh Jarrah"), as exact-token phrases.</summary>
    private static List<IReadOnlyList<string>> NamePhrases(string question)
    {
        var phrases = new List<IReadOnlyList<string>>();
        foreach (Match match in NameRun().Matches(question))
        {
            var tokens = TokenReader.Read(CorpusAnalyzers.Exact, match.Value).Select(t => t.Term).ToList();
            if (tokens.Count >= 2 && !QuestionWords.Ignored.Contains(tokens[0]))
            {
                phrases.Add(tokens);
            }
        }

        return phrases;
    }

    private static HashSet<string> TitleTerms(Dictionary<string, HashSet<string>> cache, Lucene.Net.Documents.Document document)
    {
        var id = document.Get(ArticleId);
        if (!cache.TryGetValue(id, out var terms))
        {
            var heading = string.Join(' ', new[] { document.Get(Title), document.Get(Outlet), document.Get(Author) }.OfType<string>());
            terms = [.. TokenReader.Read(CorpusAnalyzers.Stemmed, heading).Select(t => t.Term)];
            cache[id] = terms;
        }

        return terms;
    }

    [GeneratedRegex(@"(?<!^)(?<![.?!]\s)\b\p{Lu}[\p{L}'\u2019-]+")]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'\u2019-]+(?:\s+\p{Lu}[\p{L}'\u2019-]+)+")]
    private static partial Regex NameRun();
}
