namespace CorpusBot.Tests.Support;

/// <summary>Tests that measure time (the interaction burst) run on their own, not beside other CPU-heavy tests of this assembly.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Timing-sensitive";
}
