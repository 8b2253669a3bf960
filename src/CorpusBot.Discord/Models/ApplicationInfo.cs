namespace CorpusBot.Discord.Models;

/// <summary>The application object (the fields this bot reads): its owner, or the team that owns it.</summary>
public sealed record ApplicationInfo(string Id, DiscordUser? Owner = null, ApplicationTeam? Team = null)
{
    /// <summary>
    /// The users who own the application: the owner, or the team's owner and its accepted admins and developers
    /// (read-only members can see the app but not change it).
    /// </summary>
    public IReadOnlySet<string> OwnerIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (Team is { } team)
        {
            if (team.OwnerUserId is { } teamOwner)
            {
                ids.Add(teamOwner);
            }

            foreach (var member in team.Members ?? [])
            {
                if (member.MembershipState == TeamMember.Accepted && member.Role is "admin" or "developer" && member.User?.Id is { } id)
                {
                    ids.Add(id);
                }
            }
        }
        else if (Owner?.Id is { } owner)
        {
            ids.Add(owner);
        }

        return ids;
    }
}

/// <summary>A team that owns an application.</summary>
public sealed record ApplicationTeam(string Id, string? OwnerUserId = null, IReadOnlyList<TeamMember>? Members = null);

/// <summary>A member of a team.</summary>
public sealed record TeamMember(DiscordUser? User = null, string? Role = null, int MembershipState = 0)
{
    /// <summary>ACCEPTED: the user joined the team (1 is INVITED).</summary>
    public const int Accepted = 2;
}
