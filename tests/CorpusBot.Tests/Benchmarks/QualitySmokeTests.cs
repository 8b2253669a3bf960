using CorpusBot.Benchmarks;
using CorpusBot.Benchmarks.Quality;

namespace CorpusBot.Tests.Benchmarks;

/// <summary>
/// The quality evaluation on a tiny fixture written here (not the fetched Brown/SOTU text, which only the benchmark
/// command reads), so that the harness, its gold check and its table keep working.
/// </summary>
public sealed class QualitySmokeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "corpusbot-quality-tests", Guid.NewGuid().ToString("n"));

    private static readonly RealSet Fixture = new(
        [
            new RealQuestion("How many deputies did the jury want at the jail?", "text", "number", ["brown/ca90"], "Four additional deputies"),
            new RealQuestion("Who won the primary?", "text", "name", ["brown/ca90"], "Ivan Allen Jr"),
            new RealQuestion("When did the mayor and his wife wed?", "other", "date", ["brown/ca90"], "Aug. 2, 1913"),
            new RealQuestion("Where is the new harbour bridge to be built?", "other", "place", ["news/bridge"], "Millbrook"),
        ],
        [new RealUnanswerable("How many goals did the goalkeeper save in the cup final?", null)],
        [new RealSearch("harbor brige", ["news/bridge"])],
        [new RealQuote("“Only a relative handful of such reports was received", ["brown/ca90"], "the number of voters")]);

    [Fact]
    public void Brown_tokens_are_rejoined_as_a_reader_reads_them()
    {
        var line = "\t``/`` Only/rb a/at handful/nn ''/'' ,/, the/at jury/nn said/vbd ,/, ``/`` of/in Ivan/np Allen/np Jr./np ./. ''/'' we/ppss got/vbd '/' pro/jj '/' letters/nns (/( 2/cd )/) ?/. ";
        Assert.Equal("“Only a handful”, the jury said, “of Ivan Allen Jr.” we got ‘pro’ letters (2)?", BrownText.Sentence(line));
        Assert.Equal("One.\n\nTwo.\n", BrownText.Readable("\n\n\tOne/cd ./.\n\n\n\tTwo/cd ./.\n"));
    }

    [Fact]
    public async Task The_evaluation_checks_the_gold_answers_runs_three_engines_and_prints_the_table_and_misses()
    {
        var collection = WriteCollection();
        var output = new StringWriter();
        var results = Path.Combine(_root, "quality-results.json");

        var code = await QualityEvaluation.RunAsync(new QualityEvaluation.Options(collection, Fixture, Semantic: false, results, RealSetCheck.Minimums.None), output);

        var text = output.ToString();
        Assert.True(code == 0, text);
        Assert.Contains("Gold check:", text);
        Assert.Contains("| measure | CorpusBot (--no-semantic) | FTS5 articles | FTS5 paragraphs |", text);
        Assert.Contains("| ask, text's words (2): right article at top-1 |", text);
        Assert.Contains("| ask, other words (2): answer in the excerpt |", text);
        Assert.Contains("| unanswerable (1): \"doesn't say\" |", text);
        Assert.Contains("| quotes (1): found, every source | 1/1 (100 %) | 1/1 (100 %) | 1/1 (100 %) |", text);
        Assert.Contains("Misses of CorpusBot", text);
        Assert.True(File.Exists(results));
    }

    [Fact]
    public async Task A_gold_answer_missing_from_its_document_fails_the_run_loudly()
    {
        var collection = WriteCollection();
        var wrong = Fixture with
        {
            Questions = [.. Fixture.Questions, new RealQuestion("When was the bridge opened?", "text", "date", ["news/bridge"], "June 31, 1999")],
            Quotes = [.. Fixture.Quotes, new RealQuote("not a sentence from any of these documents", ["news/bridge"], "nothing")],
        };
        var output = new StringWriter();

        var code = await QualityEvaluation.RunAsync(new QualityEvaluation.Options(collection, wrong, Semantic: false, Path.Combine(_root, "r.json"), RealSetCheck.Minimums.Committed), output);

        var text = output.ToString();
        Assert.Equal(1, code);
        Assert.Contains("the answer \"June 31, 1999\" is not in news/bridge", text);
        Assert.Contains("its words are not in news/bridge", text);
        Assert.Contains("only 3 questions in the half \"text\"", text);
        Assert.DoesNotContain("| measure |", text);
    }

    [Fact]
    public void An_answer_that_only_repeats_the_question_is_rejected()
    {
        var set = Fixture with { Questions = [new RealQuestion("Who won the primary?", "text", "name", ["brown/ca90"], "primary")] };
        var problems = RealSetCheck.Problems(set, new Dictionary<string, string> { ["brown/ca90"] = "the primary was won", ["news/bridge"] = "harbor bridge" }, RealSetCheck.Minimums.None);
        Assert.Contains(problems, p => p.Contains("only repeats words of the question", StringComparison.Ordinal));
    }

    [Fact]
    public void The_committed_set_loads_and_has_the_promised_size()
    {
        var set = RealSet.Load(RealSet.DefaultPath());
        Assert.True(set.Questions.Count(q => q.Half == "text") >= 40);
        Assert.True(set.Questions.Count(q => q.Half == "other") >= 40);
        Assert.True(set.Unanswerable.Count >= 8);
        Assert.True(set.Searches.Count >= 10);
        Assert.True(set.Quotes.Count >= 10);
        Assert.All(set.Questions, q => Assert.Contains(q.Kind, RealSet.Kinds));
    }

    private string WriteCollection()
    {
        var collection = Path.Combine(_root, "collection");
        var tagged = string.Join("\n\n\n", [
            "\tThe/at jury/nn recommended/vbd that/cs four/cd additional/jj deputies/nns be/be employed/vbn ./.",
            "\tFour/cd additional/jj deputies/nns be/be employed/vbn at/in the/at Fulton/np-tl County/nn-tl Jail/nn-tl ./.",
            "\tThe/at primary/nn was/bedz won/vbn by/in Mayor-nominate/nn-tl Ivan/np Allen/np Jr./np ./.",
            "\t``/`` Only/rb a/at relative/jj handful/nn of/in such/jj reports/nns was/bedz received/vbn ''/'' ,/, the/at jury/nn said/vbd ,/, ``/`` considering/in the/at number/nn of/in voters/nns ''/'' ./.",
            "\tThe/at mayor/nn and/cc his/pp$ wife/nn were/bed married/vbn Aug./np 2/cd ,/, 1913/cd ./.",
        ]);
        Write(Path.Combine(collection, "brown", "ca90.txt"), "---\ntitle: \"Brown corpus ca90\"\noutlet: Brown corpus (press: reportage)\n---\n" + BrownText.Readable(tagged));
        Write(Path.Combine(collection, "news", "bridge.txt"), "---\ntitle: \"Harbor Bridge Plans\"\n---\nThe county will build the new harbor bridge at Millbrook, engineers said.\n\nWork starts next spring.\n");
        Write(Path.Combine(collection, "news", "weather.txt"), "---\ntitle: \"Rain Ahead\"\n---\nRain is expected over the weekend across the county.\n");
        return collection;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
