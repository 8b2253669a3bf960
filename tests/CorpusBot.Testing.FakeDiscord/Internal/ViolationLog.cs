namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Thread-safe list of protocol/limit violations, as readable sentences prefixed with a category.</summary>
internal sealed class ViolationLog
{
    private readonly object _lock = new();
    private readonly List<string> _items = [];

    public void Add(string category, string sentence)
    {
        lock (_lock)
        {
            _items.Add($"[{category}] {sentence}");
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _items.Clear();
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lock)
        {
            return _items.ToArray();
        }
    }

    public string Summary(int last = 10)
    {
        var all = Snapshot();
        if (all.Count == 0)
        {
            return "no violations recorded";
        }

        var shown = all.Skip(Math.Max(0, all.Count - last));
        return $"{all.Count} violation(s), most recent: " + string.Join(" | ", shown);
    }
}
