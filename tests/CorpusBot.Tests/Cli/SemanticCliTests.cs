using CorpusBot.Hosting;
using CorpusBot.Tests.Support;

namespace CorpusBot.Tests.Cli;

public sealed class SemanticCliTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Index_embeds_the_passages_and_about_reports_recall_ready()
    {
        var index = (await _cli.RunAsync("index", "--json")).Json();
        var about = (await _cli.RunAsync("about", "--json")).Json();

        var passages = about.GetProperty("facts").GetProperty("passages").GetString();
        Assert.Equal($"ready: {passages} of {passages} passages have vectors", index.GetProperty("facts").GetProperty("semantic_recall").GetString());
        Assert.Equal($"ready: {passages} of {passages} passages have vectors", about.GetProperty("facts").GetProperty("semantic_recall").GetString());
        Assert.True(File.Exists(Path.Combine(_cli.IndexPath, "semantic", "vectors.bin")));
    }

    [Fact]
    public async Task A_query_before_any_vectors_exist_answers_lexically_and_embeds_nothing()
    {
        var run = await _cli.RunAsync("ask", "Why did Mark Ruffalo apologize?", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("answer", run.Json().GetProperty("kind").GetString());
        Assert.False(Directory.Exists(Path.Combine(_cli.IndexPath, "semantic")));
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_with_what_to_set()
    {
        var result = new SemanticOptionsValidator().Validate(null, new SemanticOptions { Model = "bert-huge", MaxPassages = 0 });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Semantic:Model", StringComparison.Ordinal) && f.Contains("arctic-embed-xs", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Semantic:MaxPassages", StringComparison.Ordinal) && f.Contains("Semantic:Enabled", StringComparison.Ordinal));
    }

    public void Dispose() => _cli.Dispose();
}
