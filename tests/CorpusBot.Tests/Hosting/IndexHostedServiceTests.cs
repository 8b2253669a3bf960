using CorpusBot.Cli;
using CorpusBot.Hosting;
using CorpusBot.Search.Engine;
using CorpusBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Tests.Hosting;

public sealed class IndexHostedServiceTests : IDisposable
{
    private readonly CliHarness _files = new();

    [Fact]
    public async Task The_service_builds_the_index_at_start_then_applies_changes_to_the_folder()
    {
        var settings = _files.Settings;
        settings["Corpus:WatchDebounceMilliseconds"] = "200";
        var builder = AppHost.CreateBuilder(new CliContext(TextWriter.Null, TextWriter.Null, settings));
        builder.Services.AddSingleton<IndexHostedService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IndexHostedService>());
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await host.StartAsync(timeout.Token);
        await host.Services.GetRequiredService<IndexHostedService>().FirstPass.WaitAsync(timeout.Token);
        var searcher = host.Services.GetRequiredService<CorpusSearcher>();
        Assert.Equal(3, searcher.Stats().Articles);

        _files.WriteArticle("new.txt", "---\ntitle: Airship News\n---\nThe airship landed safely in the valley.\n");
        await WaitUntil(() => searcher.Search("airship").Citations.Count == 1, timeout.Token);
        File.Delete(Path.Combine(_files.ArticlesPath, "000_a7b503fa4e7868a0.txt"));
        await WaitUntil(() => searcher.Stats().Articles == 3 && searcher.Search("spineless").Citations.Count == 0, timeout.Token);

        await host.StopAsync(timeout.Token);
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    public void Dispose() => _files.Dispose();
}
