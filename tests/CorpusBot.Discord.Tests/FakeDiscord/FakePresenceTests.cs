using System.Text.Json.Nodes;
using CorpusBot.Testing.FakeDiscord;

namespace CorpusBot.Discord.Tests.FakeDiscord;

/// <summary>Self-tests of the fake's checks of an Identify <c>presence</c> (gateway-events.md "Update Presence").</summary>
public class FakePresenceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_valid_presence_is_no_violation()
    {
        var violations = await IdentifyWithAsync(Presence("online", new JsonObject { ["name"] = "/search", ["type"] = 4 }));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_presence_with_an_unknown_status_is_a_violation_and_the_identify_still_succeeds()
    {
        var violations = await IdentifyWithAsync(Presence("busy"));

        var violation = Assert.Single(violations);
        Assert.Contains("presence.status", violation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_without_a_name_or_with_an_unknown_type_is_one_violation_each()
    {
        var violations = await IdentifyWithAsync(Presence("idle", new JsonObject { ["type"] = 9 }));

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("activities[0].name", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("activities[0].type", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_presence_with_a_text_since_and_no_afk_is_one_violation_each()
    {
        var presence = Presence("dnd");
        presence["since"] = "yesterday";
        presence.Remove("afk");

        var violations = await IdentifyWithAsync(presence);

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("presence.since", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("presence.afk", StringComparison.Ordinal));
    }

    private static JsonObject Presence(string status, params JsonObject[] activities) => new()
    {
        ["since"] = null,
        ["activities"] = new JsonArray(activities.Select(a => (JsonNode?)a).ToArray()),
        ["status"] = status,
        ["afk"] = false,
    };

    /// <summary>Identifies with the presence, waits for READY (the identify succeeds either way) and returns the violations.</summary>
    private static async Task<IReadOnlyList<string>> IdentifyWithAsync(JsonObject presence)
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var client = await RawGatewayClient.ConnectAsync(discord);

        await client.IdentifyAsync(discord.Options.Token, null, presence);
        await client.WaitForDispatchAsync("READY", Timeout);
        return discord.Violations;
    }
}
