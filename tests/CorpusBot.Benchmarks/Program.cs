using BenchmarkDotNet.Running;
using CorpusBot.Benchmarks;

return args.FirstOrDefault() switch
{
    "burst" => await InteractionBurst.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000),
    "engine" => RunEngine(args[1..]),
    _ => Usage(),
};

static int RunEngine(string[] rest)
{
    BenchmarkRunner.Run<EngineBenchmarks>(args: rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: burst [count] | engine [BenchmarkDotNet options]");
    return 2;
}
