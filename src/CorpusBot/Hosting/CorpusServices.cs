using CorpusBot.Commands;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Engine;
using CorpusBot.Search.Indexing;
using CorpusBot.Search.Semantic;
using CorpusBot.Semantic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Hosting;

internal static class CorpusServices
{
    /// <summary>The search core, the index and the commands; the index opens on first use.</summary>
    public static IServiceCollection AddCorpus(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorpusOptions>().BindSection(configuration.GetSection(CorpusOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CorpusOptions>, CorpusOptionsValidator>();
        services.AddSingleton(sp => CorpusIndex.Open(Options(sp).FullIndexPath, sp.GetRequiredService<ILogger<CorpusIndex>>()));
        services.AddSingleton(sp => new ArticleReader(Options(sp).MaxArticleBytes));
        services.AddSingleton(sp => new CorpusIndexer(
            sp.GetRequiredService<CorpusIndex>(),
            sp.GetRequiredService<ArticleReader>(),
            Options(sp).FullArticlesPath,
            sp.GetRequiredService<ILogger<CorpusIndexer>>()));
        services.AddOptions<SemanticOptions>().BindSection(configuration.GetSection(SemanticOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SemanticOptions>, SemanticOptionsValidator>();
        services.AddSingleton(sp => new SemanticIndex(
            sp.GetRequiredService<CorpusIndex>(),
            sp.GetRequiredService<IOptions<SemanticOptions>>().Value.ToSettings(Options(sp)),
            sp.GetRequiredService<ILogger<SemanticIndex>>()));
        services.AddSingleton<ISemanticRecall>(sp => sp.GetRequiredService<SemanticIndex>());
        services.AddSingleton<CorpusSearcher>();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<AskCommand>();
        services.AddSingleton<SearchCommand>();
        services.AddSingleton<QuoteCommand>();
        services.AddSingleton<ArticleCommand>();
        services.AddSingleton<IndexCommand>();
        services.AddSingleton<AboutCommand>();
        services.AddSingleton<RegisterCommand>();
        return services;
    }

    /// <summary>
    /// For a long-running bot: the index brought up to date with the articles folder at start (and kept so when Corpus:Watch is on), and
    /// the passages embedded for semantic recall in the background once that first pass is done.
    /// </summary>
    public static IServiceCollection AddBackgroundIndexing(this IServiceCollection services)
    {
        services.AddSingleton<IndexHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexHostedService>());
        services.AddHostedService<SemanticHostedService>();
        return services;
    }

    private static CorpusOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<CorpusOptions>>().Value;
}
