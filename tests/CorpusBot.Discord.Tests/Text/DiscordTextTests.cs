using CorpusBot.Discord.Text;

namespace CorpusBot.Discord.Tests.Text;

public class DiscordTextTests
{
    [Theory]
    [InlineData("**bold** _it_ ~~x~~ `code` ||spoiler||", @"\*\*bold\*\* \_it\_ \~\~x\~\~ \`code\` \|\|spoiler\|\|")]
    [InlineData("[click](https://evil.example)", @"\[click\](https://evil.example)")]
    [InlineData("<@123> <@&456> <#789> @everyone", @"\<@123\> \<@&456\> \<#789\> @everyone")]
    [InlineData("# Heading\n> quote\n- item", "\\# Heading\n\\> quote\n\\- item")]
    [InlineData("a - b # c", "a - b # c")]
    [InlineData(@"back\slash", @"back\\slash")]
    public void Markdown_is_escaped_so_text_shows_as_written(string text, string escaped) =>
        Assert.Equal(escaped, DiscordText.Escape(text));

    [Fact]
    public void Truncation_cuts_at_a_word_boundary_and_marks_the_cut()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100));

        var cut = DiscordText.Truncate(text, 50);

        Assert.True(cut.Length <= 50);
        Assert.EndsWith("word\u2026", cut);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair_or_leaves_a_dangling_escape()
    {
        Assert.False(char.IsHighSurrogate(DiscordText.Truncate(new string('x', 8) + "🍉🍉🍉", 10)[^2]));
        var escaped = DiscordText.Escape(new string('*', 40));

        var cut = DiscordText.Truncate(escaped, 21);

        Assert.True(cut.Length <= 21);
        Assert.Equal(0, (cut.TrimEnd('\u2026').Length - cut.TrimEnd('\u2026').TrimEnd('\\').Length) % 2);
    }

    [Fact]
    public void Truncation_inside_bold_does_not_leave_the_rest_bold()
    {
        var cut = DiscordText.Truncate("plain text then **a very long highlighted phrase that goes on**", 30);

        Assert.Equal(0, CountBold(cut) % 2);
    }

    [Fact]
    public void Short_text_is_returned_unchanged() => Assert.Equal("short", DiscordText.Truncate("short", 10));

    private static int CountBold(string text) => (text.Length - text.Replace("**", string.Empty).Length) / 2;
}
