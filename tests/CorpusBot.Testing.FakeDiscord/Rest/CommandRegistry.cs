using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Registered application commands (the last successful bulk overwrite per scope) and their stable ids.</summary>
internal sealed class CommandRegistry
{
    private readonly object _lock = new();
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<JsonElement>> _guild = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _echo = new(StringComparer.Ordinal);
    private IReadOnlyList<JsonElement> _global = [];
    private int _overwrites;

    public ChangeSignal Signal { get; } = new();

    /// <summary>Id for a command name/type in a scope ("global" or a guild id); the same name keeps its id across overwrites.</summary>
    public string IdFor(string scope, long type, string name)
    {
        lock (_lock)
        {
            var key = $"{scope}|{type}|{name}";
            if (!_ids.TryGetValue(key, out var id))
            {
                id = Snowflakes.Next();
                _ids[key] = id;
            }

            return id;
        }
    }

    /// <summary>Finds the id of a registered command by name and type: the guild's commands first, then global ones.</summary>
    public string? Find(string? guildId, long type, string name)
    {
        lock (_lock)
        {
            foreach (var scope in new[] { guildId, "global" })
            {
                if (scope is null)
                {
                    continue;
                }

                var list = scope == "global" ? _global : _guild.GetValueOrDefault(scope);
                var registered = list?.Any(c => Json.String(c, "name") == name && (Json.Integer(c, "type") ?? 1) == type) ?? false;
                if (registered && _ids.TryGetValue($"{scope}|{type}|{name}", out var id))
                {
                    return id;
                }
            }

            return null;
        }
    }

    public void Store(string scope, IReadOnlyList<JsonElement> body, JsonElement echo)
    {
        lock (_lock)
        {
            if (scope == "global")
            {
                _global = body;
            }
            else
            {
                _guild[scope] = body;
            }

            _echo[scope] = echo;
            _overwrites++;
        }

        Signal.Pulse();
    }

    public JsonElement? Echo(string scope)
    {
        lock (_lock)
        {
            return _echo.TryGetValue(scope, out var echo) ? echo : null;
        }
    }

    public IReadOnlyList<JsonElement> Global
    {
        get { lock (_lock) { return _global; } }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Guilds
    {
        get { lock (_lock) { return new Dictionary<string, IReadOnlyList<JsonElement>>(_guild, StringComparer.Ordinal); } }
    }

    public int Overwrites
    {
        get { lock (_lock) { return _overwrites; } }
    }
}
