namespace CorpusBot.Discord.Gateway;

/// <summary>
/// The bot's status and activity, sent in Identify (gateway-events.md, Update Presence), e.g. "Watching 3,574 articles".
/// <see href="https://discord.com/developers/docs/events/gateway-events#update-presence"/>
/// </summary>
/// <param name="Status">The status shown beside the bot's name.</param>
/// <param name="Activity">What the bot is shown doing, or null for nothing.</param>
/// <param name="Text">The activity's text (for <see cref="ActivityType.Custom"/>, the whole line).</param>
public sealed record GatewayPresence(PresenceStatus Status, ActivityType? Activity, string? Text)
{
    /// <summary>Discord shows at most this many characters of an activity's name (the activity object's limit).</summary>
    public const int MaxTextLength = 128;

    /// <summary>The <c>presence</c> object of an Identify payload.</summary>
    internal object ToPayload() => new
    {
        since = (long?)null,
        activities = Activity is { } type && !string.IsNullOrWhiteSpace(Text) ? new[] { ActivityPayload(type, Trim(Text)) } : [],
        status = Status.ToString().ToLowerInvariant(),
        afk = false,
    };

    /// <summary>
    /// Reads the settings <c>Discord:Status</c> (online, idle, dnd, invisible) and <c>Discord:Activity</c> (Playing,
    /// Listening, Watching, Competing, Custom or None); null and a message that says what to set when one is not valid.
    /// </summary>
    public static GatewayPresence? TryParse(string? status, string? activity, string? text, out string? problem)
    {
        problem = null;
        var parsedStatus = PresenceStatus.Online;
        if (!string.IsNullOrWhiteSpace(status) && !Enum.TryParse(status.Trim(), ignoreCase: true, out parsedStatus) || !Enum.IsDefined(parsedStatus))
        {
            problem = $"Discord:Status must be one of online, idle, dnd, invisible (got \"{status}\").";
            return null;
        }

        if (string.IsNullOrWhiteSpace(activity) || string.Equals(activity.Trim(), "None", StringComparison.OrdinalIgnoreCase))
        {
            return new GatewayPresence(parsedStatus, null, null);
        }

        if (!Enum.TryParse<ActivityType>(activity.Trim(), ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(activity, out _))
        {
            problem = $"Discord:Activity must be one of Playing, Listening, Watching, Competing, Custom or None (got \"{activity}\").";
            return null;
        }

        return new GatewayPresence(parsedStatus, type, text);
    }

    private static object ActivityPayload(ActivityType type, string text) => type == ActivityType.Custom
        ? (object)new { name = "Custom Status", type = (int)type, state = text }
        : new { name = text, type = (int)type };

    private static string Trim(string text) => text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)] + "…";
}

/// <summary>A presence status (gateway-events.md, Status Types); "offline" is not one a bot sets for itself.</summary>
public enum PresenceStatus
{
    /// <summary>Online.</summary>
    Online,

    /// <summary>Away.</summary>
    Idle,

    /// <summary>Do not disturb.</summary>
    Dnd,

    /// <summary>Shown as offline while connected.</summary>
    Invisible,
}

/// <summary>
/// Activity types a bot may set (Streaming, 1, needs a stream address and is left out).
/// <see href="https://discord.com/developers/docs/events/gateway-events#activity-object-activity-types"/>
/// </summary>
public enum ActivityType
{
    /// <summary>"Playing {name}".</summary>
    Playing = 0,

    /// <summary>"Listening to {name}".</summary>
    Listening = 2,

    /// <summary>"Watching {name}".</summary>
    Watching = 3,

    /// <summary>A custom status: the text alone.</summary>
    Custom = 4,

    /// <summary>"Competing in {name}".</summary>
    Competing = 5,
}
