using System.Text.Json;
using CorpusBot.Discord.Gateway;

namespace CorpusBot.Discord.Tests.Gateway;

public class GatewayPresenceTests
{
    [Fact]
    public void An_activity_is_sent_as_its_documented_type_with_the_text_as_its_name()
    {
        var presence = GatewayPresence.TryParse("idle", "watching", "3,574 articles", out _)!;

        var payload = Serialize(presence);

        Assert.Equal("idle", payload.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("since").ValueKind);
        Assert.False(payload.GetProperty("afk").GetBoolean());
        var activity = Assert.Single(payload.GetProperty("activities").EnumerateArray());
        Assert.Equal(3, activity.GetProperty("type").GetInt32());
        Assert.Equal("3,574 articles", activity.GetProperty("name").GetString());
    }

    [Fact]
    public void A_custom_status_carries_its_text_as_the_state()
    {
        var activity = Serialize(GatewayPresence.TryParse(null, "Custom", "Ask me about the news", out _)!)
            .GetProperty("activities")[0];

        Assert.Equal(4, activity.GetProperty("type").GetInt32());
        Assert.Equal("Ask me about the news", activity.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("None")]
    [InlineData("")]
    public void No_activity_sends_an_empty_list(string activity) =>
        Assert.Empty(Serialize(GatewayPresence.TryParse("online", activity, "x", out _)!).GetProperty("activities").EnumerateArray());

    [Fact]
    public void A_long_text_is_shortened_to_what_discord_shows()
    {
        var name = Serialize(GatewayPresence.TryParse("online", "Playing", new string('x', 500), out _)!).GetProperty("activities")[0].GetProperty("name").GetString();

        Assert.Equal(GatewayPresence.MaxTextLength, name!.Length);
    }

    [Theory]
    [InlineData("busy", "Watching", "Discord:Status")]
    [InlineData("offline", "Watching", "Discord:Status")]
    [InlineData("online", "Streaming", "Discord:Activity")]
    [InlineData("online", "3", "Discord:Activity")]
    public void Settings_discord_would_refuse_say_what_to_set(string status, string activity, string setting)
    {
        Assert.Null(GatewayPresence.TryParse(status, activity, "x", out var problem));
        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
    }

    private static JsonElement Serialize(GatewayPresence presence) =>
        JsonDocument.Parse(JsonSerializer.Serialize(presence.ToPayload())).RootElement;
}
