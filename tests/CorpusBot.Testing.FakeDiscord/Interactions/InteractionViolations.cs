using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Reports interaction problems with a readable label for the interaction.</summary>
internal sealed class InteractionViolations
{
    public const string Category = "interactions";
    private readonly ViolationLog _log;

    public InteractionViolations(ViolationLog log) => _log = log;

    public static string Label(InteractionState state)
    {
        Json.Has(state.Payload, "data", out var data);
        var what = state.Type switch
        {
            2 => $"command \"{Json.String(data, "name")}\"",
            3 => $"component \"{Json.String(data, "custom_id")}\"",
            4 => $"autocomplete for \"{Json.String(data, "name")}\"",
            5 => $"modal \"{Json.String(data, "custom_id")}\"",
            _ => $"type {state.Type}",
        };
        return $"interaction {state.Id} ({what})";
    }

    public void Add(string sentence) => _log.Add(Category, sentence);

    public void Add(InteractionState state, string line, string sentence) => _log.Add(Category, $"{Label(state)}: {line}: {sentence}");

    /// <summary>Records every validation problem (rejecting or not) of a message-bearing request.</summary>
    public void Report(InteractionState state, string line, FormErrors errors)
    {
        foreach (var problem in errors.Problems)
        {
            var where = problem.Path.Length == 0 ? "body" : problem.Path;
            var outcome = problem.Rejects ? "rejected with 400" : "accepted, but the docs do not allow it";
            Add(state, line, $"{where}: {problem.Message} ({outcome}).");
        }
    }

    /// <summary>The project's separate allowed_mentions rule.</summary>
    public void CheckMentionsRule(InteractionState state, string line, JsonElement message)
    {
        if (AllowedMentionsRule.Check(message) is { } reason)
        {
            _log.Add(AllowedMentionsRule.Category, $"{Label(state)}: {line}: {reason}; every message must carry \"allowed_mentions\": {{\"parse\": []}}.");
        }
    }
}
