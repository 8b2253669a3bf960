using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Where an interaction comes from, per the interaction object's <c>context</c> and <c>authorizing_integration_owners</c>.</summary>
public enum FakeInteractionPlace
{
    /// <summary>A server the bot is installed to (the default of every builder).</summary>
    InstalledServer,

    /// <summary>A server the bot is not in, used through the person's own install (user install, context 0).</summary>
    ServerByUserInstall,

    /// <summary>The DM with the bot (context 1), user-installed.</summary>
    BotDm,

    /// <summary>A DM or group DM between other people (context 2), user-installed.</summary>
    PrivateChannel,
}

public sealed partial class FakeDiscordServer
{
    /// <summary>
    /// Moves <paramref name="interaction"/> (from a builder) to <paramref name="place"/>, shaped as receiving-and-responding.md
    /// describes: outside a server there is no <c>member</c> and no <c>guild_id</c> but a top-level <c>user</c>; a user
    /// install lists the user under key "1" of <c>authorizing_integration_owners</c> and a guild install the guild under "0".
    /// </summary>
    public static JsonObject From(JsonObject interaction, FakeInteractionPlace place)
    {
        if (place == FakeInteractionPlace.InstalledServer)
        {
            return interaction;
        }

        var user = interaction["member"]?["user"]?.DeepClone();
        var userInstall = new JsonObject { ["1"] = TestUserId };
        interaction["authorizing_integration_owners"] = userInstall;
        interaction.Remove("guild_locale");
        switch (place)
        {
            case FakeInteractionPlace.ServerByUserInstall:
                interaction["context"] = 0;
                interaction["app_permissions"] = "0";
                break;
            case FakeInteractionPlace.BotDm:
            case FakeInteractionPlace.PrivateChannel:
                var dm = place == FakeInteractionPlace.BotDm;
                interaction.Remove("member");
                interaction.Remove("guild_id");
                interaction["user"] = user;
                interaction["context"] = dm ? 1 : 2;
                interaction["channel_id"] = dm ? "300000000000000091" : "300000000000000092";
                interaction["channel"] = new JsonObject
                {
                    ["id"] = interaction["channel_id"]!.GetValue<string>(),
                    ["type"] = dm ? 1 : 3, // DM, GROUP_DM
                };
                break;
        }

        return interaction;
    }

    /// <summary>Makes <paramref name="interaction"/> come from another person (so they are not the app's owner).</summary>
    public static JsonObject ByUser(JsonObject interaction, string userId)
    {
        var user = (interaction["member"]?["user"] ?? interaction["user"]) as JsonObject;
        if (user is not null)
        {
            user["id"] = userId;
            user["username"] = "user" + userId[^4..];
        }

        return interaction;
    }
}
