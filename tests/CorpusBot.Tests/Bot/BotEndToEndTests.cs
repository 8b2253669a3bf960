using System.Diagnostics;
using System.Text.Json;
using CorpusBot.Testing.FakeDiscord;
using CorpusBot.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CorpusBot.Tests.Bot;

[Collection(SerialCollection.Name)]
public sealed class BotEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string UniladUrl = "https://www.unilad.co.uk/news/mark-ruffalo-faces-backlash-following-israel-post-apology/";
    private const string IbTimesUrl = "https://www.ibtimes.sg/mark-ruffalo-apologizes-inaccurately-accusing-israel-genocide-draws-outrage-twitter-57708";

    [Fact]
    public async Task At_start_it_registers_every_command_by_bulk_overwrite()
    {
        await using var bot = await BotHost.StartAsync();

        await bot.Discord.WaitForCommandsRegisteredAsync(Wait);

        var commands = bot.Discord.GlobalCommands;
        Assert.Equal(
            new[] { "Find sources", "about", "article", "ask", "quote", "reindex", "search" },
            commands.Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var reindex = commands.Single(c => c.GetProperty("name").GetString() == "reindex");
        Assert.Equal("32", reindex.GetProperty("default_member_permissions").GetString());
        var article = commands.Single(c => c.GetProperty("name").GetString() == "article");
        Assert.True(article.GetProperty("options")[0].GetProperty("autocomplete").GetBoolean());
        var findSources = commands.Single(c => c.GetProperty("name").GetString() == "Find sources");
        Assert.Equal(3, findSources.GetProperty("type").GetInt32());
        Assert.All(commands.Where(c => c.GetProperty("name").GetString() != "reindex"), c =>
        {
            Assert.Equal([0, 1], c.GetProperty("integration_types").EnumerateArray().Select(v => v.GetInt32()));
            Assert.Equal([0, 1, 2], c.GetProperty("contexts").EnumerateArray().Select(v => v.GetInt32()));
        });
        Assert.Equal([0], reindex.GetProperty("integration_types").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal([0], reindex.GetProperty("contexts").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Empty(bot.Discord.Violations);
        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("scope=bot+applications.commands", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_guild_id_the_commands_are_registered_in_that_guild()
    {
        await using var bot = await BotHost.StartAsync(configure: s => s["Discord:GuildId"] = "555000000000000001");

        await bot.Discord.WaitForCommandsRegisteredAsync(Wait);

        Assert.True(bot.Discord.GuildCommands.TryGetValue("555000000000000001", out var commands));
        Assert.Empty(bot.Discord.GlobalCommands);
        Assert.All(commands, c => Assert.False(c.TryGetProperty("contexts", out _), "contexts is for global commands only"));
    }

    [Fact]
    public async Task It_identifies_watching_the_collection_size_by_default()
    {
        await using var bot = await BotHost.StartAsync();

        var identify = Assert.Single((await bot.Discord.WaitForReadyAsync(Wait)).Identifies);

        var activity = Assert.Single(identify.GetProperty("presence").GetProperty("activities").EnumerateArray());
        Assert.Equal(3, activity.GetProperty("type").GetInt32());
        Assert.Equal("3 articles", activity.GetProperty("name").GetString());
        Assert.Equal([0, 1], identify.GetProperty("shard").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public async Task Ask_answers_with_embeds_that_link_the_source_article()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        var message = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("ask", ("question", "Why did Mark Ruffalo apologize?")));

        var embeds = message.GetProperty("embeds").EnumerateArray().ToList();
        Assert.Contains(embeds[0].GetProperty("url").GetString(), new[] { UniladUrl, IbTimesUrl });
        Assert.Contains("**", embeds[0].GetProperty("description").GetString());
        Assert.Empty(message.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task On_a_first_start_it_builds_the_index_before_taking_questions()
    {
        await using var bot = await BotHost.StartAsync(waitForIndex: false);
        await bot.Discord.WaitForReadyAsync(Wait);

        var message = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("ask", ("question", "When was the ceasefire declared?")));

        Assert.Equal(UniladUrl, message.GetProperty("embeds")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Search_pages_with_buttons_that_update_the_message()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);
        bot.Corpus.WriteArticle("extra1.txt", "---\ntitle: Ruffalo Extra One\nurl: https://extra.example/1\n---\nRuffalo spoke again.\n");
        bot.Corpus.WriteArticle("extra2.txt", "---\ntitle: Ruffalo Extra Two\nurl: https://extra.example/2\n---\nRuffalo spoke once more.\n");
        bot.Corpus.WriteArticle("extra3.txt", "---\ntitle: Ruffalo Extra Three\nurl: https://extra.example/3\n---\nRuffalo spoke a third time.\n");
        await AnswerAsync(bot, FakeDiscordServer.SlashCommand("reindex"), manageGuild: true);

        var first = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("search", ("query", "Ruffalo")));
        var next = first.GetProperty("components").EnumerateArray().Last().GetProperty("components")[1];
        var clickId = bot.Discord.DispatchInteraction(FakeDiscordServer.ButtonClick(next.GetProperty("custom_id").GetString()!));
        var click = await bot.Discord.WaitForFinalMessageAsync(clickId, Wait);

        Assert.Equal(7, click.Callbacks[0].Type);
        Assert.Contains("page 2 of 2", click.FinalMessage!.Value.GetProperty("content").GetString());
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task Quote_returns_the_quotation_with_each_source()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        var message = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("quote", ("text", "it's not accurate, it's inflammatory")));

        var embeds = message.GetProperty("embeds").EnumerateArray().ToList();
        Assert.Equal(2, embeds.Count);
        Assert.All(embeds, e => Assert.Contains("inflammatory", e.GetProperty("description").GetString()));
        Assert.Equal(new[] { IbTimesUrl, UniladUrl }, embeds.Select(e => e.GetProperty("url").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Article_autocomplete_offers_titles_and_the_choice_opens_the_article()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.Autocomplete("article", "title", "ruffalo joins"));
        var suggestion = await bot.Discord.WaitForFinalMessageAsync(id, Wait);
        var choice = suggestion.Callbacks[0].Data!.Value.GetProperty("choices")[0];
        var message = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("article", ("title", choice.GetProperty("value").GetString()!)));

        Assert.Equal("Mark Ruffalo Joins Palestinian Film As Executive Producer Amid Conflict", choice.GetProperty("name").GetString());
        Assert.Equal("http://fuerza943.com/mark-ruffalo-joins-palestinian-film-as-executive-producer-amid-conflict", message.GetProperty("embeds")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task About_reports_the_collection_size_and_last_update_publicly()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        var message = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("about"));

        Assert.False(message.TryGetProperty("flags", out var flags) && (flags.GetInt32() & 64) != 0);
        var fields = message.GetProperty("embeds")[0].GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("3", fields["Articles"]);
        Assert.Contains("UTC", fields["Last update"]);
    }

    [Fact]
    public async Task Find_sources_searches_for_the_text_of_the_message()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        var message = await AnswerAsync(bot, FakeDiscordServer.MessageCommand("Find sources", "900000000000000001", "Did anyone call him spineless for changing tack?"));

        Assert.Equal(UniladUrl, message.GetProperty("embeds")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Reindex_is_refused_privately_to_a_server_manager_who_does_not_own_the_app()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);
        bot.Corpus.WriteArticle("new.txt", "---\ntitle: Zeppelin News\n---\nThe zeppelin landed.\n");

        var refused = await AnswerAsync(bot, FakeDiscordServer.ByUser(FakeDiscordServer.SlashCommand("reindex"), "400000000000000077"), manageGuild: true);
        var search = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("search", ("query", "zeppelin")));

        Assert.Equal(64, refused.GetProperty("flags").GetInt32() & 64);
        Assert.Contains("owner", refused.GetProperty("content").GetString());
        Assert.Contains("Nothing", search.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Reindex_by_the_apps_owner_reports_privately_what_changed()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);
        bot.Corpus.WriteArticle("new.txt", "---\ntitle: Zeppelin News\n---\nThe zeppelin landed.\n");

        var id = bot.Discord.DispatchInteraction(FakeDiscordServer.SlashCommand("reindex"));
        var record = await bot.Discord.WaitForFinalMessageAsync(id, Wait);

        // Private from its first callback, whether the answer came at once or after a deferral.
        Assert.Equal(64, record.Callbacks[0].Data!.Value.GetProperty("flags").GetInt32() & 64);
        Assert.Contains("1 added", record.FinalMessage!.Value.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Reindex_by_a_configured_operator_works_and_outside_a_server_is_refused()
    {
        const string operatorId = "400000000000000055";
        await using var bot = await BotHost.StartAsync(configure: s => s["Discord:OperatorIds"] = $"123, {operatorId}");
        await bot.Discord.WaitForReadyAsync(Wait);
        bot.Corpus.WriteArticle("new.txt", "---\ntitle: Zeppelin News\n---\nThe zeppelin landed.\n");

        var done = await AnswerAsync(bot, FakeDiscordServer.ByUser(FakeDiscordServer.SlashCommand("reindex"), operatorId));
        var inDm = await AnswerAsync(bot, FakeDiscordServer.From(FakeDiscordServer.SlashCommand("reindex"), FakeInteractionPlace.BotDm));

        Assert.Contains("1 added", done.GetProperty("content").GetString());
        Assert.Equal(64, inDm.GetProperty("flags").GetInt32() & 64);
        Assert.Contains("only in a server", inDm.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData(FakeInteractionPlace.BotDm)]
    [InlineData(FakeInteractionPlace.PrivateChannel)]
    [InlineData(FakeInteractionPlace.ServerByUserInstall)]
    public async Task A_user_installed_ask_is_answered_wherever_it_comes_from(FakeInteractionPlace place)
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        var message = await AnswerAsync(bot, FakeDiscordServer.From(FakeDiscordServer.SlashCommand("ask", ("question", "Why did Mark Ruffalo apologize?")), place));

        Assert.Contains("Ruffalo", message.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task Mentions_in_a_query_are_escaped_and_ping_nobody()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        var message = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("search", ("query", "@everyone <@123456789012345678> <@&42> **ceasefire**")));

        var content = message.GetProperty("content").GetString()!;
        Assert.Contains(@"\<@123456789012345678\>", content);
        Assert.Contains(@"\*\*ceasefire\*\*", content);
        Assert.Empty(message.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task Nothing_found_and_bad_input_are_private_and_say_what_to_try()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);

        var none = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("search", ("query", "zzqqxx")));
        var bad = await AnswerAsync(bot, FakeDiscordServer.SlashCommand("ask", ("question", "🍉 ?! ~~")));

        Assert.Equal(64, none.GetProperty("flags").GetInt32() & 64);
        Assert.Contains("Try", none.GetProperty("content").GetString());
        Assert.Equal(64, bad.GetProperty("flags").GetInt32() & 64);
    }

    [Fact]
    public async Task A_burst_of_1000_interactions_is_answered_within_three_seconds_each()
    {
        // The other test assemblies run alongside this one on the same cores; deferring a little earlier than the
        // 1.5 s default keeps the margin to Discord's 3 s. The benchmark (tests/CorpusBot.Benchmarks burst) measures the default.
        await using var bot = await BotHost.StartAsync(configure: s => s["Discord:DeferAfterMilliseconds"] = "1000");
        await bot.Discord.WaitForReadyAsync(Wait);
        string[] questions = ["When was the ceasefire declared?", "Who called Ruffalo spineless?", "sanctions South Africa", "Why did Mark Ruffalo apologize?"];

        var clock = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, 1000)
            .Select(i => bot.Discord.DispatchInteraction(i % 2 == 0
                ? FakeDiscordServer.SlashCommand("ask", ("question", questions[i % questions.Length]))
                : FakeDiscordServer.SlashCommand("search", ("query", questions[i % questions.Length]))))
            .ToList();
        var records = await Task.WhenAll(ids.Select(id => bot.Discord.WaitForFinalMessageAsync(id, TimeSpan.FromSeconds(60))));

        var latencies = records.Select(r => r.InitialResponseLatency!.Value.TotalMilliseconds).Order().ToList();
        output.WriteLine($"1000 interactions in {clock.ElapsedMilliseconds} ms; callback latency p50 {latencies[499]:F0} ms, p99 {latencies[989]:F0} ms, max {latencies[^1]:F0} ms; deferred {records.Count(r => r.Callbacks[0].Type == 5)}");
        Assert.All(latencies, l => Assert.True(l < 3000, $"an interaction waited {l:F0} ms"));
        Assert.All(records, r => Assert.Single(r.Callbacks));
        Assert.Empty(bot.Discord.Violations);
    }

    [Fact]
    public async Task A_bad_token_close_stops_the_host_with_one_clear_line_and_exit_code_1()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);
        var lifetime = (Microsoft.Extensions.Hosting.IHostApplicationLifetime)bot.Host.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostApplicationLifetime))!;

        await bot.Discord.CloseCurrentConnectionAsync(4004, "Authentication failed");
        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(Wait);

        Assert.Equal(1, bot.ExitCode);
        Assert.Single(bot.Logs.Lines, l => l.Level == LogLevel.Critical);
        Assert.Single(bot.Discord.Connections);
    }

    [Fact]
    public async Task The_token_never_appears_in_the_logs()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Discord.WaitForReadyAsync(Wait);
        await AnswerAsync(bot, FakeDiscordServer.SlashCommand("ask", ("question", "ceasefire")));
        await bot.Discord.CloseCurrentConnectionAsync(4000);
        await bot.Discord.WaitForResumedAsync(Wait);

        Assert.DoesNotContain(bot.Logs.Lines, l => l.Message.Contains(bot.Discord.Options.Token, StringComparison.Ordinal));
    }

    private static async Task<JsonElement> AnswerAsync(BotHost bot, System.Text.Json.Nodes.JsonObject interaction, bool manageGuild = false)
    {
        if (manageGuild && interaction["member"] is not null)
        {
            interaction["member"]!["permissions"] = "32";
        }
        else if (interaction["member"] is System.Text.Json.Nodes.JsonObject member)
        {
            member["permissions"] = "0";
        }

        var id = bot.Discord.DispatchInteraction(interaction);
        var record = await bot.Discord.WaitForFinalMessageAsync(id, Wait);
        return record.FinalMessage!.Value;
    }
}
