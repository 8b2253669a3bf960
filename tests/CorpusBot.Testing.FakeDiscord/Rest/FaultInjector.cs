using System.Text.RegularExpressions;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Queued failures from <see cref="FakeDiscordServer.FailNext"/>; each matching request consumes one.</summary>
internal sealed class FaultInjector
{
    private readonly object _lock = new();
    private readonly List<Rule> _rules = [];

    public sealed record Fault(int Status, double RetryAfterSeconds, bool Global);

    private sealed class Rule(string method, Regex path, Fault fault, int remaining)
    {
        public string Method { get; } = method;
        public Regex Path { get; } = path;
        public Fault Fault { get; } = fault;
        public int Remaining { get; set; } = remaining;
    }

    public void Add(string method, string pathRegex, int status, int count, double retryAfterSeconds, bool global)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        var regex = new Regex(pathRegex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        lock (_lock)
        {
            _rules.Add(new Rule(method, regex, new Fault(status, retryAfterSeconds, global), count));
        }
    }

    public Fault? TryTake(string method, string path)
    {
        lock (_lock)
        {
            var rule = _rules.FirstOrDefault(r =>
                (r.Method == "*" || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)) && r.Path.IsMatch(path));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                _rules.Remove(rule);
            }

            return rule.Fault;
        }
    }
}
