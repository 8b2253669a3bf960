using BenchmarkDotNet.Running;
using CorpusBot.Benchmarks;

return args.FirstOrDefault() switch
{
    "burst" => await InteractionBurst.RunAsync(
        args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : 1000,
        args.Skip(1).FirstOrDefault(a => a is "ask" or "search" or "quote"),
        args.Contains("--distinct")),
    "engine" => RunEngine(args[1..]),
    "compare" => await Compare.RunAsync(CompareOptions(args[1..]), Console.Out),
    "highlighter" => await CorpusBot.Benchmarks.Highlighting.HighlighterCommand.RunAsync(args[1..], Console.Out),
    "quality" => await CorpusBot.Benchmarks.Quality.QualityCommand.RunAsync(args[1..], Console.Out),
    "embed" => Embeddings.Run(args[1..], Console.Out),
    "query-pass" when args.Length == 3 => QueryPass.Run(args[1], args[2]),
    "sustained" when args.Length > 1 => await SustainedRate.RunAsync(
        double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), Option(args, "--collection"), Option(args, "--index"), args.Contains("--json")),
    _ => Usage(),
};

static string? Option(string[] rest, string name) => Array.IndexOf(rest, name) is var i and >= 0 && i + 1 < rest.Length ? rest[i + 1] : null;

static int RunEngine(string[] rest)
{
    BenchmarkRunner.Run<EngineBenchmarks>(args: rest);
    return 0;
}

static Compare.Options CompareOptions(string[] rest)
{
    return new Compare.Options(
        Option(rest, "--collection"),
        int.Parse(Option(rest, "--scale") ?? "1", System.Globalization.CultureInfo.InvariantCulture),
        !rest.Contains("--no-burst"));
}

static int Usage()
{
    Console.Error.WriteLine("usage: compare [--scale 10] [--collection DIR] [--no-burst] | quality [--no-semantic] [--collection DIR] [--set FILE] | burst [count] [ask|search|quote] [--distinct] | sustained PER_SECOND [--collection DIR] [--index DIR] | engine [BenchmarkDotNet options]");
    return 2;
}
