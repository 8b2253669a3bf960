using CorpusBot.Tests.Support;

namespace CorpusBot.Tests.Cli;

/// <summary>
/// Bad settings and bad arguments, through the command line's entry point as a person or a script meets them: the exit
/// code, one message on stderr naming what to fix, and (with --json) exactly one object on stdout.
/// </summary>
public sealed class SettingsFailureTests : IDisposable
{
    // Should the bot ever start in one of these tests it must not reach Discord, nor run for ever.
    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(30);

    private readonly CliHarness _cli = new();

    public SettingsFailureTests() => _cli.Extra["Discord:ApiBaseUrl"] = "http://127.0.0.1:9";

    [Fact]
    public async Task A_missing_articles_folder_fails_a_command_with_one_message_on_stderr_naming_the_setting()
    {
        Directory.Delete(_cli.ArticlesPath, recursive: true);

        var run = await _cli.RunAsync("ask", "anything");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("Corpus__ArticlesPath", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task At_the_shipped_log_level_a_refused_command_says_why_once_on_stderr_of_its_process()
    {
        _cli.Extra["Logging:LogLevel:Default"] = "Information";

        var run = await _cli.RunProcessAsync("search", "");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines, line => line.Contains("Type a few words", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Corpus:MaxArticleBytes", "abc")]
    [InlineData("Semantic:MaxPassages", "many")]
    public async Task A_setting_of_the_wrong_type_fails_a_command_as_what_to_set_not_as_an_unexpected_error(string setting, string value)
    {
        _cli.Extra[setting] = value;

        var text = await _cli.RunAsync("ask", "anything");
        var json = await _cli.RunAsync("ask", "anything", "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal(string.Empty, text.Out);
        var line = Assert.Single(text.ErrorLines);
        Assert.Contains(setting, line);
        Assert.Contains(value, line);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("failed", json.Json().GetProperty("kind").GetString());
        Assert.Contains(setting, json.Json().GetProperty("message").GetString());
        Assert.Empty(json.ErrorLines);
    }

    [Fact]
    public async Task An_option_value_out_of_range_is_a_usage_error_with_one_message_naming_the_option()
    {
        var text = await _cli.RunAsync("search", "Ruffalo", "--page", "0");
        var json = await _cli.RunAsync("search", "Ruffalo", "--page", "0", "--json");

        Assert.Equal(2, text.ExitCode);
        Assert.Equal(string.Empty, text.Out);
        Assert.Contains("--page", Assert.Single(text.ErrorLines));
        Assert.Equal(2, json.ExitCode);
        Assert.Contains("--page", json.Json().GetProperty("message").GetString());
        Assert.Contains("--page", Assert.Single(json.ErrorLines));
    }

    [Fact]
    public async Task The_bot_with_a_malformed_token_stops_with_one_message_naming_the_setting()
    {
        _cli.Extra["Discord:Token"] = "Bot abc.def";

        var run = await _cli.RunWithinAsync(BotTimeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("Discord:Token", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_a_separate_process_the_bot_with_a_malformed_token_writes_that_one_line_and_no_log_of_a_failed_start()
    {
        _cli.Extra["Discord:Token"] = "Bot abc.def";

        var run = await _cli.RunProcessAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Discord:Token", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_with_a_setting_of_the_wrong_type_stops_with_one_message_and_no_stack_trace()
    {
        _cli.Extra["Discord:Token"] = "abc.def";
        _cli.Extra["Discord:DeferAfterMilliseconds"] = "soon";

        var run = await _cli.RunWithinAsync(BotTimeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Discord:DeferAfterMilliseconds", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task The_bot_names_every_bad_setting_of_every_section_at_once()
    {
        Directory.Delete(_cli.ArticlesPath, recursive: true);
        _cli.Extra["Discord:Token"] = "Bot abc.def";

        var run = await _cli.RunWithinAsync(BotTimeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Count);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("Corpus:ArticlesPath", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("Discord:Token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_http_bot_without_a_public_key_stops_with_one_message_naming_the_setting()
    {
        _cli.Extra["Discord:Transport"] = "Http";

        var run = await _cli.RunWithinAsync(BotTimeout);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Discord:PublicKey", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
