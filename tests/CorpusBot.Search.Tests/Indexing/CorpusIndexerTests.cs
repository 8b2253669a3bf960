using CorpusBot.Search.Analysis;
using CorpusBot.Search.Articles;
using CorpusBot.Search.Indexing;
using CorpusBot.Search.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Search.Tests.Indexing;

public sealed class CorpusIndexerTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    private static string Article(string title, string body) => $"---\ntitle: {title}\n---\n{body}\n";

    [Fact]
    public async Task First_pass_adds_every_article_and_a_second_pass_reindexes_nothing()
    {
        _corpus.WithSeeds();

        var first = await _corpus.UpdateAsync();
        var second = await _corpus.UpdateAsync();

        Assert.Equal(3, first.Added.Count);
        Assert.Equal(0, second.Reindexed);
        Assert.Empty(second.Removed);
        Assert.Equal(3, second.Unchanged);
        Assert.Equal(3, _corpus.Searcher.Stats().Articles);
    }

    [Fact]
    public async Task A_restart_with_an_unchanged_collection_reindexes_nothing()
    {
        _corpus.WithSeeds();
        await _corpus.UpdateAsync();
        _corpus.Reopen();

        var afterRestart = await _corpus.UpdateAsync();

        Assert.Equal(0, afterRestart.Reindexed);
        Assert.Equal(3, afterRestart.Unchanged);
        Assert.NotNull(_corpus.Index.LastUpdated);
    }

    [Fact]
    public async Task Changing_one_article_reindexes_only_that_one_and_replaces_all_its_passages()
    {
        _corpus.Write("a.txt", Article("Alpha", "The zeppelin landed in the harbour.\n\nA second paragraph about the zeppelin crew."));
        _corpus.Write("b.txt", Article("Beta", "Nothing about airships here."));
        await _corpus.UpdateAsync();

        _corpus.Write("a.txt", Article("Alpha", "The submarine surfaced in the harbour."));
        var report = await _corpus.UpdateAsync();

        Assert.Equal(["a"], report.Changed);
        Assert.Empty(report.Added);
        Assert.Equal(1, report.Unchanged);
        Assert.Empty(_corpus.Searcher.Search("zeppelin").Citations);
        Assert.Equal("a", Assert.Single(_corpus.Searcher.Search("submarine").Citations).ArticleId);
    }

    [Fact]
    public async Task Touching_a_file_without_changing_its_content_does_not_reindex_it()
    {
        var path = _corpus.Write("a.txt", Article("Alpha", "Some text about kites."));
        await _corpus.UpdateAsync();

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        var report = await _corpus.UpdateAsync();

        Assert.Equal(0, report.Reindexed);
        Assert.Equal(1, report.Unchanged);
    }

    [Fact]
    public async Task A_deleted_file_leaves_the_index()
    {
        var path = _corpus.Write("gone.txt", Article("Gone", "The lighthouse keeper retired."));
        _corpus.Write("kept.txt", Article("Kept", "The baker opened early."));
        await _corpus.UpdateAsync();

        File.Delete(path);
        var report = await _corpus.UpdateAsync();

        Assert.Equal(["gone"], report.Removed);
        Assert.Empty(_corpus.Searcher.Search("lighthouse").Citations);
        Assert.Equal(1, _corpus.Searcher.Stats().Articles);
    }

    [Fact]
    public async Task After_a_pass_that_wrote_most_of_the_collection_the_index_is_merged_into_one_segment_and_still_answers()
    {
        _corpus.Write("a.txt", Article("Alpha", "The zeppelin landed in the harbour."));
        _corpus.Write("b.txt", Article("Beta", "The baker opened early."));
        await _corpus.UpdateAsync();
        await _corpus.Indexer.MergeIfDueAsync();
        _corpus.Write("c.txt", Article("Gamma", "The lighthouse keeper retired."));
        _corpus.Write("d.txt", Article("Delta", "The ferry was late again."));
        _corpus.Write("e.txt", Article("Epsilon", "The kite festival drew crowds."));
        await _corpus.UpdateAsync();
        var updated = _corpus.Index.LastUpdated;
        Assert.True(_corpus.Index.SegmentCount > 1);

        var merged = await _corpus.Indexer.MergeIfDueAsync();

        Assert.NotNull(merged);
        Assert.Equal(1, _corpus.Index.SegmentCount);
        Assert.Equal("a", Assert.Single(_corpus.Searcher.Search("zeppelin").Citations).ArticleId);
        Assert.Equal("e", Assert.Single(_corpus.Searcher.Search("kite").Citations).ArticleId);
        _corpus.Reopen();
        Assert.Equal(updated, _corpus.Index.LastUpdated);
        Assert.Equal(1, _corpus.Index.SegmentCount);
        Assert.Equal(0, (await _corpus.UpdateAsync()).Reindexed);
    }

    [Fact]
    public async Task A_pass_that_changed_a_few_articles_leaves_the_segments_alone()
    {
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            _corpus.Write($"{name}.txt", Article(name, $"Article {name} about the harbour."));
        }

        await _corpus.UpdateAsync();
        await _corpus.Indexer.MergeIfDueAsync();
        _corpus.Write("a.txt", Article("a", "Article a about the zeppelin."));
        await _corpus.UpdateAsync();
        var segments = _corpus.Index.SegmentCount;

        Assert.Null(await _corpus.Indexer.MergeIfDueAsync());
        Assert.Equal(segments, _corpus.Index.SegmentCount);
    }

    [Fact]
    public async Task Articles_in_subfolders_get_their_relative_path_as_id()
    {
        _corpus.Write("2024/march/bridge.md", Article("Bridge", "The bridge reopened."));

        await _corpus.UpdateAsync();

        Assert.Equal("2024/march/bridge", Assert.Single(_corpus.Searcher.Search("bridge").Citations).ArticleId);
    }

    [Fact]
    public async Task Broken_files_are_skipped_with_one_warning_each_and_the_rest_indexed()
    {
        _corpus.Write("good.txt", Article("Good", "The orchard harvest was plentiful."));
        _corpus.WriteBytes("binary.txt", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]);
        _corpus.WriteBytes("empty.md", []);
        _corpus.WriteBytes("huge.txt", new byte[2 * 1024 * 1024]);
        _corpus.Write("ignored.pdf", "not an article type");

        var report = await _corpus.UpdateAsync();
        await _corpus.UpdateAsync();

        Assert.Equal(["good"], report.Added);
        Assert.Equal(3, report.Skipped.Count);
        foreach (var name in new[] { "binary.txt", "empty.md", "huge.txt" })
        {
            Assert.Single(_corpus.Log.Warnings, w => w.Contains(name));
        }

        Assert.Single(_corpus.Searcher.Search("orchard").Citations);
    }

    [Fact]
    public async Task An_article_that_turns_unreadable_keeps_its_last_good_version()
    {
        var path = _corpus.Write("a.txt", Article("Alpha", "The glacier retreated further this year."));
        await _corpus.UpdateAsync();

        File.WriteAllBytes(path, [0x00, 0x00, 0x01]);
        var report = await _corpus.UpdateAsync();

        Assert.Empty(report.Removed);
        Assert.Single(report.Skipped);
        Assert.Single(_corpus.Searcher.Search("glacier").Citations);
    }

    [Fact]
    public async Task A_corrupt_index_is_rebuilt_from_the_articles_with_a_warning()
    {
        _corpus.WithSeeds();
        await _corpus.UpdateAsync();
        _corpus.Reopen();
        foreach (var file in Directory.EnumerateFiles(_corpus.IndexPath).Where(f => !f.EndsWith("write.lock")))
        {
            File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);
        }

        var report = await _corpus.UpdateAsync();

        Assert.Contains(_corpus.Log.Warnings, w => w.Contains("corrupt"));
        Assert.Equal(3, report.Added.Count);
        Assert.NotEmpty(_corpus.Searcher.Search("Ruffalo").Citations);
    }

    [Fact]
    public async Task A_search_during_an_update_sees_either_the_old_or_the_new_collection()
    {
        const int count = 60;
        for (var i = 0; i < count; i++)
        {
            _corpus.Write($"doc{i:D3}.txt", Article($"Doc {i}", $"Report {i} mentions the oldmarker keyword."));
        }

        await _corpus.UpdateAsync();
        for (var i = 0; i < count; i++)
        {
            _corpus.Write($"doc{i:D3}.txt", Article($"Doc {i}", $"Report {i} mentions the newmarker keyword."));
        }

        var update = Task.Run(() => _corpus.Indexer.UpdateAsync());
        var observed = new HashSet<(int Old, int New)>();
        var snapshots = 0;
        while (!update.IsCompleted)
        {
            observed.Add(CountMarkersInOneSnapshot());
            snapshots++;
        }

        var report = await update;
        observed.Add(CountMarkersInOneSnapshot());

        Assert.Equal(count, report.Changed.Count);
        Assert.All(observed, o => Assert.True(o is (count, 0) or (0, count), $"saw {o.Old} old and {o.New} new"));
        Assert.Contains((0, count), observed);
        Assert.True(snapshots > 0, "no search ran while the update was in progress");
    }

    [Fact]
    public async Task A_line_repeated_at_the_foot_of_one_sources_articles_is_treated_as_furniture()
    {
        const string bio = "Jo Writer studied journalism in Leeds and has covered courts for the paper since 2019.";
        _corpus.Write("a.txt", Article("Alpha", $"The harbour bridge reopened after repairs on Monday morning.\n\n{bio}"));
        _corpus.Write("b.txt", Article("Beta", $"The library extended its opening hours for the exam season.\n\n{bio}"));

        await _corpus.UpdateAsync();

        Assert.Empty(_corpus.Searcher.Search("Leeds journalism courts").Citations);
        Assert.Single(_corpus.Searcher.Search("harbour bridge").Citations);
    }

    [Fact]
    public async Task An_outlets_bio_line_repeated_across_its_articles_is_kept_out_wherever_it_sits()
    {
        const string bio = "Sam Reporter has written about city politics for the Courier since the spring of 2015.";
        for (var i = 0; i < RepeatedLines.ManyArticles; i++)
        {
            _corpus.Write($"courier/{i}.txt", $"---\ntitle: Story {i}\noutlet: The Courier\n---\n{Story(i, 0)}\n\n{Story(i, 1)}\n\n{Story(i, 2)}\n\n{bio}\n\n{Story(i, 3)}\n\n{Story(i, 4)}\n\n{Story(i, 5)}\n\n{Story(i, 6)}\n");
        }

        await _corpus.UpdateAsync();

        Assert.Empty(_corpus.Searcher.Search("politics spring 2015").Citations);
        Assert.Equal(RepeatedLines.ManyArticles, _corpus.Searcher.Search("council").TotalArticles);
    }

    [Fact]
    public async Task Past_its_memory_budget_a_pass_reads_articles_again_and_indexes_them_the_same()
    {
        const string bio = "Sam Reporter has written about city politics for the Courier since the spring of 2015.";
        for (var i = 0; i < RepeatedLines.ManyArticles; i++)
        {
            _corpus.Write($"courier/{i}.txt", $"---\ntitle: Story {i}\noutlet: The Courier\n---\n{Story(i, 0)}\n\n{bio}\n\n{Story(i, 1)}\n");
        }

        var indexer = new CorpusIndexer(_corpus.Index, new ArticleReader(1 << 20), _corpus.ArticlesPath, NullLogger<CorpusIndexer>.Instance) { RetainedChars = 0 };
        var report = await indexer.UpdateAsync();

        Assert.Equal(RepeatedLines.ManyArticles, report.Added.Count);
        Assert.Empty(_corpus.Searcher.Search("politics spring 2015").Citations);
        Assert.Equal(RepeatedLines.ManyArticles, _corpus.Searcher.Search("council").TotalArticles);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(4, false)]
    public async Task A_quote_carried_as_its_own_paragraph_by_several_stories_is_found_in_each(int stories, bool withOutlets)
    {
        const string quote = "\u201CWe will not back down on the bridge repairs,\u201D the mayor said.";
        for (var i = 0; i < stories; i++)
        {
            var outlet = withOutlets ? $"outlet: Paper {i}\n" : string.Empty;
            _corpus.Write($"s{i}.txt", $"---\ntitle: Story {i}\n{outlet}---\n{Story(i, 0)}\n\n{quote}\n\n{Story(i, 1)}\n");
        }

        await _corpus.UpdateAsync();

        var quoted = _corpus.Searcher.Quote("We will not back down on the bridge repairs");
        Assert.True(quoted.Exact);
        Assert.Equal(stories, quoted.Matches.Count);
        Assert.Equal(stories, _corpus.Searcher.Search("bridge repairs").TotalArticles);
    }

    [Fact]
    public async Task A_statement_shared_by_stories_from_different_outlets_stays_searchable_even_without_quotation_marks()
    {
        const string statement = "The council confirmed that the ring road will close for three weeks from Monday.";
        _corpus.Write("a.txt", $"---\ntitle: Road works\noutlet: The Courier\n---\n{statement}\n\n{Story(0, 1)}\n");
        _corpus.Write("b.txt", $"---\ntitle: Closures ahead\nurl: https://www.gazette.example/closures\n---\n{statement}\n\n{Story(1, 1)}\n");

        await _corpus.UpdateAsync();

        Assert.Equal(2, _corpus.Searcher.Search("ring road close three weeks").TotalArticles);
    }

    private static string Story(int story, int paragraph) =>
        $"In story {story}, paragraph {paragraph} tells how the council met residents number {story * 10 + paragraph} about the plans.";

    [Fact]
    public async Task An_index_held_by_another_writer_is_searched_read_only_and_not_changed()
    {
        _corpus.WithSeeds();
        await _corpus.UpdateAsync();

        using var second = CorpusIndex.Open(_corpus.IndexPath, _corpus.Log);
        var report = await new CorpusIndexer(second, new CorpusBot.Search.Articles.ArticleReader(1 << 20), _corpus.ArticlesPath, new ForwardingLogger<CorpusIndexer>(_corpus.Log)).UpdateAsync();

        Assert.True(second.IsReadOnly);
        Assert.True(report.ReadOnly);
        Assert.Equal(3, new CorpusBot.Search.Engine.CorpusSearcher(second).Stats().Articles);
        Assert.Contains(_corpus.Log.Warnings, w => w.Contains("locked"));
    }

    [Fact]
    public async Task A_copy_of_an_article_under_another_name_stays_searchable()
    {
        var text = Article("Copy", "The lighthouse keeper retired after forty years on the rock.\n\nHe plans to write a book about the storms he saw.");
        _corpus.Write("original.txt", text);
        _corpus.Write("copy.txt", text);

        await _corpus.UpdateAsync();

        Assert.Equal(2, _corpus.Searcher.Search("lighthouse keeper").TotalArticles);
    }

    [Fact]
    public async Task Two_files_with_the_same_id_index_one_and_warn_about_the_other()
    {
        _corpus.Write("story.txt", Article("Story", "The text version about falcons."));
        _corpus.Write("story.md", Article("Story", "The markdown version about falcons."));

        var report = await _corpus.UpdateAsync();

        Assert.Single(report.Added);
        Assert.Single(report.Skipped);
    }

    private (int Old, int New) CountMarkersInOneSnapshot()
    {
        using var lease = _corpus.Index.Acquire();
        int Count(string word)
        {
            var collector = new TotalHitCountCollector();
            var term = TokenReader.Read(CorpusAnalyzers.Stemmed, word).Single().Term;
            lease.Searcher.Search(new TermQuery(new Term("body", term)), collector);
            return collector.TotalHits;
        }

        return (Count("oldmarker"), Count("newmarker"));
    }

    public void Dispose() => _corpus.Dispose();
}
