using System.Text.RegularExpressions;
using CorpusBot.Commands.Catalog;
using CorpusBot.Discord.Text;

namespace CorpusBot.Tests.Commands;

public sealed partial class CommandCatalogTests
{
    [Fact]
    public void Every_slash_command_and_option_fits_discords_naming_rules()
    {
        foreach (var command in CommandCatalog.On(Surfaces.Discord).Where(c => c.Shape == CommandShape.Slash))
        {
            Assert.Matches(SlashName(), command.SlashName);
            Assert.InRange(command.SlashName.Length, 1, DiscordLimits.CommandName);
            Assert.InRange(command.Description.Length, 1, DiscordLimits.CommandDescription);
            Assert.All(command.ParametersOn(Surfaces.Discord), p =>
            {
                Assert.Matches(SlashName(), p.Name);
                Assert.InRange(p.Name.Length, 1, DiscordLimits.CommandName);
                Assert.InRange(p.Description.Length, 1, DiscordLimits.CommandDescription);
            });
        }
    }

    [Fact]
    public void Required_parameters_come_first_as_discord_requires()
    {
        Assert.All(CommandCatalog.All, c => Assert.Equal(
            c.Parameters.OrderByDescending(p => p.Required).Select(p => p.Name),
            c.Parameters.Select(p => p.Name)));
    }

    [Fact]
    public void Arguments_fall_back_to_defaults_and_numbers_stay_in_range()
    {
        var search = CommandCatalog.Search;

        var given = new CommandArguments(search, Surfaces.Discord, new Dictionary<string, string?> { ["query"] = "bridge", ["page"] = "5000" });

        Assert.Equal("bridge", given.Text("query"));
        Assert.Equal(100, given.Integer("page"));
        Assert.Equal(5, given.Integer("page-size"));
        Assert.Equal("relevance", given.Text("sort"));
        Assert.Null(given.OptionalText("from"));
        Assert.Throws<ArgumentException>(() => given.Text("nonsense"));
    }

    [GeneratedRegex(@"^[-_\p{Ll}\p{N}]{1,32}$")]
    private static partial Regex SlashName();
}
