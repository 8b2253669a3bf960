using System.Text.Json;
using System.Text.Json.Nodes;
using CorpusBot.Discord.Models;
using CorpusBot.Discord.Tests.Support;

namespace CorpusBot.Discord.Tests.Interactions;

public class RecordedPayloadTests
{
    private static JsonElement Fixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name))).RootElement;

    [Fact]
    public void The_documented_slash_command_interaction_is_read_with_its_options_and_invoker()
    {
        var interaction = DiscordJson.Deserialize<Interaction>(Fixture("slash-command-interaction.json"))!;

        Assert.Equal("786008729715212338", interaction.Id);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("cardsearch", interaction.Data!.Name);
        Assert.Equal("The Gitrog Monster", interaction.Data.StringOption("cardname"));
        Assert.Equal("53908232506183680", interaction.Invoker!.Id);
    }

    [Fact]
    public void The_documented_message_command_interaction_gives_the_target_message_text()
    {
        var interaction = DiscordJson.Deserialize<Interaction>(Fixture("message-command-interaction.json"))!;

        var data = interaction.Data!;
        Assert.Equal(3, data.Type);
        Assert.Equal("some message", data.Resolved!.Messages![data.TargetId!].Content);
    }

    [Fact]
    public void The_documented_autocomplete_interaction_names_the_focused_option_and_its_partial_value()
    {
        var interaction = DiscordJson.Deserialize<Interaction>(Fixture("autocomplete-interaction.json"))!;

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        Assert.Equal("variant", interaction.Data!.Focused!.Name);
        Assert.Equal("data a user is typ", interaction.Data.Focused.ValueAsString());
    }

    [Theory]
    [InlineData("slash-command-interaction.json")]
    [InlineData("message-command-interaction.json")]
    [InlineData("autocomplete-interaction.json")]
    public async Task Each_recorded_interaction_sent_through_the_gateway_is_answered_once(string fixture)
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForReadyAsync(TimeSpan.FromSeconds(20));
        var payload = JsonNode.Parse(Fixture(fixture).GetRawText())!.AsObject();
        payload.Remove("id");
        payload.Remove("token");

        var id = bot.Discord.DispatchInteraction(payload);
        var record = await bot.Discord.WaitForFinalMessageAsync(id, TimeSpan.FromSeconds(20));

        Assert.Single(record.Callbacks);
        Assert.Empty(bot.Discord.Violations);
    }
}
