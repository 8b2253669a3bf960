using System.Text.Json;
using CorpusBot.Cli;
using CorpusBot.Tests.Support;

namespace CorpusBot.Tests.Cli;

public sealed class CliAppTests : IDisposable
{
    private static readonly string[] ResultFields = ["article", "title", "url", "outlet", "author", "published", "excerpt", "score"];

    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Ask_prints_a_cited_answer_with_the_source_address()
    {
        var run = await _cli.RunAsync("ask", "Why did Mark Ruffalo apologize?");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"https://www\.(unilad\.co\.uk|ibtimes\.sg)/", run.Out);
        Assert.Matches(@"\*[^*\n]*Ruffalo[^*\n]*\*", run.Out);
        Assert.Contains("Source: ", run.Out);
    }

    [Fact]
    public async Task Json_output_follows_the_contract_with_null_for_missing_fields()
    {
        var run = await _cli.RunAsync("search", "Ruffalo", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal("search", json.GetProperty("command").GetString());
        Assert.Equal("Ruffalo", json.GetProperty("query").GetString());
        Assert.True(json.TryGetProperty("message", out _));
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        foreach (var result in results)
        {
            Assert.All(ResultFields, field => Assert.True(result.TryGetProperty(field, out _), $"missing {field}"));
            Assert.Equal(JsonValueKind.Number, result.GetProperty("score").ValueKind);
            Assert.DoesNotContain("*", result.GetProperty("excerpt").GetString());
        }

        var fuerza = results.Single(r => r.GetProperty("article").GetString() == "002_a3ac396ace2bb2bf");
        Assert.Equal(JsonValueKind.Null, fuerza.GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, fuerza.GetProperty("published").ValueKind);
        Assert.Equal("http://fuerza943.com/mark-ruffalo-joins-palestinian-film-as-executive-producer-amid-conflict", fuerza.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Highlights_in_json_point_at_the_matched_words_of_the_plain_excerpt()
    {
        var json = (await _cli.RunAsync("search", "ceasefire", "--json")).Json();

        var result = json.GetProperty("results")[0];
        var excerpt = result.GetProperty("excerpt").GetString()!;
        var span = result.GetProperty("highlights")[0];
        Assert.Equal("ceasefire", excerpt.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task Search_filters_by_date_and_sorts_newest_first_from_the_command_line()
    {
        var filtered = (await _cli.RunAsync("search", "Ruffalo", "--from", "2021-05-25", "--to", "2021", "--json")).Json();
        var newest = (await _cli.RunAsync("search", "Ruffalo", "--sort", "newest", "--json")).Json();
        var bad = await _cli.RunAsync("search", "Ruffalo", "--from", "last tuesday", "--json");

        Assert.Equal("000_a7b503fa4e7868a0", Assert.Single(filtered.GetProperty("results").EnumerateArray()).GetProperty("article").GetString());
        Assert.Equal("2021-05-25", newest.GetProperty("results")[0].GetProperty("published").GetString());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("2021-05-25", bad.Json().GetProperty("message").GetString());
    }

    [Fact]
    public async Task No_results_is_an_answer_with_exit_code_0()
    {
        var run = await _cli.RunAsync("search", "zzzqqqxxx", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Empty(json.GetProperty("results").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("ask", "")]
    [InlineData("ask", "   ")]
    [InlineData("search", "Ruffalo", "--page", "zero")]
    [InlineData("search", "Ruffalo", "--page", "0")]
    [InlineData("ask", "question", "--bogus")]
    [InlineData("frobnicate")]
    public async Task Usage_errors_exit_with_2_and_still_write_one_json_object(params string[] args)
    {
        var run = await _cli.RunAsync([.. args, "--json"]);

        Assert.Equal(2, run.ExitCode);
        var json = run.Json();
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
        Assert.Empty(json.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task A_missing_articles_folder_is_a_failure_with_exit_code_1_and_says_what_to_set()
    {
        Directory.Delete(_cli.ArticlesPath, recursive: true);

        var run = await _cli.RunAsync("ask", "anything", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Corpus__ArticlesPath", run.Json().GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("ask", "anything")]
    [InlineData("index")]
    public async Task An_invalid_setting_fails_once_with_exit_code_1_and_the_message_on_stderr_only(params string[] args)
    {
        _cli.Extra["Corpus:MaxArticleBytes"] = "0";

        var run = await _cli.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Single(run.Error.Split('\n'), l => l.Contains("Corpus:MaxArticleBytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Index_twice_reindexes_nothing_the_second_time_and_an_edit_reindexes_only_that_article()
    {
        var first = (await _cli.RunAsync("index", "--json")).Json();
        var second = (await _cli.RunAsync("index", "--json")).Json();
        var path = Path.Combine(_cli.ArticlesPath, "001_fdf6606e97f208d2.txt");
        await File.AppendAllTextAsync(path, "\nAn added closing paragraph about the zeppelin.\n");
        var third = (await _cli.RunAsync("index", "--json")).Json();

        Assert.Equal("3", Fact(first, "re_indexed"));
        Assert.Equal("0", Fact(second, "re_indexed"));
        Assert.Equal("3", Fact(second, "articles"));
        Assert.Equal("1", Fact(third, "re_indexed"));
        Assert.Equal("001_fdf6606e97f208d2", Fact(third, "changed"));
        Assert.Single((await _cli.RunAsync("search", "zeppelin", "--json")).Json().GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task A_first_build_of_many_articles_lists_the_first_few_and_counts_the_rest()
    {
        for (var i = 0; i < 30; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_cli.ArticlesPath, $"extra-{i:00}.txt"), $"Extra article {i}\n\nA paragraph about harbour number {i} and its boats.\n");
        }

        var json = (await _cli.RunAsync("index", "--json")).Json();

        var added = Fact(json, "added")!;
        Assert.Equal(CorpusBot.Commands.IndexCommand.MaxListed, added.Split(", ").Length - 1);
        Assert.EndsWith("\u2026 and 13 more", added);
        Assert.Equal("33", Fact(json, "re_indexed"));
    }

    [Fact]
    public async Task Quote_returns_the_quotation_and_each_source()
    {
        var json = (await _cli.RunAsync("quote", "it\u2019s not accurate, it's inflammatory", "--json")).Json();

        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains("not accurate, it", r.GetProperty("excerpt").GetString()));
        Assert.All(results, r => Assert.StartsWith("https://", r.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task A_near_match_for_a_quote_is_labelled_and_never_given_as_the_quotation()
    {
        var json = (await _cli.RunAsync("quote", "Ruffalo is a brave hero of the people", "--json")).Json();

        Assert.Equal("nearmatch", json.GetProperty("kind").GetString());
        Assert.Contains("not the quotation", json.GetProperty("message").GetString());
        Assert.All(json.GetProperty("results").EnumerateArray(), r => Assert.False(r.TryGetProperty("quotation", out _)));
    }

    [Fact]
    public async Task Words_after_the_command_join_into_one_query_without_quotes()
    {
        var json = (await _cli.RunAsync("ask", "when", "was", "the", "ceasefire", "declared", "--json")).Json();

        Assert.Equal("when was the ceasefire declared", json.GetProperty("query").GetString());
        Assert.Contains("May 21", json.GetProperty("results")[0].GetProperty("excerpt").GetString());
    }

    [Fact]
    public async Task As_a_separate_process_stdout_holds_only_the_json_and_logs_go_to_stderr()
    {
        var run = await _cli.RunProcessAsync("ask", "Why did Mark Ruffalo apologize?", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.Json().GetProperty("results").EnumerateArray());
        Assert.Contains("Index updated", run.Error);
    }

    [Fact]
    public async Task Register_bulk_overwrites_the_commands_and_says_how_many()
    {
        await using var discord = await CorpusBot.Testing.FakeDiscord.FakeDiscordServer.StartAsync();
        var settings = _cli.Settings;
        settings["Discord:Token"] = discord.Options.Token;
        settings["Discord:ApplicationId"] = discord.Options.ApplicationId;
        settings["Discord:ApiBaseUrl"] = discord.ApiBaseUrl;
        var output = new StringWriter();

        var code = await CliApp.RunAsync(["register", "--json"], new CliContext(output, TextWriter.Null, settings));

        Assert.Equal(0, code);
        Assert.Equal(7, discord.GlobalCommands.Count);
        Assert.Contains("Registered 7 commands", output.ToString());
        Assert.Empty(discord.Violations);
    }

    [Fact]
    public async Task Register_without_a_token_says_what_to_set()
    {
        var run = await _cli.RunAsync("register", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord__Token", run.Json().GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_a_command_or_a_token_it_explains_how_to_configure_and_use_it()
    {
        var run = await _cli.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord__Token", run.Error);
        Assert.Contains("ask", run.Error);
    }

    private static string? Fact(JsonElement json, string name) => json.GetProperty("facts").GetProperty(name).GetString();

    public void Dispose() => _cli.Dispose();
}
