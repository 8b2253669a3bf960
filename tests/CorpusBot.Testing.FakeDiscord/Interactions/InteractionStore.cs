using System.Collections.Concurrent;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>All interactions the fake dispatched, looked up by id or token.</summary>
internal sealed class InteractionStore
{
    private readonly ConcurrentDictionary<string, InteractionState> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InteractionState> _byToken = new(StringComparer.Ordinal);
    private readonly object _orderLock = new();
    private readonly List<InteractionState> _ordered = [];

    public void Add(InteractionState state)
    {
        if (!_byId.TryAdd(state.Id, state))
        {
            throw new ArgumentException($"An interaction with id {state.Id} was already dispatched.", nameof(state));
        }

        if (!_byToken.TryAdd(state.Token, state))
        {
            _byId.TryRemove(state.Id, out _);
            throw new ArgumentException($"An interaction with token {state.Token} was already dispatched.", nameof(state));
        }

        lock (_orderLock)
        {
            _ordered.Add(state);
        }
    }

    public InteractionState? ById(string id) => _byId.GetValueOrDefault(id);

    public InteractionState? ByToken(string token) => _byToken.GetValueOrDefault(token);

    public bool IsInteractionId(string id) => _byId.ContainsKey(id);

    public IReadOnlyList<InteractionState> All()
    {
        lock (_orderLock)
        {
            return _ordered.ToArray();
        }
    }
}
