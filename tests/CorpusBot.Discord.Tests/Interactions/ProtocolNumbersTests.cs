using System.Text.Json;
using CorpusBot.Discord.Models;

namespace CorpusBot.Discord.Tests.Interactions;

public class ProtocolNumbersTests
{
    [Fact]
    public void Named_protocol_values_go_on_the_wire_as_the_documented_numbers()
    {
        var response = new InteractionResponse(
            InteractionCallbackType.DeferredChannelMessageWithSource,
            new MessagePayload("x", Components: [new ActionRow([new Button(ButtonStyle.Link, "a", Url: "https://example.com")])], Flags: MessageFlags.Ephemeral));

        var json = JsonDocument.Parse(DiscordJson.Serialize(response)).RootElement;

        Assert.Equal(5, json.GetProperty("type").GetInt32());
        var data = json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        var row = data.GetProperty("components")[0];
        Assert.Equal(1, row.GetProperty("type").GetInt32());
        Assert.Equal(2, row.GetProperty("components")[0].GetProperty("type").GetInt32());
        Assert.Equal(5, row.GetProperty("components")[0].GetProperty("style").GetInt32());
    }

    [Fact]
    public void An_interaction_s_numeric_type_is_read_as_its_name()
    {
        var interaction = DiscordJson.Deserialize<Interaction>(JsonDocument.Parse("""{"id":"1","type":3,"token":"t","data":{"custom_id":"c","component_type":2}}""").RootElement)!;

        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal(ComponentType.Button, interaction.Data!.ComponentType);
    }
}
