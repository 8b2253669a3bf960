using CorpusBot.Discord.Models;

namespace CorpusBot.Discord.Tests.Models;

public sealed class ApplicationInfoTests
{
    [Fact]
    public void A_personal_app_is_owned_by_its_owner()
    {
        var app = new ApplicationInfo("1", new DiscordUser("10"));

        Assert.Equal(["10"], app.OwnerIds());
    }

    [Fact]
    public void A_team_app_is_owned_by_the_teams_owner_admins_and_developers_who_accepted()
    {
        var app = new ApplicationInfo("1", new DiscordUser("99"), new ApplicationTeam("7", "10",
        [
            new TeamMember(new DiscordUser("11"), "admin", TeamMember.Accepted),
            new TeamMember(new DiscordUser("12"), "developer", TeamMember.Accepted),
            new TeamMember(new DiscordUser("13"), "read_only", TeamMember.Accepted),
            new TeamMember(new DiscordUser("14"), "admin", MembershipState: 1),
        ]));

        Assert.Equal(["10", "11", "12"], app.OwnerIds().Order(StringComparer.Ordinal));
    }
}
