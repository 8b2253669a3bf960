using System.Diagnostics;
using CorpusBot.Search.Semantic;
using CorpusBot.Semantic.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Semantic.Tests;

public sealed class SemanticIndexTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly WordHashEncoder _encoder = new();

    // Paragraphs long enough to be a passage each (short ones are joined into one).
    private const string Closed = "The old river bridge was closed on Tuesday morning so that engineers could repair its cracked supports. Inspectors found the damage during a routine survey last month and said the crossing was no longer safe for heavy lorries. The closure affects the main route from the northern suburbs into the centre, and the bus company has already changed its timetables for the coming weeks. Residents living near the bridge said they had noticed the cracks for years. One of them said the old iron railings had been rattling in the wind since the spring.";
    private const string Detour = "Drivers were told to use the ring road instead, which adds about twenty minutes to most journeys into town at rush hour. Police officers will direct the traffic at the busiest junctions for the first few days, and temporary signs have been put up along the diversion. Taxi drivers warned that fares would rise because of the longer trips, and several shop owners near the bridge fear that fewer customers will come. The ring road itself was built in the seventies and has not been widened since then, locals complained.";
    private const string Cost = "The council expects the repairs to take three weeks and to cost about two million pounds, most of it paid from the roads budget. A spokesman said the work could not wait until the summer, when traffic is lighter, because the supports might fail in a winter flood. Opposition councillors asked why the problem had not been found sooner and called for an independent review of how the city's bridges are inspected. The review, if agreed, would report to the full council before the end of the financial year in March.";
    private const string Levy = "Councillors voted on Wednesday to raise the levy on sugary drinks sold in the city's shops and cafes from next April. Supporters of the measure said it would cut the number of children with tooth decay and raise money for sports clubs in poorer districts. The vote was close, with several members abstaining, and the mayor said the council would look again at the policy after a year to see whether it had worked as intended. Neighbouring towns are watching closely, and two of them have said they may follow the city if it works.";
    private const string Rents = "Shopkeepers said the change would hurt small businesses that are already struggling with high rents and falling sales since the new shopping centre opened outside town. One owner of a corner shop said he would have to raise prices on other goods to make up for the loss. A trade group representing independent retailers said it would write to the council asking for the levy to apply only to large supermarkets and chains. The council replied that the levy was meant to change habits, not to punish the owners of small shops.";

    internal const string ClosedText = Closed;
    internal const string DetourText = Detour;
    internal const string CostText = Cost;
    internal const string LevyText = Levy;
    internal const string RentsText = Rents;

    private const string DetourQuestion = "ring road diversion taxi fares rush hour";

    private (string ArticleId, int Ordinal) PassageStarting(string text) =>
        _corpus.Index.ReadPassages().Where(p => p.Text.StartsWith(text[..40], StringComparison.Ordinal)).Select(p => (p.ArticleId, p.Ordinal)).Single();

    private async Task<int> WriteTwoArticlesAsync()
    {
        _corpus.Write("bridge.txt", "Bridge Closed For Repairs", Closed, Detour, Cost);
        _corpus.Write("tax.txt", "Council Raises Sugar Tax", Levy, Rents);
        await _corpus.UpdateAsync();
        var passages = _corpus.Index.ReadPassages();
        Assert.Equal(5, passages.Count);
        return passages.Count;
    }

    [Fact]
    public async Task A_foreground_build_embeds_every_passage_and_reports_ready()
    {
        var passages = await WriteTwoArticlesAsync();
        var semantic = _corpus.Semantic(_encoder);

        var coverage = await semantic.BuildAsync();

        Assert.Equal(new SemanticCoverage(SemanticState.Ready, passages, passages, null), coverage);
        Assert.Equal(passages, _encoder.PassagesEncoded);
        Assert.True(File.Exists(semantic.StoreFile));
    }

    [Fact]
    public async Task Hits_name_the_article_and_ordinal_of_the_nearest_passage()
    {
        await WriteTwoArticlesAsync();
        var semantic = _corpus.Semantic(_encoder);
        await semantic.BuildAsync();

        var hits = semantic.Nearest(DetourQuestion, 3);

        Assert.Equal(3, hits.Count);
        Assert.Equal(PassageStarting(Detour), (hits[0].ArticleId, hits[0].Ordinal));
        Assert.True(hits[0].Similarity >= hits[1].Similarity && hits[1].Similarity >= hits[2].Similarity);
    }

    private const string Footbridge = "A temporary footbridge will open next week for pedestrians and cyclists, built by army engineers from steel sections that can be put up in two days. It will be lit at night and guarded by security staff, and the council has promised that it will stay in place until the old bridge reopens. Parents at the primary school on the far bank welcomed the news, saying their children had faced a long walk around by the ring road. Cyclists will be asked to dismount while crossing, because the deck is narrow and has no separate lane.";
    [Fact]
    public async Task Unchanged_passages_keep_their_vectors_across_re_indexing_and_a_restart()
    {
        var passages = await WriteTwoArticlesAsync();
        await _corpus.Semantic(_encoder).BuildAsync();
        Assert.Equal(passages, _encoder.PassagesEncoded);

        // Re-ordered, one paragraph added: only that one is new.
        _corpus.Write("bridge.txt", "Bridge Closed For Repairs", Cost, Footbridge, Closed, Detour);
        await _corpus.UpdateAsync();
        _corpus.Restart();
        var restarted = new WordHashEncoder();
        var semantic = _corpus.Semantic(restarted);

        var coverage = await semantic.BuildAsync();

        Assert.Equal(1, restarted.PassagesEncoded);
        Assert.Equal(SemanticState.Ready, coverage.State);
        var hit = semantic.Nearest(DetourQuestion, 1).Single();
        Assert.Equal(("bridge", 3), (hit.ArticleId, hit.Ordinal)); // the moved paragraph's new place
        Assert.Equal(PassageStarting(Detour), (hit.ArticleId, hit.Ordinal));
    }

    [Fact]
    public async Task Vectors_of_a_deleted_article_are_dropped_from_results_and_from_the_store()
    {
        var passages = await WriteTwoArticlesAsync();
        var semantic = _corpus.Semantic(_encoder);
        await semantic.BuildAsync();

        File.Delete(Path.Combine(_corpus.ArticlesPath, "tax.txt"));
        await _corpus.UpdateAsync();
        var coverage = await semantic.BuildAsync();

        Assert.DoesNotContain(semantic.Nearest("levy on sugary drinks sold in shops and cafes", 10), h => h.ArticleId == "tax");
        Assert.Equal(passages, _encoder.PassagesEncoded); // nothing embedded again
        var left = _corpus.Index.ReadPassages().Count;
        Assert.Equal(new SemanticCoverage(SemanticState.Ready, left, left, null), coverage);
        var stored = CorpusBot.Semantic.Storage.VectorStore.Load(semantic.StoreFile, semantic.Model.VectorId, 384, _corpus.Log);
        Assert.Equal(left, stored.Count);
    }

    [Fact]
    public async Task Coverage_reports_building_then_ready_as_the_background_catches_up()
    {
        var passages = await WriteTwoArticlesAsync();
        var semantic = _corpus.Semantic(_encoder, _corpus.Settings with { BackgroundChunk = 2 });
        _encoder.Hold();
        using var stop = new CancellationTokenSource();
        var background = semantic.RunAsync(stop.Token);

        await WaitUntil(() => _encoder.Calls > 0);
        var building = semantic.Coverage;
        _encoder.Release();
        await WaitUntil(() => semantic.Coverage.State == SemanticState.Ready);

        Assert.Equal(SemanticState.Building, building.State);
        Assert.Equal(passages, building.Passages);
        Assert.True(building.Embedded < passages);
        Assert.NotNull(building.Reason);
        Assert.Equal(new SemanticCoverage(SemanticState.Ready, passages, passages, null), semantic.Coverage);

        // A commit brings new passages: the background embeds only those.
        _corpus.Write("ferry.txt", "Footbridge For The River", Footbridge);
        await _corpus.UpdateAsync();
        await WaitUntil(() => semantic.Coverage is { State: SemanticState.Ready, Passages: > 0 } c && c.Passages > passages);
        Assert.Equal(_corpus.Index.ReadPassages().Count, _encoder.PassagesEncoded);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => background);
    }

    [Fact]
    public async Task Queries_answer_at_once_while_a_background_build_is_held()
    {
        await WriteTwoArticlesAsync();
        var semantic = _corpus.Semantic(_encoder, _corpus.Settings with { BackgroundChunk = 2 });
        _encoder.Hold();
        using var stop = new CancellationTokenSource();
        var background = semantic.RunAsync(stop.Token);
        await WaitUntil(() => _encoder.Calls > 0);

        var clock = Stopwatch.StartNew();
        var hits = semantic.Nearest(DetourQuestion, 3);
        var coverage = semantic.Coverage;

        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Empty(hits); // nothing embedded yet: no vectors, no waiting
        Assert.Equal(SemanticState.Building, coverage.State);
        _encoder.Release();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => background);
    }

    [Fact]
    public async Task Over_the_budget_recall_stays_off_with_a_reason_and_one_log_line()
    {
        var passages = await WriteTwoArticlesAsync();
        var semantic = _corpus.Semantic(_encoder, _corpus.Settings with { MaxPassages = 2 });

        var coverage = await semantic.BuildAsync();
        await semantic.BuildAsync();

        Assert.Equal(SemanticState.Off, coverage.State);
        Assert.Equal(passages, coverage.Passages);
        Assert.Contains("Semantic:MaxPassages", coverage.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _encoder.Calls);
        Assert.Empty(semantic.Nearest("drivers road", 3));
        Assert.Single(_corpus.Log.Entries, e => e.Message.Contains("Semantic:MaxPassages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turned_off_it_reads_nothing_embeds_nothing_and_says_which_setting()
    {
        await WriteTwoArticlesAsync();
        var semantic = _corpus.Semantic(_encoder, _corpus.Settings with { Enabled = false });

        var coverage = await semantic.BuildAsync();

        Assert.Equal(SemanticState.Off, coverage.State);
        Assert.Contains("Semantic:Enabled", coverage.Reason, StringComparison.Ordinal);
        Assert.Empty(semantic.Nearest("drivers road", 3));
        Assert.Equal(0, _encoder.Calls);
        Assert.False(Directory.Exists(_corpus.Settings.StorePath));
    }

    [Fact]
    public async Task A_damaged_store_is_discarded_with_one_warning_and_rebuilt()
    {
        var passages = await WriteTwoArticlesAsync();
        var semantic = _corpus.Semantic(_encoder);
        await semantic.BuildAsync();
        var file = semantic.StoreFile;
        _corpus.Restart();
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..200]);

        var again = new WordHashEncoder();
        var coverage = await _corpus.Semantic(again).BuildAsync();

        Assert.Single(_corpus.Log.Warnings);
        Assert.Equal(passages, again.PassagesEncoded);
        Assert.Equal(SemanticState.Ready, coverage.State);
    }

    [Fact]
    public async Task A_query_process_uses_the_saved_vectors_without_embedding_passages()
    {
        await WriteTwoArticlesAsync();
        await _corpus.Semantic(_encoder).BuildAsync();
        _corpus.Restart();
        var queries = new WordHashEncoder();

        var hit = _corpus.Semantic(queries).Nearest(DetourQuestion, 1).Single();

        Assert.Equal("bridge", hit.ArticleId);
        Assert.Equal(0, queries.Calls);
    }

    [Fact]
    public async Task Similarities_score_each_text_against_the_question_in_order()
    {
        await WriteTwoArticlesAsync();
        var semantic = _corpus.Semantic(_encoder);

        var scores = semantic.Similarities("levy on sugary drinks", ["The levy on sugary drinks rises in April.", "The bridge is closed."]);

        Assert.Equal(2, scores.Count);
        Assert.True(scores[0] > scores[1]);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "timed out");
            await Task.Delay(10);
        }
    }

    public void Dispose()
    {
        _encoder.Release();
        _corpus.Dispose();
        _encoder.Dispose();
    }
}
