using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml.Linq;
using CorpusBot.Semantic.Embedding;
using CorpusBot.Semantic.Storage;

namespace CorpusBot.Benchmarks;

/// <summary>
/// <c>embed [--model NAME] [--passages N]</c>: for each embedding model, passage throughput (1 and 2 threads, batches
/// of 16 and 32, real English prose cut into passage-sized pieces), query embedding cost, brute-force nearest-neighbour
/// time over N int8 vectors, a small retrieval sanity check (paraphrased questions against passages) and peak RSS.
/// </summary>
internal static class Embeddings
{
    public static int Run(string[] args, TextWriter output)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var models = Value("--model") is { } name ? [EmbeddingModel.Find(name) ?? throw new ArgumentException($"unknown model {name}")] : EmbeddingModel.All;
        var count = int.Parse(Value("--passages") ?? "256", CultureInfo.InvariantCulture);
        var passages = Passages(count);
        output.WriteLine($"{passages.Count} passages of SDK documentation prose, {passages.Average(p => p.Length):F0} characters on average; {Environment.ProcessorCount} cores");
        foreach (var model in models)
        {
            Measure(model, passages, output);
        }

        Search(output);
        output.WriteLine($"peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }

    private static void Measure(EmbeddingModel model, List<string> passages, TextWriter output)
    {
        foreach (var threads in new[] { 1, 2 })
        {
            var clock = Stopwatch.StartNew();
            foreach (var batch in new[] { 16, 32 })
            {
                using var encoder = OnnxTextEncoder.Create(model, threads, batch);
                if (batch == 16)
                {
                    output.WriteLine($"{model.Name}: loaded with {threads} thread(s) in {clock.ElapsedMilliseconds} ms");
                    var tokens = passages.Select(p => encoder.Tokenizer.Encode(p, model.MaxTokens).Length).ToList();
                    output.WriteLine($"  tokens per passage (cut at {model.MaxTokens}): mean {tokens.Average():F0}, max {tokens.Max()}");
                }

                encoder.EncodePassages(passages.Take(batch).ToList()); // warm-up
                var run = Stopwatch.StartNew();
                encoder.EncodePassages(passages);
                output.WriteLine($"  threads {threads}, batch {batch}: {passages.Count / run.Elapsed.TotalSeconds:F1} passages/s");
                if (batch == 16)
                {
                    var latencies = Questions.Select(q => q.Question).Concat(Questions.Select(q => q.Question + " exactly")).Select(q =>
                    {
                        var one = Stopwatch.StartNew();
                        encoder.EncodeQuery(q);
                        return one.Elapsed.TotalMilliseconds;
                    }).Order().ToList();
                    output.WriteLine($"  query embedding, {threads} thread(s): p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms");
                    if (threads == 1)
                    {
                        SanityCheck(encoder, passages, output);
                    }
                }
            }
        }
    }

    // Paraphrased questions (other words than the passage uses), each against its passage among all the others.
    private static void SanityCheck(OnnxTextEncoder encoder, List<string> distractors, TextWriter output)
    {
        var texts = Questions.Select(q => q.Passage).Concat(distractors).ToList();
        var vectors = encoder.EncodePassages(texts);
        var hits = 0;
        var reciprocal = 0.0;
        for (var i = 0; i < Questions.Length; i++)
        {
            var query = encoder.EncodeQuery(Questions[i].Question);
            var ranked = Enumerable.Range(0, texts.Count).OrderByDescending(j => System.Numerics.Tensors.TensorPrimitives.Dot(query, vectors[j])).ToList();
            var rank = ranked.IndexOf(i) + 1;
            hits += rank == 1 ? 1 : 0;
            reciprocal += 1.0 / rank;
        }

        output.WriteLine($"  sanity check: {hits}/{Questions.Length} paraphrased questions find their passage first among {texts.Count}; MRR {reciprocal / Questions.Length:F2}");
    }

    private static void Search(TextWriter output)
    {
        var random = new Random(7);
        foreach (var n in new[] { 10_000, 50_000, 100_000 })
        {
            var store = new VectorStore("bench", 384);
            var vector = new float[384];
            for (var i = 0; i < n; i++)
            {
                for (var d = 0; d < vector.Length; d++)
                {
                    vector[d] = (float)((random.NextDouble() * 2) - 1);
                }

                OnnxTextEncoder.Normalize(vector);
                store.Add((UInt128)i, vector);
            }

            var chunks = store.Chunks;
            var query = new sbyte[384];
            Int8Vectors.Quantize(vector, query);
            var times = new List<double>();
            for (var repeat = 0; repeat < 30; repeat++)
            {
                var clock = Stopwatch.StartNew();
                var best = new PriorityQueue<int, float>(33);
                for (var row = 0; row < n; row++)
                {
                    var similarity = Int8Vectors.Dot(query, chunks.Vector(row)) * chunks.Scale(row);
                    if (best.Count < 32)
                    {
                        best.Enqueue(row, similarity);
                    }
                    else if (best.TryPeek(out _, out var lowest) && similarity > lowest)
                    {
                        best.EnqueueDequeue(row, similarity);
                    }
                }

                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            output.WriteLine($"nearest 32 of {n:N0} int8 vectors (brute force, {n * 400 / (1024 * 1024)} MB): p50 {times[15]:F2} ms, max {times[^1]:F2} ms");
        }
    }

    private static List<string> Passages(int count)
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Directory.GetParent(runtime.TrimEnd(Path.DirectorySeparatorChar))!.Parent!.Parent!.FullName;
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        var passages = new List<string>();
        var builder = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(packs, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var summary in XDocument.Load(file).Descendants("summary"))
            {
                var text = string.Join(' ', summary.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (text.Length < 60)
                {
                    continue;
                }

                builder.Append(text).Append(' ');
                if (builder.Length >= 450) // about a passage of the index (PassageSplitter.MinLength)
                {
                    passages.Add(builder.ToString().Trim());
                    builder.Clear();
                    if (passages.Count == count)
                    {
                        return passages;
                    }
                }
            }
        }

        return passages;
    }

    private static readonly (string Question, string Passage)[] Questions =
    [
        ("Why did the actor say sorry?", "The Hollywood star issued a public apology on Friday after a post he shared on social media was widely criticised as offensive. He said he regretted the words he had used and would take time to listen to those he had hurt."),
        ("How much will it cost to fix the crossing?", "The council expects the repairs to the river bridge to take three weeks and to cost about two million pounds, most of it paid from the roads budget."),
        ("Which way should motorists go while the bridge is shut?", "Drivers were told to use the ring road instead, which adds about twenty minutes to most journeys into town at rush hour."),
        ("Why are shop owners unhappy about the drinks tax?", "Shopkeepers said the levy on sugary drinks would hurt small businesses that are already struggling with high rents and falling sales."),
        ("When did the fighting stop?", "A ceasefire between the two sides took effect at two in the morning on Friday, after eleven days of air strikes and rocket fire."),
        ("Who is paying for the new film?", "The documentary is being funded by a group of producers, including the actor, who joined the project as an executive producer last month."),
        ("What did fans think of the star's comments?", "Many of his followers praised him for speaking out, and one fan wrote that he was a true hero for using his platform to support the people of Gaza."),
        ("How many people lost their homes?", "Officials said that around three hundred families had been left without shelter after the floods swept through the valley villages overnight."),
        ("What punishment did the country face?", "Several governments imposed sanctions on South Africa in the nineteen eighties, banning trade and investment in protest against apartheid."),
        ("Is the ferry running again?", "The island ferry returned to service on Monday after its engine was replaced over the winter, and the first crossing was fully booked."),
    ];
}
