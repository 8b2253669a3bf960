using System.Text.Json;

namespace CorpusBot.Discord.Gateway;

/// <summary>A dispatch (op 0) received from the gateway.</summary>
/// <param name="Name">The event name (t), e.g. INTERACTION_CREATE.</param>
/// <param name="Data">The event data (d); valid only during the callback unless cloned.</param>
/// <param name="Sequence">The sequence number (s).</param>
public readonly record struct GatewayEvent(string Name, JsonElement Data, long? Sequence);

/// <summary>What READY told us.</summary>
/// <param name="SessionId">The new session.</param>
/// <param name="ApplicationId">The application's id.</param>
/// <param name="UserId">The bot user's id.</param>
/// <param name="Username">The bot user's name.</param>
/// <param name="ShardId">The shard whose session this is.</param>
public sealed record ReadyInfo(string SessionId, string? ApplicationId, string? UserId, string? Username, int ShardId);

/// <summary>A shard's connection as the bot sees it.</summary>
public enum ShardState
{
    /// <summary>Opening a connection, or waiting for READY or RESUMED on it.</summary>
    Connecting,

    /// <summary>READY or RESUMED received: interactions arrive.</summary>
    Ready,

    /// <summary>The connection ended; the shard is waiting to reconnect (or stopped).</summary>
    Disconnected,
}

/// <summary>A shard changed state.</summary>
/// <param name="ShardId">The shard.</param>
/// <param name="State">Its new state.</param>
public readonly record struct ShardStateChange(int ShardId, ShardState State);
