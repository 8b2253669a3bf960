namespace CorpusBot.Commands;

internal static class Notes
{
    /// <summary>Joins a lead sentence and the engine's notes into one message, or null when there is nothing to say.</summary>
    public static string? Join(IReadOnlyList<string> notes, string? lead = null)
    {
        var parts = (lead is null ? notes : notes.Prepend(lead)).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
